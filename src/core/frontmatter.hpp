// Splitting an article file into its YAML frontmatter and its Markdown body.
//
//   ---            <- line 1: exactly `---` (trailing spaces, tabs or CR allowed), after an
//   title: ...        optional UTF-8 BOM; anything else means "not an article"
//   ---            <- the first later line that is exactly `---` or `...` closes it
//   body           <- everything after; a `---` here is Markdown (a thematic break), not a fence
//
// Leading blank lines of the body are dropped, and a body of only whitespace is no body.
#pragma once

#include <optional>
#include <string_view>

namespace newsdb {

struct FrontmatterParts {
  enum class Kind {
    kNotAnArticle,  // the first line is not a `---` fence
    kUnclosed,      // opened but never closed
    kArticle,
  };
  Kind kind = Kind::kNotAnArticle;
  std::string_view yaml;                 // between the fences; its first line is file line 2
  std::optional<std::string_view> body;  // after the closing fence (see above)
};

// `text` must not start with a BOM (strip it first: see strip_bom).
FrontmatterParts split_frontmatter(std::string_view text);

// `text` without a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view text);

}  // namespace newsdb
