#include "store/parsed_file.hpp"
#include "support/fixture_store.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <newsdb/document.hpp>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "support/temp_dir.hpp"

namespace newsdb::test {
namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read fixture " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool hidden(const fs::path& root, const fs::path& path) {
  for (const auto& part : fs::relative(path, root)) {
    if (part.string().starts_with('.')) return true;
  }
  return false;
}

ParsedInput parse(const fs::path& file) {
  std::string bytes = read_file(file);
  ParsedInput parsed =
      parse_input(bytes, file.string(), input_format_for_path(file.string()));
  if (parsed.status == InputStatus::kFailed) {
    std::string message = "fixture " + file.string() + " does not parse";
    for (const auto& d : parsed.diagnostics) message += "\n  " + d.message;
    throw std::runtime_error(message);
  }
  return parsed;
}

}  // namespace

std::vector<fs::path> input_files(const std::vector<fs::path>& paths) {
  std::vector<fs::path> out;
  for (const auto& path : paths) {
    if (!fs::is_directory(path)) {
      out.push_back(path);
      continue;
    }
    std::vector<fs::path> found;
    for (const auto& entry : fs::recursive_directory_iterator(path)) {
      if (entry.is_regular_file() && !hidden(path, entry.path())) found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

std::vector<Article> parse_files(const std::vector<fs::path>& files) {
  std::vector<Article> out;
  for (const auto& file : files) {
    ParsedInput parsed = parse(file);
    for (auto& a : parsed.articles) out.push_back(std::move(a));
  }
  return out;
}

std::vector<Article> deduplicated(const std::vector<Article>& articles) {
  std::vector<Article> out;
  std::unordered_map<std::string, std::size_t> where;
  for (const auto& a : articles) {
    auto [it, inserted] = where.emplace(a.canonical_url, out.size());
    if (inserted) {
      out.push_back(a);
    } else {
      out[it->second] = a;
    }
  }
  return out;
}

void import_files(Store& store, const std::vector<fs::path>& files) {
  constexpr std::size_t kBatch = 500;
  std::vector<ParsedFile> batch;
  auto flush = [&] {
    if (batch.empty()) return;
    auto written = store.writer().write_batch(batch, Timestamp(std::chrono::seconds(1'700'000'000)));
    if (!written) throw std::runtime_error("writing fixtures: " + written.error().message);
    batch.clear();
  };
  for (const auto& file : files) {
    ParsedInput parsed = parse(file);
    ParsedFile f;
    f.record.path = file.string();
    f.record.size = static_cast<std::int64_t>(fs::file_size(file));
    f.record.content_hash = file.string();
    f.record.outcome = parsed.status == InputStatus::kNotAnArticle ? FileOutcome::kSkipped
                                                                   : FileOutcome::kImported;
    f.record.articles = static_cast<std::int64_t>(parsed.articles.size());
    f.articles = std::move(parsed.articles);
    batch.push_back(std::move(f));
    if (batch.size() == kBatch) flush();
  }
  flush();
}

fs::path generated_corpus(int count, int seed) {
  static std::map<std::pair<int, int>, std::unique_ptr<TempDir>> made;
  auto key = std::make_pair(count, seed);
  if (auto it = made.find(key); it != made.end()) return it->second->path() / "corpus";
  fs::path tool = fs::path(NEWSDB_SOURCE_DIR) / "tools" / "gen_corpus.py";
  if (!fs::exists(tool)) throw std::runtime_error("no corpus generator at " + tool.string());
  auto dir = std::make_unique<TempDir>();
  fs::path out = dir->path() / "corpus";
  std::string command = "python3 '" + tool.string() + "' --count " + std::to_string(count) +
                        " --seed " + std::to_string(seed) + " --out '" + out.string() +
                        "' > /dev/null 2>&1";
  if (std::system(command.c_str()) != 0 || !fs::is_directory(out)) {
    throw std::runtime_error("generating a corpus failed (is python3 installed?): " + command);
  }
  made.emplace(key, std::move(dir));
  return out;
}

}  // namespace newsdb::test
