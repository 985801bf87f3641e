#include "net/base64.hpp"

#include <cstdint>

namespace newsdb::net {
namespace {

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;  // '-' and '_': the URL-safe alphabet
  if (c == '/' || c == '_') return 63;
  return -1;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::optional<std::string> decode_base64(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t bits = 0;
  int held = 0;  // sextets in `bits`
  bool padded = false;
  for (char c : text) {
    if (is_space(c)) continue;
    if (c == '=') {
      padded = true;
      continue;
    }
    int v = sextet(c);
    if (v < 0 || padded) return std::nullopt;  // a character outside the alphabet, or data after '='
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    if (++held == 4) {
      out += static_cast<char>((bits >> 16) & 0xFF);
      out += static_cast<char>((bits >> 8) & 0xFF);
      out += static_cast<char>(bits & 0xFF);
      bits = 0;
      held = 0;
    }
  }
  if (held == 1) return std::nullopt;  // six bits cannot end a byte
  if (held == 2) out += static_cast<char>((bits >> 4) & 0xFF);
  if (held == 3) {
    out += static_cast<char>((bits >> 10) & 0xFF);
    out += static_cast<char>((bits >> 2) & 0xFF);
  }
  return out;
}

}  // namespace newsdb::net
