#include "net/xml_encoding.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "net/charset.hpp"
#include "net/feed_text.hpp"

namespace newsdb::net {
namespace {

enum class Width { kSingle, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };

const char* iconv_name(Width w) {
  switch (w) {
    case Width::kUtf16Le:
      return "UTF-16LE";
    case Width::kUtf16Be:
      return "UTF-16BE";
    case Width::kUtf32Le:
      return "UTF-32LE";
    case Width::kUtf32Be:
      return "UTF-32BE";
    case Width::kSingle:
      break;
  }
  return "UTF-8";
}

struct Bom {
  std::string_view bytes;
  Width width;
};

// UTF-32LE's mark starts like UTF-16LE's, so it is tried first.
constexpr std::array<Bom, 4> kWideBoms = {{{std::string_view("\xFF\xFE\0\0", 4), Width::kUtf32Le},
                                           {std::string_view("\0\0\xFE\xFF", 4), Width::kUtf32Be},
                                           {"\xFF\xFE", Width::kUtf16Le},
                                           {"\xFE\xFF", Width::kUtf16Be}}};

// How `<` (the first character of any XML document, after a BOM and a declaration-less start)
// is laid out: XML 1.0 appendix F.
Width width_from_layout(std::string_view b) {
  auto at = [&](std::size_t i) { return i < b.size() ? b[i] : '\x01'; };
  if (at(0) == '\0' && at(1) == '\0' && at(2) == '\0' && at(3) == '<') return Width::kUtf32Be;
  if (at(0) == '<' && at(1) == '\0' && at(2) == '\0' && at(3) == '\0') return Width::kUtf32Le;
  if (at(0) == '\0' && at(1) == '<') return Width::kUtf16Be;
  if (at(0) == '<' && at(1) == '\0') return Width::kUtf16Le;
  return Width::kSingle;
}

std::string lower_trimmed(std::string_view label) {
  std::string out;
  for (char c : label) {
    if (c == ' ' || c == '\t' || c == '"' || c == '\'') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool is_wide_label(const std::string& lowered) {
  return lowered.starts_with("utf-16") || lowered.starts_with("utf16") ||
         lowered.starts_with("utf-32") || lowered.starts_with("utf32") ||
         lowered.starts_with("ucs-2") || lowered.starts_with("ucs2") ||
         lowered.starts_with("ucs-4") || lowered.starts_with("ucs4") ||
         lowered == "iso-10646-ucs-2" || lowered == "unicode";
}

// The encoding browsers read a label as (WHATWG Encoding), where that is a superset of what
// iconv would read: the single-byte ISO labels that are Windows code pages in practice, and the
// East Asian standards that servers send for their Windows extensions.
std::string as_browsers_read(const std::string& lowered, std::string_view label) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kSupersets = {{
      {"iso-8859-1", "WINDOWS-1252"},
      {"iso8859-1", "WINDOWS-1252"},
      {"iso_8859-1", "WINDOWS-1252"},
      {"latin1", "WINDOWS-1252"},
      {"latin-1", "WINDOWS-1252"},
      {"l1", "WINDOWS-1252"},
      {"cp819", "WINDOWS-1252"},
      {"ibm819", "WINDOWS-1252"},
      {"iso-ir-100", "WINDOWS-1252"},
      {"iso-8859-9", "WINDOWS-1254"},
      {"latin5", "WINDOWS-1254"},
      {"iso-8859-11", "CP874"},
      {"tis-620", "CP874"},
      {"gb2312", "GB18030"},
      {"gbk", "GB18030"},
      {"x-gbk", "GB18030"},
      {"shift_jis", "CP932"},
      {"shift-jis", "CP932"},
      {"sjis", "CP932"},
      {"x-sjis", "CP932"},
      {"euc-kr", "CP949"},
      {"big5", "BIG5-HKSCS"},
  }};
  for (const auto& [name, superset] : kSupersets) {
    if (lowered == name) return std::string(superset);
  }
  return std::string(label);
}

// The encoding named by the XML declaration, if the (single-byte) document starts with one.
std::optional<std::string> declared_encoding(std::string_view bytes) {
  if (!bytes.starts_with("<?xml")) return std::nullopt;
  auto decl = bytes.substr(0, std::min(bytes.find("?>"), std::size_t{300}));
  auto at = decl.find("encoding");
  if (at == std::string_view::npos) return std::nullopt;
  auto quote = decl.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return std::nullopt;
  auto close = decl.find(decl[quote], quote + 1);
  if (close == std::string_view::npos) return std::nullopt;
  return std::string(decl.substr(quote + 1, close - quote - 1));
}

DecodedXml converted(std::string_view bytes, std::string encoding, DecodedXml out) {
  if (encoding == "UTF-8") {
    out.text.assign(bytes);
  } else {
    out.text = to_utf8(bytes, encoding, &out.replaced).value_or(std::string(bytes));
  }
  if (out.text.starts_with("\xEF\xBB\xBF")) out.text.erase(0, 3);  // a BOM the label spelt out
  out.encoding = std::move(encoding);
  return out;
}

}  // namespace

bool looks_like_wide_xml(std::string_view bytes) {
  for (const auto& bom : kWideBoms) {
    if (bytes.starts_with(bom.bytes)) return true;
  }
  return width_from_layout(bytes) != Width::kSingle;
}

DecodedXml decode_xml(std::string_view bytes, const std::optional<std::string>& http_charset) {
  DecodedXml out;
  if (bytes.starts_with("\xEF\xBB\xBF")) return converted(bytes.substr(3), "UTF-8", std::move(out));
  for (const auto& bom : kWideBoms) {
    if (bytes.starts_with(bom.bytes)) {
      return converted(bytes.substr(bom.bytes.size()), iconv_name(bom.width), std::move(out));
    }
  }

  Width width = width_from_layout(bytes);
  bool valid_utf8 = width == Width::kSingle && is_valid_utf8(bytes);
  auto declared = width == Width::kSingle ? declared_encoding(bytes) : std::nullopt;
  std::pair<const char*, const std::optional<std::string>*> labels[] = {
      {"the HTTP charset", &http_charset}, {"the XML declaration's encoding", &declared}};
  for (const auto& [where, label] : labels) {
    if (!*label) continue;
    auto lowered = lower_trimmed(**label);
    auto ignored = [&, where = where, label = label](const char* why) {
      out.ignored_labels.push_back(std::string(where) + " '" + **label + "' " + why);
    };
    if (is_wide_label(lowered) != (width != Width::kSingle)) {
      ignored(width == Width::kSingle ? "does not match the bytes, which are single-byte text"
                                      : "does not match the bytes, which are UTF-16 or UTF-32");
      continue;
    }
    if (width != Width::kSingle) return converted(bytes, iconv_name(width), std::move(out));
    if (is_utf8_name(lowered)) {
      if (valid_utf8) return converted(bytes, "UTF-8", std::move(out));
      ignored("does not match the bytes, which are not UTF-8");
      continue;
    }
    auto encoding = as_browsers_read(lowered, **label);
    if (is_known_charset(encoding)) return converted(bytes, encoding, std::move(out));
    ignored("is not an encoding newsdb knows");
  }
  if (width != Width::kSingle) return converted(bytes, iconv_name(width), std::move(out));
  return converted(bytes, valid_utf8 ? "UTF-8" : "WINDOWS-1252", std::move(out));
}

}  // namespace newsdb::net
