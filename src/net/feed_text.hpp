// Small text helpers for feed items: UTF-8 hygiene, whitespace, and excerpt cutting.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdb::net {

bool is_valid_utf8(std::string_view text);

// `text` with every invalid UTF-8 sequence and every NUL replaced by U+FFFD.
std::string sanitize_utf8(std::string_view text);

// Runs of whitespace (including U+00A0 no-break space) become one space; the ends are trimmed.
std::string collapse_whitespace(std::string_view text);

// `text` when it has at most `max_chars` code points; else its start, cut after the last whole
// word that fits, ended with "…", and at most `max_chars` code points in all.
std::string cut_at_word(std::string_view text, std::size_t max_chars);

// A size limit as people read it: "16 MiB", "64 KiB", else "1000 bytes".
std::string size_text(std::size_t bytes);

// The code point `cp` encoded as UTF-8 ("" for surrogates and values past U+10FFFF).
std::string utf8_encode(unsigned cp);

}  // namespace newsdb::net
