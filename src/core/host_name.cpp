#include "core/host_name.hpp"

#include <idn2.h>

#include <memory>

#include "core/text_scan.hpp"

namespace newsdb {
namespace {

struct Idn2Free {
  void operator()(std::uint8_t* p) const { idn2_free(p); }
};

std::string lower_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) out += to_lower_ascii(c);
  return out;
}

}  // namespace

std::string canonical_host(std::string_view host) {
  bool all_ascii = true;
  for (char c : host) all_ascii &= static_cast<unsigned char>(c) < 0x80;
  // ASCII hosts, nearly all of them, never reach libidn2: lower-casing is all UTS #46 would do to
  // a valid one, and an ASCII name it would refuse (an underscore, say) must still be accepted.
  if (all_ascii) return lower_ascii(host);
  std::string input(host);  // libidn2 reads a NUL-terminated string
  std::uint8_t* mapped = nullptr;
  int rc = idn2_lookup_u8(reinterpret_cast<const std::uint8_t*>(input.c_str()), &mapped,
                          IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
  std::unique_ptr<std::uint8_t, Idn2Free> owner(mapped);
  if (rc != IDN2_OK || mapped == nullptr) return lower_ascii(host);
  std::string ascii(reinterpret_cast<const char*>(mapped));
  // UTS #46 maps a fullwidth `：` or `／` to the ASCII delimiter, and the canonical URL would
  // then read back with another host and port. libidn2's STD3 flag is no help: it drops such
  // characters silently (`a_b` became `ab`, another host). So the result is checked here.
  // Characters it maps to nothing (a soft hyphen) can leave a label empty, or the whole host,
  // which no URL could carry: such a host is one IDNA cannot map.
  if (ascii.empty() || ascii.front() == '.' || ascii.find("..") != std::string::npos) {
    return lower_ascii(host);
  }
  for (char c : ascii) {
    if (!(is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_')) {
      return lower_ascii(host);
    }
  }
  return ascii;
}

}  // namespace newsdb
