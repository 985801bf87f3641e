// Which character encoding an XML feed is in, and the feed as UTF-8: the order browsers and feed
// readers settle on (RFC 7303, WHATWG Encoding):
//   1. a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
//   2. the HTTP charset parameter, which is authoritative;
//   3. the XML declaration's encoding;
//   4. UTF-16/UTF-32 without a BOM, detected from how the first characters (`<?` or `<`) are laid
//      out in bytes;
//   5. UTF-8 when the bytes are valid UTF-8, else windows-1252.
// A label iconv does not know, a UTF-8 label on bytes that are not UTF-8, and a label that the
// bytes contradict (UTF-16 named on single-byte text, or the other way round) fall through to the
// next step instead of refusing the feed. Labels are read as WHATWG says browsers read them:
// ISO-8859-1 and its aliases as windows-1252 (so C1 bytes are curly quotes and dashes), GB2312 as
// GB18030, Shift_JIS as its Windows form, and so on.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdb::net {

struct DecodedXml {
  std::string text;          // UTF-8, without a byte order mark
  std::string encoding;      // the encoding it was read as, as iconv names it ("UTF-8", ...)
  std::size_t replaced = 0;  // bytes with no character in `encoding`, each now U+FFFD
  // Labels that were given but not used, with why ("the HTTP charset 'x' is unknown").
  std::vector<std::string> ignored_labels;
};

// `bytes` read as above; `http_charset` is the Content-Type's charset parameter, if any.
DecodedXml decode_xml(std::string_view bytes, const std::optional<std::string>& http_charset);

// True when `bytes` start like UTF-16 or UTF-32 XML (with or without a byte order mark).
bool looks_like_wide_xml(std::string_view bytes);

}  // namespace newsdb::net
