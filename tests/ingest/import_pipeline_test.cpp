// The import pipeline end to end through the library: what is counted, skipped, stored, retried.
#include <catch2/catch.hpp>

#include "ingest/import_fixtures.hpp"
#include "support/backends.hpp"

using namespace newsdb;
using test::article_md;
using test::counts;
using test::import_into;
using test::stored_rows;
using test::write_file;

using Counts = std::vector<std::int64_t>;  // new, updated, unchanged, skipped, failed
using Rows = std::vector<std::string>;

TEST_CASE("re-imports count unchanged, touched-but-same and edited files", "[ingest][import]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::TempDir dir;
      auto corpus = dir.path() / "corpus";
      write_file(corpus / "a.md", article_md("https://e.com/a", "Alpha"));
      write_file(corpus / "b.md", article_md("https://e.com/b", "Beta"));
      write_file(corpus / "sub" / "c.md", article_md("https://e.com/c", "Gamma"));
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();

      CHECK(counts(import_into(db, {corpus.string()})) == Counts{3, 0, 0, 0, 0});
      CHECK(counts(import_into(db, {corpus.string()})) == Counts{0, 0, 3, 0, 0});

      // Touched but the same: read, hashed, not parsed; still unchanged.
      test::set_mtime(corpus / "a.md", 1'600'000'000);
      CHECK(counts(import_into(db, {corpus.string()})) == Counts{0, 0, 3, 0, 0});

      // Edited: one updated.
      write_file(corpus / "b.md", article_md("https://e.com/b", "Beta, revised"));
      CHECK(counts(import_into(db, {corpus.string()})) == Counts{0, 1, 2, 0, 0});
      CHECK(stored_rows(db, "SELECT url, title FROM articles ORDER BY url") ==
            Rows{"https://e.com/a|Alpha", "https://e.com/b|Beta, revised",
                 "https://e.com/c|Gamma"});
    }
  }
}

TEST_CASE("a file whose size and mtime are unchanged is not read again", "[ingest][import]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::TempDir dir;
      auto file = dir.path() / "a.md";
      write_file(file, article_md("https://e.com/a", "Alpha"));
      test::set_mtime(file, 1'650'000'000);
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();
      CHECK(counts(import_into(db, {file.string()})) == Counts{1, 0, 0, 0, 0});

      // Same size, same mtime, other bytes: only a read could notice, and none happens.
      write_file(file, article_md("https://e.com/a", "Omega"));
      test::set_mtime(file, 1'650'000'000);
      CHECK(counts(import_into(db, {file.string()})) == Counts{0, 0, 1, 0, 0});
      CHECK(stored_rows(db, "SELECT title FROM articles") == Rows{"Alpha"});

      // Once the mtime moves, the change is seen.
      test::set_mtime(file, 1'650'000'001);
      CHECK(counts(import_into(db, {file.string()})) == Counts{0, 1, 0, 0, 0});
      CHECK(stored_rows(db, "SELECT title FROM articles") == Rows{"Omega"});
    }
  }
}

TEST_CASE("one canonical URL is one article across files and URL variants, the last wins",
          "[ingest][import]") {
  test::TempDir dir;
  auto corpus = dir.path() / "corpus";
  // Sorted path order: 1.md, 2.md, 3.md.
  write_file(corpus / "1.md",
             article_md("HTTP://Example.COM:80/story?utm_source=feed&id=7#top", "First"));
  write_file(corpus / "2.md", article_md("http://example.com/story?id=7", "Second"));
  write_file(corpus / "3.md", article_md("http://example.com/story?id=7&fbclid=x", "Third"));
  for (const auto& backend : test::backends()) {
    for (int jobs : {1, 3}) {
      DYNAMIC_SECTION(backend << ", jobs " << jobs) {
        test::FreshStore fresh(backend);
        ingest::ImportOptions options;
        options.jobs = jobs;
        CHECK(counts(import_into(fresh.spec(), {corpus.string()}, options)) ==
              Counts{1, 2, 0, 0, 0});
        CHECK(stored_rows(fresh.spec(), "SELECT url, title FROM articles") ==
              Rows{"http://example.com/story?id=7|Third"});
      }
    }
  }
}

TEST_CASE("a failed file is recorded, listed, retried, and cleared once it imports",
          "[ingest][import]") {
  test::TempDir dir;
  auto corpus = dir.path() / "corpus";
  write_file(corpus / "good.md", article_md("https://e.com/good", "Good"));
  // Line 4 holds the bad value: the frontmatter starts on line 1.
  write_file(corpus / "bad.md", article_md("https://e.com/bad", "Bad", "quality: high\n"));
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();

      std::vector<Diagnostic> seen;
      auto first = import_into(db, {corpus.string()}, {}, &seen);
      CHECK(counts(first) == Counts{1, 0, 0, 0, 1});
      REQUIRE(first.errors.size() == 1);
      CHECK(first.errors[0].path == (corpus / "bad.md").string());
      CHECK(first.errors[0].line == 4);
      CHECK(first.errors[0].field == "quality");
      CHECK(seen == first.errors);

      auto failed = fresh.store().import_log().failed_inputs();
      REQUIRE(failed);
      REQUIRE(failed->size() == 1);
      CHECK((*failed)[0].path == (corpus / "bad.md").string());
      CHECK((*failed)[0].diagnostics[0].line == 4);

      // Unchanged, it is retried (and fails again) rather than skipped.
      CHECK(counts(import_into(db, {corpus.string()})) == Counts{0, 0, 1, 0, 1});

      write_file(corpus / "bad.md", article_md("https://e.com/bad", "Bad", "quality: 7\n"));
      CHECK(counts(import_into(db, {corpus.string()})) == Counts{1, 0, 1, 0, 0});
      failed = fresh.store().import_log().failed_inputs();
      REQUIRE(failed);
      CHECK(failed->empty());
    }
  }
}

