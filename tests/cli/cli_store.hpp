// A store for CLI tests, built once per test process from tests/data/query and samples/ through
// the library (parse_input + write_batch), with the parsed fixtures kept for expected answers.
#pragma once

#include <newsdb/store.hpp>
#include <string>
#include <vector>

#include "cli/run_cli.hpp"
#include "support/fixture_store.hpp"
#include "support/temp_dir.hpp"

namespace newsdb::test {

class CliStore {
 public:
  static CliStore& get() {
    static CliStore store;
    return store;
  }
  const std::string& db() const { return db_; }
  const std::vector<Article>& articles() const { return articles_; }
  std::vector<fs::path> files() const {
    return input_files({fs::path(NEWSDB_TEST_DATA) / "query", fs::path(NEWSDB_SAMPLES)});
  }

  // newsdb --db DB ARGS..., never on a terminal.
  Ran run(std::vector<std::string> args, const std::vector<std::string>& env = {}) const {
    args.insert(args.begin(), {"--db", db_});
    return run_cli(args, env);
  }

 private:
  CliStore() {
    db_ = (dir_.path() / "cli.sqlite").string();
    auto store = open_store(db_, OpenMode::kReadWrite);
    if (!store) throw std::runtime_error(store.error().message);
    import_files(**store, files());
    articles_ = deduplicated(parse_files(files()));
  }
  TempDir dir_;
  std::string db_;
  std::vector<Article> articles_;
};

}  // namespace newsdb::test
