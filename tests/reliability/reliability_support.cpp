#include "reliability/reliability_support.hpp"

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "store/sqlite/database.hpp"
#include "store/writer_fixtures.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace newsdb::test {
namespace {

std::string slurp_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int next_child_number() {
  static std::atomic<int> n = 0;  // children are started from several threads
  return ++n;
}

}  // namespace

Child start_newsdb(const std::vector<std::string>& args, const fs::path& scratch,
                   const ChildOptions& options) {
  Child child;
  int n = next_child_number();
  child.out = scratch / ("child-" + std::to_string(n) + ".out");
  child.err = scratch / ("child-" + std::to_string(n) + ".err");
  std::string binary = options.binary.empty() ? std::string(NEWSDB_BINARY) : options.binary;
  std::vector<std::string> argv_text = {binary};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  // Everything the child needs is prepared before fork: after it only async-signal-safe calls.
  std::string out = child.out.string(), err = child.err.string();
  child.pid = ::fork();
  if (child.pid == 0) {
    int in_fd = ::open("/dev/null", O_RDONLY);
    int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(in_fd, STDIN_FILENO);
    ::dup2(out_fd, STDOUT_FILENO);
    ::dup2(err_fd, STDERR_FILENO);
    if (options.file_size_limit) {
      ::signal(SIGXFSZ, SIG_IGN);  // an ignored signal stays ignored across exec
      rlimit limit{*options.file_size_limit, *options.file_size_limit};
      if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
    }
    if (options.user) {
      if (::setgroups(0, nullptr) != 0 || ::setgid(*options.user) != 0 ||
          ::setuid(*options.user) != 0) {
        _exit(126);
      }
    }
    ::execv(argv[0], argv.data());
    _exit(127);
  }
  return child;
}

ChildResult wait_for(const Child& child) {
  ChildResult result;
  int status = 0;
  rusage usage{};
  while (::wait4(child.pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  result.max_rss_kb = usage.ru_maxrss;
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.out = slurp_file(child.out);
  result.err = slurp_file(child.err);
  return result;
}

ChildResult run_child(const std::vector<std::string>& args, const fs::path& scratch,
                      const ChildOptions& options) {
  return wait_for(start_newsdb(args, scratch, options));
}

std::vector<fs::path> write_corpus(const fs::path& dir, int first, int count, Revision revision) {
  std::vector<fs::path> files;
  for (int i = first; i < first + count; ++i) {
    std::string n = std::to_string(i);
    bool revised = revision == Revision::kRevised;
    std::string text = "---\ntitle: \"Story " + n + (revised ? " revised" : "") +
                       "\"\noriginalUrl: \"https://e.com/" + n + "\"\ntopics:\n  - Topic " +
                       std::to_string((i + (revised ? 1 : 0)) % 7) + "\n  - Shared\n" +
                       (revised ? "  - Revised\n" : "") + "images:\n  - url: https://img/" + n +
                       ".jpg\n    width: 10\n" +
                       (revised ? "  - url: https://img/" + n + "-b.jpg\n" : "") +
                       "---\nBody of story " + n + ".\n";
    fs::path path = dir / std::to_string(i % 50) / (n + ".md");
    write_file(path, text);
    files.push_back(path);
  }
  return files;
}

std::int64_t count_of(const std::string& db, const std::string& sql) {
  return SqlView(db).integer(sql);
}

void check_sound(const std::string& db) {
  SqlView sql(db);
  CHECK(sql.text("PRAGMA integrity_check") == "ok");
  CHECK(sql.text("PRAGMA foreign_key_check") == "<none>");
  // Every article is whole, in one version: the original has 2 topics and 1 image, the revised
  // one 3 topics (one of them "Revised") and 2 images.
  CHECK(sql.integer(R"(
    SELECT count(*) FROM articles a
    WHERE (SELECT count(*) FROM article_topics t WHERE t.article_id = a.id)
          != CASE WHEN a.title LIKE '% revised' THEN 3 ELSE 2 END
       OR (SELECT count(*) FROM images i WHERE i.article_id = a.id)
          != CASE WHEN a.title LIKE '% revised' THEN 2 ELSE 1 END
       OR (a.title LIKE '% revised') != EXISTS (
            SELECT 1 FROM article_topics t JOIN topics p ON p.id = t.topic_id
            WHERE t.article_id = a.id AND p.name = 'Revised'))") == 0);
  // The full-text index holds each article's current text, no more and no less.
  CHECK(sql.integer("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'story'") ==
        sql.integer("SELECT count(*) FROM articles"));
  CHECK(sql.integer("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'revised'") ==
        sql.integer("SELECT count(*) FROM articles WHERE title LIKE '% revised'"));
  auto rw = sqlite::Database::open(db, sqlite::Database::Access::kReadWrite);
  REQUIRE(rw);
  CHECK(rw->exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").has_value());
}

}  // namespace newsdb::test
