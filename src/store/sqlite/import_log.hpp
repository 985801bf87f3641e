// The writer's bookkeeping of inputs: import_files (what each input was when last imported) and
// import_errors (the diagnostics of inputs whose last import failed). Not thread-safe.
#pragma once

#include <newsdb/article_writer.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

class ImportLog {
 public:
  static Result<ImportLog> prepare(Database& db);

  // The records of `paths`, nullopt for a path never imported; any order, repeats allowed. Paths
  // in ascending byte order (as an import's walk hands them out) are matched in one pass along
  // the table's path index, a step from one to the next instead of a search from the root for
  // each; a path behind the pass, or further ahead than a few rows, is searched for anew.
  Result<std::vector<std::optional<ImportRecord>>> find(std::span<const std::string> paths);
  // Inserts or replaces the record for record.path.
  Result<void> record(const ImportRecord& record, Timestamp now);
  Result<void> clear_errors(const std::string& path);
  // Records `diagnostic` against the input `path` (the diagnostic's own path may name a line of
  // an NDJSON stream or an archive member; the row is filed under the input).
  Result<void> add_error(const std::string& path, const Diagnostic& diagnostic, Timestamp now);

 private:
  explicit ImportLog(Database& db) : db_(&db) {}

  Database* db_;
  std::optional<Statement> find_from_;  // every record from ?1 on, in path order
  std::optional<Statement> record_;
  std::optional<Statement> clear_errors_;
  std::optional<Statement> add_error_;
};

// Every input whose last import failed, with its diagnostics, sorted by path.
Result<std::vector<FailedInput>> read_failed_inputs(Database& db);

// The inputs recorded as failed at `folder` or under it, sorted (ArticleWriter::failed_under).
Result<std::vector<std::string>> read_failed_under(Database& db, const std::string& folder);

// Deletes the records and errors of `paths`, inside the caller's transaction.
Result<void> delete_inputs(Database& db, std::span<const std::string> paths);

// The paths under `folder` are those in [below, past): `folder` + "/" up to `folder` + "0"
// ('0' follows '/'), in byte order.
struct FolderRange {
  std::string below, past;
};
FolderRange folder_range(const std::string& folder);

// The text stored in import_files.outcome, and back (nullopt for text this build did not write).
const char* outcome_name(FileOutcome outcome);
std::optional<FileOutcome> outcome_from_name(std::string_view name);

}  // namespace newsdb::sqlite
