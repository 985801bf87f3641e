#include "net/libxml_errors.hpp"

#include <cstdarg>
#include <cstdio>

#include "net/xml_document.hpp"

namespace newsdb::net {
namespace {

std::string one_line(const char* text) {
  std::string out;
  for (const char* p = text ? text : ""; *p; ++p) out += (*p == '\n' || *p == '\r') ? ' ' : *p;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void on_structured(void* context, xmlErrorPtr error) {
  if (!error || error->level == XML_ERR_NONE) return;
  static_cast<LibxmlErrors*>(context)->add(error->line, one_line(error->message));
}

void on_generic(void* context, const char* format, ...) {
  char buf[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buf, sizeof buf, format, args);
  va_end(args);
  auto text = one_line(buf);
  // libxml2 prints some messages in pieces; the pieces that are only spacing say nothing.
  if (!text.empty()) static_cast<LibxmlErrors*>(context)->add(0, std::move(text));
}

}  // namespace

LibxmlErrors::LibxmlErrors() {
  ensure_libxml_initialised();
  saved_structured_ = xmlStructuredError;
  saved_structured_context_ = xmlStructuredErrorContext;
  saved_generic_ = xmlGenericError;
  saved_generic_context_ = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc(this, on_structured);
  xmlSetGenericErrorFunc(this, on_generic);
}

LibxmlErrors::~LibxmlErrors() {
  xmlSetStructuredErrorFunc(saved_structured_context_, saved_structured_);
  xmlSetGenericErrorFunc(saved_generic_context_, saved_generic_);
}

void LibxmlErrors::add(int line, std::string message) {
  ++count_;
  if (problems_.size() < kKept) problems_.push_back(XmlProblem{line, std::move(message)});
}

}  // namespace newsdb::net
