// A store for CLI tests, built once per backend and test process from tests/data/query and
// samples/ through the library (parse_input + write_batch), with the parsed fixtures kept for
// expected answers. The tests run the same commands on every backend of the run:
//
//   for (const auto& backend : backends()) {
//     DYNAMIC_SECTION(backend) {
//       auto& cli = CliStore::get(backend);
//       auto ran = cli.run({"query", "--topic", "ties"});
#pragma once

#include <map>
#include <memory>
#include <newsdb/store.hpp>
#include <string>
#include <vector>

#include "cli/run_cli.hpp"
#include "support/backends.hpp"
#include "support/fixture_store.hpp"
#include "support/temp_dir.hpp"

namespace newsdb::test {

class CliStore {
 public:
  // The fixture store on `backend` ("sqlite" or "postgresql"), built on first use.
  static CliStore& get(const std::string& backend = "sqlite") {
    static std::map<std::string, std::unique_ptr<CliStore>> stores;
    auto& store = stores[backend];
    if (!store) store.reset(new CliStore(backend));
    return *store;
  }
  const std::string& backend() const { return backend_; }
  // What --db takes: a SQLite file or a postgresql:// URI.
  const std::string& db() const { return fresh_.spec(); }
  const std::vector<Article>& articles() const { return articles_; }
  std::vector<fs::path> files() const {
    return input_files({fs::path(NEWSDB_TEST_DATA) / "query", fs::path(NEWSDB_SAMPLES)});
  }

  // newsdb --db DB ARGS..., never on a terminal.
  Ran run(std::vector<std::string> args, const std::vector<std::string>& env = {}) const {
    args.insert(args.begin(), {"--db", db()});
    return run_cli(args, env);
  }

 private:
  explicit CliStore(const std::string& backend) : backend_(backend), fresh_(backend) {
    import_files(fresh_.store(), files());
    articles_ = deduplicated(parse_files(files()));
  }
  std::string backend_;
  FreshStore fresh_;
  std::vector<Article> articles_;
};

}  // namespace newsdb::test
