#include "net/charset.hpp"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

namespace newsdb::net {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Owns an iconv descriptor.
class Converter {
 public:
  explicit Converter(const std::string& from) : cd_(iconv_open("UTF-8", from.c_str())) {}
  ~Converter() {
    if (ok()) iconv_close(cd_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

}  // namespace

std::optional<std::string> charset_of(std::string_view content_type) {
  auto lowered = lower(content_type);
  auto at = lowered.find("charset=");
  if (at == std::string::npos) return std::nullopt;
  std::string_view value = std::string_view(content_type).substr(at + 8);
  auto end = value.find_first_of(";, \t");
  value = value.substr(0, end);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) {
    value = value.substr(1, value.size() - 2);
  }
  if (value.empty()) return std::nullopt;
  return std::string(value);
}

bool is_utf8_name(std::string_view charset) {
  auto c = lower(charset);
  return c == "utf-8" || c == "utf8" || c == "utf_8" || c == "us-ascii" || c == "ascii";
}

bool is_known_charset(const std::string& charset) {
  return Converter(charset).ok();
}

std::optional<std::string> to_utf8(std::string_view bytes, const std::string& charset,
                                   std::size_t* replaced) {
  Converter conv(charset);
  if (!conv.ok()) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char buf[8192];
  // A bad unit of UTF-16/32 is skipped whole, so that the rest stays aligned.
  auto name = lower(charset);
  std::size_t unit = name.starts_with("utf-16") ? 2 : name.starts_with("utf-32") ? 4 : 1;
  while (in_left > 0) {
    char* out_ptr = buf;
    size_t out_left = sizeof buf;
    size_t rc = iconv(conv.get(), &in, &in_left, &out_ptr, &out_left);
    out.append(buf, static_cast<size_t>(out_ptr - buf));
    if (rc == static_cast<size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ or EINVAL (a truncated sequence at the end): replace one byte (one unit) and go
      // on.
      out += "\xEF\xBF\xBD";
      if (replaced) ++*replaced;
      std::size_t skip = std::min(unit, in_left);
      in += skip;
      in_left -= skip;
    }
  }
  return out;
}

}  // namespace newsdb::net
