#include "store/sqlite/import_log.hpp"

namespace newsdb::sqlite {

const char* outcome_name(FileOutcome outcome) {
  switch (outcome) {
    case FileOutcome::kImported:
      return "imported";
    case FileOutcome::kSkipped:
      return "skipped";
    case FileOutcome::kFailed:
      return "failed";
  }
  return "failed";
}

std::optional<FileOutcome> outcome_from_name(std::string_view name) {
  if (name == "imported") return FileOutcome::kImported;
  if (name == "skipped") return FileOutcome::kSkipped;
  if (name == "failed") return FileOutcome::kFailed;
  return std::nullopt;
}

Result<ImportLog> ImportLog::prepare(Database& db) {
  ImportLog log(db);
  struct Sql {
    std::optional<Statement>* slot;
    const char* text;
  };
  const Sql statements[] = {
      {&log.find_from_,
       "SELECT path, size, mtime_ns, content_hash, outcome, articles FROM import_files "
       "WHERE path >= ?1 ORDER BY path"},
      {&log.record_,
       "INSERT INTO import_files (path, size, mtime_ns, content_hash, outcome, articles, "
       "imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (path) DO UPDATE SET "
       "size = excluded.size, mtime_ns = excluded.mtime_ns, content_hash = excluded.content_hash, "
       "outcome = excluded.outcome, articles = excluded.articles, "
       "imported_at = excluded.imported_at"},
      {&log.clear_errors_, "DELETE FROM import_errors WHERE path = ?1"},
      {&log.add_error_,
       "INSERT INTO import_errors (path, line, column, field, message, recorded_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
  };
  for (const auto& s : statements) {
    auto stmt = db.prepare(s.text);
    if (!stmt) return std::unexpected(stmt.error());
    s.slot->emplace(std::move(*stmt));
  }
  return log;
}

namespace {

// Rows a pass steps over before it searches instead: a step costs a fraction of a search, and a
// path whose record is far ahead (a folder of new files between two imported ones) is found
// at the cost of one search instead of many steps.
constexpr int kStepsBeforeSeek = 8;

}  // namespace

Result<std::vector<std::optional<ImportRecord>>> ImportLog::find(
    std::span<const std::string> paths) {
  Statement& q = *find_from_;
  std::vector<std::optional<ImportRecord>> out(paths.size());
  // The pass: the cursor stands on the first record at or after the last path looked up
  // (`behind`; null before the first search), or past the end (`has_row` false); no record in
  // between was skipped unseen.
  bool has_row = false;
  const std::string* behind = nullptr;
  auto step = [&]() -> Result<void> {
    auto row = q.step();
    if (!row) return std::unexpected(row.error());
    has_row = *row;
    return {};
  };
  auto seek = [&](const std::string& path) {
    q.reset();
    q.bind_view(1, path);
    return step();
  };
  auto pass = [&]() -> Result<void> {
    for (std::size_t i = 0; i < paths.size(); ++i) {
      const std::string& path = paths[i];
      if (!behind || path < *behind) {
        if (auto r = seek(path); !r) return r;
      } else {
        for (int steps = 0; has_row && q.column_view(0) < path; ++steps) {
          auto r = steps == kStepsBeforeSeek ? seek(path) : step();
          if (!r) return r;
          if (steps == kStepsBeforeSeek) break;
        }
      }
      behind = &path;
      if (!has_row || q.column_view(0) != path) continue;
      auto outcome = outcome_from_name(q.column_view(4));
      out[i] = ImportRecord{path,
                            q.column_int(1),
                            q.column_int(2),
                            q.column_text(3),
                            // An outcome this build does not know is retried, as a failure
                            // would be.
                            outcome.value_or(FileOutcome::kFailed),
                            q.column_int(5)};
    }
    return {};
  };
  auto passed = pass();
  q.reset();  // also after a failed step: the read ends here either way
  if (!passed) return std::unexpected(passed.error());
  return out;
}

Result<void> ImportLog::record(const ImportRecord& r, Timestamp now) {
  return record_->bind(1, r.path)
      .bind(2, r.size)
      .bind(3, r.mtime_ns)
      .bind(4, r.content_hash)
      .bind(5, outcome_name(r.outcome))
      .bind(6, r.articles)
      .bind(7, static_cast<std::int64_t>(now.time_since_epoch().count()))
      .run();
}

Result<void> ImportLog::clear_errors(const std::string& path) {
  return clear_errors_->bind(1, path).run();
}

Result<void> ImportLog::add_error(const std::string& path, const Diagnostic& d, Timestamp now) {
  return add_error_->bind(1, path)
      .bind(2, d.line)
      .bind(3, d.column)
      .bind(4, d.field)
      .bind(5, d.message)
      .bind(6, static_cast<std::int64_t>(now.time_since_epoch().count()))
      .run();
}

Result<std::vector<FailedInput>> read_failed_inputs(Database& db) {
  auto q = db.prepare(
      "SELECT path, line, column, field, message FROM import_errors ORDER BY path, id");
  if (!q) return std::unexpected(q.error());
  std::vector<FailedInput> out;
  for (;;) {
    auto row = q->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    std::string path = q->column_text(0);
    if (out.empty() || out.back().path != path) out.push_back(FailedInput{path, {}});
    out.back().diagnostics.push_back(Diagnostic{path, static_cast<int>(q->column_int(1)),
                                                static_cast<int>(q->column_int(2)),
                                                q->column_text(3), q->column_text(4)});
  }
  return out;
}

FolderRange folder_range(const std::string& folder) {
  std::string below = folder.ends_with('/') ? folder : folder + "/";
  std::string past = below;
  past.back() = '/' + 1;
  return FolderRange{std::move(below), std::move(past)};
}

Result<std::vector<std::string>> read_failed_under(Database& db, const std::string& folder) {
  // The folder itself, then the range of paths under it along the primary key.
  auto q = db.prepare(
      "SELECT path FROM import_files WHERE path = ?1 AND outcome = 'failed' UNION ALL "
      "SELECT path FROM import_files WHERE path >= ?2 AND path < ?3 AND outcome = 'failed'");
  if (!q) return std::unexpected(q.error());
  FolderRange range = folder_range(folder);
  q->bind(1, folder).bind(2, range.below).bind(3, range.past);
  std::vector<std::string> out;
  for (;;) {
    auto row = q->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back(q->column_text(0));
  }
  return out;
}

Result<void> delete_inputs(Database& db, std::span<const std::string> paths) {
  auto files = db.prepare("DELETE FROM import_files WHERE path = ?1");
  if (!files) return std::unexpected(files.error());
  auto errors = db.prepare("DELETE FROM import_errors WHERE path = ?1");
  if (!errors) return std::unexpected(errors.error());
  for (const std::string& path : paths) {
    if (auto r = files->bind(1, path).run(); !r) return r;
    if (auto r = errors->bind(1, path).run(); !r) return r;
  }
  return {};
}

}  // namespace newsdb::sqlite
