#include "serve/html.hpp"

#include <newsdb/article_reader.hpp>

namespace newsdb::serve {
namespace {

bool is_dropped_control(unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f; }

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (!is_dropped_control(static_cast<unsigned char>(c))) out += c;
    }
  }
  return out;
}

std::optional<std::string> http_url(std::string_view url) {
  // Surrounding spaces are not part of the URL (the article parser trims them too).
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.remove_prefix(1);
  while (!url.empty() && (url.back() == ' ' || url.back() == '\t')) url.remove_suffix(1);
  std::size_t rest = 0;
  if (starts_with_ignoring_case(url, "https://")) {
    rest = 8;
  } else if (starts_with_ignoring_case(url, "http://")) {
    rest = 7;
  } else {
    return std::nullopt;
  }
  if (url.size() == rest || url[rest] == '/') return std::nullopt;  // no host
  for (char c : url) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) return std::nullopt;
  }
  return std::string(url);
}

std::string highlighted(std::string_view snippet) {
  std::string out;
  bool open = false;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= snippet.size(); ++i) {
    bool end = i == snippet.size();
    if (!end && snippet[i] != kMatchStart && snippet[i] != kMatchEnd) continue;
    out += escape(snippet.substr(from, i - from));
    from = i + 1;
    if (end) break;
    if (snippet[i] == kMatchStart && !open) {
      out += "<mark>";
      open = true;
    } else if (snippet[i] == kMatchEnd && open) {
      out += "</mark>";
      open = false;
    }
  }
  if (open) out += "</mark>";
  return out;
}

std::string shortened(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  std::size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "\u2026";
}

std::string url_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

}  // namespace newsdb::serve
