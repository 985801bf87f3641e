// Small corpora written on the fly, and a store read back with plain SQL, for the import tests.
#pragma once

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <newsdb/clock.hpp>
#include <newsdb/store.hpp>
#include <string>
#include <vector>

#include "ingest/import_pipeline.hpp"
#include "store/writer_fixtures.hpp"
#include "support/store_sql.hpp"
#include "support/temp_dir.hpp"

namespace newsdb::test {

// A frontmatter article with a title and an originalUrl, plus any YAML lines given.
inline std::string article_md(const std::string& url, const std::string& title,
                              const std::string& more_yaml = "") {
  return "---\ntitle: \"" + title + "\"\noriginalUrl: \"" + url + "\"\n" + more_yaml +
         "---\nBody of " + title + ".\n";
}

inline std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Sets a file's modification time (seconds since the epoch), as `touch -d` would.
inline void set_mtime(const std::filesystem::path& path, std::int64_t seconds) {
  timespec times[2] = {{seconds, 0}, {seconds, 0}};
  ::utimensat(AT_FDCWD, path.c_str(), times, 0);
}

// Runs an import of `sources` into `db` and returns its summary (REQUIREs success).
inline ingest::ImportSummary import_into(const std::string& db,
                                         const std::vector<std::string>& sources,
                                         ingest::ImportOptions options = {},
                                         std::vector<Diagnostic>* diagnostics = nullptr) {
  options.sources = sources;
  options.database = db;
  FixedClock clock(Timestamp(std::chrono::seconds(1'700'000'000)));
  ingest::ImportObserver observer;
  observer.diagnostic = [&](const Diagnostic& d) {
    if (diagnostics) diagnostics->push_back(d);
  };
  auto summary = ingest::run_import(options, clock, observer);
  if (!summary) FAIL(summary.error().message);
  return *summary;
}

// new, updated, unchanged, skipped, failed: compared as one value in test output.
inline std::vector<std::int64_t> counts(const ingest::ImportSummary& s) {
  return {s.added, s.updated, s.unchanged, s.skipped, s.failed};
}

}  // namespace newsdb::test
