// libxml2's error reports, caught instead of printed. libxml2 writes some of its messages (an
// encoding error, an I/O error) straight to stderr, whatever the parser options say; while a
// LibxmlErrors lives, every report of the current thread comes here instead, to be turned into
// a newsdb diagnostic or dropped. Guards nest: each restores the handlers it found.
#pragma once

#include <libxml/xmlerror.h>

#include <cstddef>
#include <string>
#include <vector>

namespace newsdb::net {

struct XmlProblem {
  int line = 0;         // 0 when unknown
  std::string message;  // libxml2's text, one line
};

class LibxmlErrors {
 public:
  LibxmlErrors();
  ~LibxmlErrors();
  LibxmlErrors(const LibxmlErrors&) = delete;
  LibxmlErrors& operator=(const LibxmlErrors&) = delete;

  // The first reports (at most kKept), in order, and how many there were in all.
  const std::vector<XmlProblem>& problems() const { return problems_; }
  std::size_t count() const { return count_; }

  static constexpr std::size_t kKept = 20;

  void add(int line, std::string message);

 private:
  std::vector<XmlProblem> problems_;
  std::size_t count_ = 0;
  xmlStructuredErrorFunc saved_structured_ = nullptr;
  void* saved_structured_context_ = nullptr;
  xmlGenericErrorFunc saved_generic_ = nullptr;
  void* saved_generic_context_ = nullptr;
};

}  // namespace newsdb::net
