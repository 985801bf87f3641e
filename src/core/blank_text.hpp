// Whether a text says nothing: a title or a topic of only spaces is no title, no topic.
#pragma once

#include <string_view>

namespace newsdb {

// True when `text` (UTF-8) is empty or holds only white space: ASCII space, tab, CR, LF, VT, FF
// and the other Unicode White_Space characters (U+0085, no-break spaces, the U+2000 spaces, line
// and paragraph separators, U+3000). Invalid UTF-8 is not blank.
bool is_blank_text(std::string_view text);

}  // namespace newsdb
