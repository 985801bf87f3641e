// The import pipeline's driver (see import_pipeline.hpp): walks the discovered inputs in order
// and feeds the BatchWriter. Internal to src/ingest/; one Importer runs one import on one thread
// (plus the parse pool's workers and the writer's thread).
#pragma once

#include <functional>
#include <newsdb/article_writer.hpp>
#include <newsdb/clock.hpp>
#include <newsdb/feed_fetch.hpp>
#include <newsdb/fetch.hpp>
#include <newsdb/import_log.hpp>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "ingest/batch_writer.hpp"
#include "ingest/discovery.hpp"
#include "ingest/import_pipeline.hpp"
#include "ingest/input_outcome.hpp"
#include "ingest/ndjson_parts.hpp"
#include "ingest/parse_pool.hpp"
#include "store/parsed_file.hpp"

namespace newsdb::ingest {

class Importer {
 public:
  // `lookups` answers the skip rules (a connection of its own: the writer's is busy on its
  // thread); null when there is no store yet.
  // `http` fetches URL inputs (null: they fail with a diagnostic); `known_dates` gives their
  // undated items the date the store already has for them (<newsdb/feed_fetch.hpp>).
  Importer(const ImportOptions& options, const ImportObserver& observer, ImportLog* lookups,
           HttpClient* http, const Clock& clock, BatchWriter& writer,
           KnownFetchDate known_dates = {});

  // Feeds every input of `sources` to the writer, in order (an InputWalk: discovery.hpp). An
  // Error means the store could not be read; problems with inputs are diagnostics in the summary
  // instead. The folders are walked once: progress totals grow as the walk goes
  // (ImportProgress::total_known).
  Result<void> run(const std::vector<std::string>& sources);
  ImportSummary& summary() { return tally_.summary(); }
  // The import records to delete once the run's writing is done (not in a dry run): failures
  // under a folder argument whose complete walk no longer met them (the file was deleted or
  // renamed), and records found under an older key that were written again under their own.
  const std::vector<std::string>& to_forget() const { return forget_; }

 private:
  // Inputs handled in groups (plain files, URLs) gather at most this many: bounds the inputs
  // and their store records held at once.
  static constexpr std::size_t kInputGroup = 4096;
  enum class Handling { kFile, kUrl, kAlone };
  Handling handling_of(const InputItem& item) const;

  // Plain files, looked up in the store at once, then parsed in order (importer_files.cpp).
  Result<void> files(std::span<const InputItem> group);
  // Large .ndjson files and stdin, cut in parts; .tar / .tar.gz archives (importer_streams.cpp).
  Result<void> ndjson_stream(const InputItem& item);
  Result<void> archive(const InputItem& item);
  Result<void> urls(std::span<const InputItem> run);

  // Inputs already in memory (stream parts, archive members), parsed by the pool in order;
  // `deliver` gets each one's index in `group` and its result. Empties `group`.
  struct Preread {
    InputItem item;
    std::string bytes;
  };
  void parse_preread(std::vector<Preread>& group,
                     const std::function<void(std::size_t, ParsedInput&&)>& deliver);

  // The stored records of `items`, by their keys; an input the store knows only by its path as
  // typed (a store written before inputs had keys) is found by that too, and marked in `legacy`.
  Result<std::vector<std::optional<ImportRecord>>> lookup(std::span<const InputItem> items,
                                                          std::vector<bool>& legacy);
  Result<std::optional<ImportRecord>> lookup_one(const InputItem& item, bool& legacy);
  // A record found under its old key is written again under its own (see to_forget).
  void rekey(const InputItem& item, const ImportRecord& record);
  // A problem the walk met: printed in input order, and an error is recorded as a failed input.
  void walk_problem(const WalkProblem& problem);
  // Tracks the failures recorded under the folder argument being walked (see to_forget).
  Result<void> folder_started(const std::string& key);
  void folder_walked(const WalkedFolder& folder);
  void met(const std::string& key) {
    if (!unmet_.empty()) unmet_.erase(key);
  }
  void met_none_under(const std::string& prefix);
  // Reads the NDJSON parts of one input (a large file, stdin, an archive member) and queues
  // them; returns what the input's closing record says of them.
  struct Streamed {
    FileOutcome outcome = FileOutcome::kImported;
    std::int64_t articles = 0;
    bool any_part = false;
  };
  Streamed stream_parts(NdjsonParts& parts, const InputItem& item, const InputIdentity& id,
                        std::vector<Diagnostic>& problems);
  // Queues the record that closes a streamed input, after its parts.
  void close_stream(ImportRecord record, const Streamed& streamed, bool tracked,
                    std::vector<Diagnostic> problems);
  // Counts a parsed input and queues it for writing.
  void add(ParsedFile file, std::size_t failed_records);
  // Counts an input that is not read or not parsed again.
  void unchanged(const ImportRecord& record);

  const ImportOptions& options_;
  ImportLog* lookups_;
  HttpClient* http_;
  KnownFetchDate known_dates_;
  const Clock& clock_;
  BatchWriter& writer_;
  Tally tally_;
  ParsePoolOptions pool_;
  std::optional<std::string> root_;        // the folder argument whose failures are tracked
  std::unordered_set<std::string> unmet_;  // its recorded failures not met yet
  std::vector<std::string> forget_;
};

// The position of `item` in `items`. The parse pool hands its callbacks references into the
// vector it was given; should that ever change, a search by value still finds it.
std::size_t index_of(const InputItem& item, const std::vector<InputItem>& items);

}  // namespace newsdb::ingest
