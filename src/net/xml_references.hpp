// Character and entity references as feeds really write them, made into XML that libxml2 reads
// without losing text. libxml2 drops every entity reference that follows the first
// well-formedness error of a document, even in recover mode, so one `Fish & Chips` used to empty
// every later `&amp;` of the feed and change its URLs. Outside comments, CDATA sections,
// processing instructions and the DOCTYPE:
// - `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` become character references (which libxml2 always
//   reads);
// - HTML's named entities (`&eacute;`, `&nbsp;`) become the character reference of their code
//   point;
// - `&#N;` and `&#xH;` (also `&#XH;`) are kept as character references; code points XML does not
//   allow become U+FFFD, and 128-159 are read as windows-1252 (`&#146;` is a right quote), as
//   HTML does;
// - references to entities the DOCTYPE declares are kept (libxml2 reads them under the limits of
//   xml_document.hpp);
// - any other `&` (a bare one, an unknown name, a name without `;`) is the literal character.
#pragma once

#include <string>
#include <string_view>

namespace newsdb::net {

// `utf8` (an XML document in UTF-8) with its references made as above. Linear in its size.
std::string repair_references(std::string_view utf8);

}  // namespace newsdb::net