TEST_CASE("files without frontmatter are skipped in a folder and fail when named",
          "[ingest][import]") {
  test::TempDir dir;
  auto corpus = dir.path() / "corpus";
  write_file(corpus / "a.md", article_md("https://e.com/a", "A"));
  write_file(corpus / "notes.txt", "just some notes\n");
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();
      CHECK(counts(import_into(db, {corpus.string()})) == Counts{1, 0, 0, 1, 0});
      // Skipped files are remembered like the others: skipped again, not read.
      CHECK(counts(import_into(db, {corpus.string()})) == Counts{0, 0, 1, 1, 0});
      auto named = import_into(db, {(corpus / "notes.txt").string()});
      CHECK(named.failed == 1);
      CHECK(named.errors.size() == 1);
    }
  }
}

TEST_CASE("large NDJSON files are read in parts with exact line numbers", "[ingest][import]") {
  test::TempDir dir;
  auto file = dir.path() / "records.ndjson";
  std::string text;
  for (int i = 1; i <= 500; ++i) {
    if (i == 321) {
      text += "{\"title\": \"Bad\", \"originalUrl\": \"https://e.com/bad\", \"heat\": \"hot\"}\n";
    } else {
      text += "{\"title\": \"T" + std::to_string(i) + "\", \"originalUrl\": \"https://e.com/" +
              std::to_string(i) + "\"}\n";
    }
  }
  ingest::ImportOptions options;
  options.ndjson_part_bytes = 1000;  // about 15 lines a part
  options.batch.max_articles = 40;   // parts across several batches
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      write_file(file, text);
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();
      auto summary = import_into(db, {file.string()}, options);
      CHECK(counts(summary) == Counts{499, 0, 0, 0, 1});
      REQUIRE(summary.errors.size() == 1);
      CHECK(summary.errors[0].line == 321);
      CHECK(summary.errors[0].field == "heat");
      CHECK(stored_rows(db, "SELECT count(*) FROM articles") == Rows{"499"});
      CHECK(stored_rows(db, "SELECT outcome, articles FROM import_files") == Rows{"failed|499"});
      CHECK(stored_rows(db, "SELECT line FROM import_errors") == Rows{"321"});

      // Fixed: the whole file is read again, the good records are unchanged, the error is gone.
      std::string fixed = text;
      fixed.replace(fixed.find("\"hot\""), 5, "12345");
      write_file(file, fixed);
      CHECK(counts(import_into(db, {file.string()}, options)) == Counts{1, 0, 499, 0, 0});
      CHECK(stored_rows(db, "SELECT count(*) FROM import_errors") == Rows{"0"});
      // And then it is skipped whole.
      CHECK(counts(import_into(db, {file.string()}, options)) == Counts{0, 0, 500, 0, 0});
    }
  }
}

TEST_CASE("tar and tar.gz archives are imported in place and skipped when unchanged",
          "[ingest][import]") {
  test::TempDir dir;
  auto tree = dir.path() / "tree";
  write_file(tree / "2023" / "a.md", article_md("https://e.com/a", "A"));
  write_file(tree / "2023" / "b.md", article_md("https://e.com/b", "B"));
  write_file(tree / "readme.txt", "not an article");
  for (const auto& backend : test::backends()) {
    for (const auto& [name, flags] : std::vector<std::pair<std::string, std::string>>{
             {"c.tar", ""}, {"c.tar.gz", "-z"}}) {
      DYNAMIC_SECTION(backend << ", " << name) {
        auto archive = dir.path() / name;
        std::string command = "tar " + flags + " -cf '" + archive.string() + "' -C '" +
                              tree.string() + "' --sort=name .";
        REQUIRE(std::system(command.c_str()) == 0);
        test::FreshStore fresh(backend);
        const std::string& db = fresh.spec();
        CHECK(counts(import_into(db, {archive.string()})) == Counts{2, 0, 0, 1, 0});
        CHECK(stored_rows(db, "SELECT source_path FROM articles ORDER BY url") ==
              Rows{archive.string() + ":2023/a.md", archive.string() + ":2023/b.md"});
        // Unchanged: skipped whole (its articles count as unchanged).
        CHECK(counts(import_into(db, {archive.string()})) == Counts{0, 0, 2, 0, 0});
        // Touched: members are looked at, none is parsed again.
        test::set_mtime(archive, 1'600'000'000);
        CHECK(counts(import_into(db, {archive.string()})) == Counts{0, 0, 2, 1, 0});
      }
    }
  }
}

TEST_CASE("a dry run counts like an import and writes nothing", "[ingest][import]") {
  test::TempDir dir;
  auto corpus = dir.path() / "corpus";
  write_file(corpus / "a.md", article_md("https://e.com/a", "A"));
  write_file(corpus / "b.md", article_md("https://e.com/b", "B"));
  write_file(corpus / "c.md", article_md("https://e.com/a", "A again, changed"));
  ingest::ImportOptions dry;
  dry.dry_run = true;
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend, test::Creation::kLater);
      const std::string& db = fresh.spec();

      CHECK(counts(import_into(db, {corpus.string()}, dry)) == Counts{2, 1, 0, 0, 0});
      CHECK_FALSE(fresh.exists());  // nothing created

      CHECK(counts(import_into(db, {(corpus / "a.md").string()})) == Counts{1, 0, 0, 0, 0});
      CHECK(counts(import_into(db, {corpus.string()}, dry)) == Counts{1, 1, 1, 0, 0});
      CHECK(stored_rows(db, "SELECT count(*) FROM articles") == Rows{"1"});
      CHECK(stored_rows(db, "SELECT count(*) FROM import_files") == Rows{"1"});
    }
  }
}
