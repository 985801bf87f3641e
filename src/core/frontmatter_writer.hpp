// Writing an article as a frontmatter document (docs/format.md): what
// `show --format frontmatter` prints and what `export --format frontmatter` writes per file.
//
// Contract: parsing the output gives back the same Article (every field, unknown fields at every
// level in their order, `secured` byte for byte, the body). Fields come in the format's order —
// category, title, excerpt, publishedDateTime, originalUrl, webUrl, ampWebUrl, cdnAmpWebUrl, type,
// quality, heat, published, provider, topics, images, related, secured — then the unknown ones.
// Every string is double-quoted, so no value changes type on the way back ("yes", "0123",
// "2023-01-01" stay strings). Pure and thread-safe.
#pragma once

#include <newsdb/article.hpp>
#include <string>

namespace newsdb {

// "---\n" YAML "---\n", then the body as stored (nothing when there is none).
std::string to_frontmatter(const Article& article);

}  // namespace newsdb
