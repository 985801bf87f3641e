#include "cli/output/export_folder.hpp"

#include <cstdio>
#include <fstream>
#include <system_error>

#include "core/frontmatter_writer.hpp"

namespace newsdb::cli {
namespace {

constexpr std::size_t kMaxSlug = 60;

// FNV-1a, 64 bits: stable across platforms and releases (std::hash is not).
std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string slug(std::string_view title) {
  std::string out;
  for (unsigned char c : title) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c - 'A' + 'a');
      alnum = true;
    }
    if (alnum) {
      out += static_cast<char>(c);
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= kMaxSlug) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "article" : out;
}

Error io_error(const std::filesystem::path& path, const std::string& what) {
  return Error{ErrorKind::kIo, "cannot " + what + " " + path.string() + ": " +
                                   std::error_code(errno, std::generic_category()).message()};
}

}  // namespace

std::string export_file_name(const Article& article) {
  char hash[17];
  std::snprintf(hash, sizeof hash, "%012llx",
                static_cast<unsigned long long>(fnv1a(article.canonical_url) >> 16));
  return slug(article.title) + "-" + hash + ".md";
}

Result<ExportFolder> ExportFolder::open(const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec || !std::filesystem::is_directory(folder)) {
    return fail(ErrorKind::kIo, "cannot use " + folder.string() + " as the export folder: " +
                                    (ec ? ec.message() : "it is not a folder"));
  }
  return ExportFolder(folder);
}

Result<void> ExportFolder::write(const StoredArticle& article) {
  std::string name = export_file_name(article.article);
  if (!used_.insert(name).second) {  // same slug and hash: disambiguate by id
    name = name.substr(0, name.size() - 3) + "-" + std::to_string(article.id) + ".md";
    used_.insert(name);
  }
  auto path = folder_ / name;
  auto temporary = folder_ / ("." + name + ".tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return std::unexpected(io_error(temporary, "create"));
    out << to_frontmatter(article.article);
    out.flush();
    if (!out) return std::unexpected(io_error(temporary, "write"));
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    return fail(ErrorKind::kIo, "cannot write " + path.string() + ": " + ec.message());
  }
  ++written_;
  return {};
}

}  // namespace newsdb::cli
