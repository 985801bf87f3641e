#include "ingest/input_outcome.hpp"

namespace newsdb::ingest {

namespace {

bool reusable(const std::optional<ImportRecord>& record, InputOrigin origin) {
  if (!record || record->outcome == FileOutcome::kFailed) return false;
  return record->outcome != FileOutcome::kSkipped || origin == InputOrigin::kFolderWalk;
}

}  // namespace

bool stat_unchanged(const std::optional<ImportRecord>& record, std::int64_t size,
                    std::int64_t mtime_ns, InputOrigin origin) {
  return reusable(record, origin) && record->size == size && record->mtime_ns == mtime_ns;
}

bool content_unchanged(const std::optional<ImportRecord>& record, const std::string& hash,
                       InputOrigin origin) {
  return reusable(record, origin) && !hash.empty() && record->content_hash == hash;
}

ParsedFile parsed_file(const InputIdentity& id, InputOrigin origin, ParsedInput&& parsed) {
  ParsedFile file;
  file.record = ImportRecord{id.path, id.size, id.mtime_ns, id.content_hash,
                             FileOutcome::kImported,
                             static_cast<std::int64_t>(parsed.articles.size())};
  switch (parsed.status) {
    case InputStatus::kArticles:
      break;
    case InputStatus::kNotAnArticle:
      if (origin == InputOrigin::kFolderWalk) {
        file.record.outcome = FileOutcome::kSkipped;
        parsed.diagnostics.clear();  // a folder holds all sorts of files: not a problem
      } else {
        file.record.outcome = FileOutcome::kFailed;
      }
      break;
    case InputStatus::kFailed:
      file.record.outcome = FileOutcome::kFailed;
      break;
  }
  file.articles = std::move(parsed.articles);
  file.diagnostics = std::move(parsed.diagnostics);
  return file;
}

ParsedFile unchanged_file(const InputIdentity& id, const ImportRecord& previous) {
  ParsedFile file;
  file.record = previous;
  file.record.path = id.path;
  file.record.size = id.size;
  file.record.mtime_ns = id.mtime_ns;
  file.content = ContentState::kUnchanged;
  return file;
}

void Tally::report(const Diagnostic& d) {
  if (observer_.diagnostic) observer_.diagnostic(d);
  if (d.severity == Severity::kError) summary_.errors.push_back(d);
}

void Tally::parsed(const ParsedFile& file, std::size_t failed_records) {
  if (file.record.outcome == FileOutcome::kSkipped) ++summary_.skipped;
  if (file.record.outcome == FileOutcome::kFailed) {
    // A file without frontmatter named on the command line is one failed record.
    summary_.failed += failed_records > 0 ? static_cast<std::int64_t>(failed_records) : 1;
  }
  for (const Diagnostic& d : file.diagnostics) report(d);
}

void Tally::unchanged(const ImportRecord& record) {
  summary_.unchanged += record.articles;
  if (record.outcome == FileOutcome::kSkipped) ++summary_.skipped;
}

void Tally::problem(const Diagnostic& d, bool counts_as_failed) {
  if (counts_as_failed) ++summary_.failed;
  report(d);
}

void Tally::input_done(std::int64_t records) {
  ++summary_.inputs;
  ++progress_.inputs_done;
  progress_.records_done += records;
  if (observer_.progress) observer_.progress(progress_);
}

}  // namespace newsdb::ingest
