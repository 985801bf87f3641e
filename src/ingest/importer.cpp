#include "ingest/importer.hpp"

#include <newsdb/feed_fetch.hpp>

namespace newsdb::ingest {
namespace {

bool is_large_ndjson(const InputItem& item, const ImportOptions& options) {
  return item.kind == InputKind::kFile &&
         input_format_for_path(item.path) == InputFormat::kNdjson &&
         item.size > options.ndjson_part_bytes;
}

}  // namespace

Importer::Handling Importer::handling_of(const InputItem& item) const {
  if (item.kind == InputKind::kUrl) return Handling::kUrl;
  if (item.kind == InputKind::kFile && !is_large_ndjson(item, options_)) return Handling::kFile;
  return Handling::kAlone;
}

std::size_t index_of(const InputItem& item, const std::vector<InputItem>& items) {
  if (!items.empty() && &item >= items.data() && &item < items.data() + items.size()) {
    return static_cast<std::size_t>(&item - items.data());
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i] == item) return i;
  }
  return 0;
}

Importer::Importer(const ImportOptions& options, const ImportObserver& observer,
                   ImportLog* lookups, HttpClient* http, const Clock& clock,
                   BatchWriter& writer, KnownFetchDate known_dates)
    : options_(options),
      lookups_(lookups),
      http_(http),
      known_dates_(std::move(known_dates)),
      clock_(clock),
      writer_(writer),
      tally_(observer) {
  pool_.jobs = options.jobs;
  pool_.limits = options.limits;
}

void Importer::add(ParsedFile file, std::size_t failed_records) {
  tally_.parsed(file, failed_records);
  tally_.input_done(static_cast<std::int64_t>(file.articles.size() + failed_records));
  writer_.add(std::move(file));
}

void Importer::unchanged(const ImportRecord& record) {
  tally_.unchanged(record);
  tally_.input_done(record.articles);
}

Result<std::vector<std::optional<ImportRecord>>> Importer::lookup(std::span<const InputItem> items,
                                                                  std::vector<bool>& legacy) {
  legacy.assign(items.size(), false);
  std::vector<std::optional<ImportRecord>> records(items.size());
  if (!lookups_) return records;
  std::vector<std::string> keys;
  keys.reserve(items.size());
  for (const auto& item : items) keys.push_back(item.log_key());
  auto found = lookups_->lookup(keys);
  if (!found) return std::unexpected(found.error());
  records = std::move(*found);
  // Stores written before inputs had keys hold paths as typed: a tolerant lookup finds those
  // records, and rekey() moves each to its key the first time it is met.
  std::vector<std::string> typed;
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!records[i] && items[i].path != items[i].log_key()) {
      typed.push_back(items[i].path);
      at.push_back(i);
    }
  }
  if (typed.empty()) return records;
  auto old = lookups_->lookup(typed);
  if (!old) return std::unexpected(old.error());
  for (std::size_t j = 0; j < at.size(); ++j) {
    if (!(*old)[j]) continue;
    records[at[j]] = std::move((*old)[j]);
    legacy[at[j]] = true;
  }
  return records;
}

Result<std::optional<ImportRecord>> Importer::lookup_one(const InputItem& item, bool& legacy) {
  std::vector<bool> marks;
  auto records = lookup(std::span<const InputItem>(&item, 1), marks);
  if (!records) return std::unexpected(records.error());
  legacy = marks[0];
  return std::move((*records)[0]);
}

void Importer::rekey(const InputItem& item, const ImportRecord& record) {
  ImportRecord moved = record;
  moved.path = item.log_key();
  ParsedFile file;
  file.record = std::move(moved);
  file.content = ContentState::kUnchanged;
  writer_.add(std::move(file));
  if (!options_.dry_run) forget_.push_back(item.path);
}

void Importer::walk_problem(const WalkProblem& problem) {
  const Diagnostic& d = problem.diagnostic;
  if (d.severity != Severity::kError) {
    tally_.problem(d, false);
    return;
  }
  met(problem.key);
  tally_.problem(d, true);
  // Recorded like any failed input, so that `newsdb errors` lists what the summary counts.
  ParsedFile file;
  file.record = ImportRecord{problem.key, 0, 0, {}, FileOutcome::kFailed, 0};
  file.diagnostics.push_back(d);
  writer_.add(std::move(file));
}

Result<void> Importer::folder_started(const std::string& key) {
  root_ = key;
  unmet_.clear();
  if (!lookups_ || options_.dry_run) return {};
  auto failed = lookups_->failed_under(key);
  if (!failed) return std::unexpected(failed.error());
  unmet_.insert(std::make_move_iterator(failed->begin()), std::make_move_iterator(failed->end()));
  return {};
}

void Importer::folder_walked(const WalkedFolder& folder) {
  if (!root_ || *root_ != folder.key) return;
  // Only a complete walk met every input under the folder: what it did not meet is gone.
  if (folder.complete) forget_.insert(forget_.end(), unmet_.begin(), unmet_.end());
  unmet_.clear();
  root_.reset();
}

void Importer::met_none_under(const std::string& prefix) {
  std::erase_if(unmet_, [&](const std::string& key) { return key.starts_with(prefix); });
}

// Inputs are pulled from the walk one at a time and gathered into groups of one handling (plain
// files, URLs) of at most kInputGroup, so that at most one group is held besides the walk's own
// listings; archives and large .ndjson files are handled alone, streamed. The walk's problems
// are handled where they stand in input order: the group before them goes first.
Result<void> Importer::run(const std::vector<std::string>& sources) {
  InputWalk walk(sources);
  std::vector<InputItem> group;
  auto handle_group = [&]() -> Result<void> {
    if (group.empty()) return {};
    auto r = group.front().kind == InputKind::kUrl ? urls(group) : files(group);
    group.clear();
    return r;
  };
  while (!writer_.failed()) {
    std::optional<InputItem> item = walk.next();
    for (const WalkedFolder& folder : walk.take_walked()) folder_walked(folder);
    if (const auto& folder = walk.folder_argument(); folder && folder != root_) {
      if (auto r = folder_started(*folder); !r) return r;
    }
    std::vector<WalkProblem> problems = walk.take_keyed_problems();
    if (!problems.empty()) {
      if (auto r = handle_group(); !r) return r;
    }
    for (const WalkProblem& problem : problems) walk_problem(problem);
    if (item) {
      tally_.more_inputs(1);
      met(item->log_key());
    } else {
      tally_.all_inputs_found();  // the last group is still to do: its progress has a total
    }
    bool joins = item && !group.empty() && group.size() < kInputGroup &&
                 handling_of(*item) == handling_of(group.front());
    if (!joins) {
      if (auto r = handle_group(); !r) return r;
    }
    if (!item) break;
    if (handling_of(*item) == Handling::kAlone) {
      auto r = item->kind == InputKind::kArchive ? archive(*item) : ndjson_stream(*item);
      if (!r) return r;
    } else {
      group.push_back(std::move(*item));
    }
  }
  return {};
}

Result<void> Importer::urls(std::span<const InputItem> run) {
  std::vector<std::string> list;
  for (const auto& item : run) list.push_back(item.path);
  std::vector<FetchedInput> fetched;
  if (http_) fetched = fetch_url_inputs(list, *http_, clock_, options_.limits, known_dates_);
  for (std::size_t i = 0; i < run.size(); ++i) {
    FetchedInput in;
    if (i < fetched.size()) {
      in = std::move(fetched[i]);
    } else {
      in.parsed.status = InputStatus::kFailed;
      in.parsed.failed_records = 1;
      in.parsed.diagnostics.push_back(Diagnostic{
          list[i], 0, 0, {},
          "cannot import a URL: this build of newsdb cannot fetch http(s) inputs; download it "
          "and import the file"});
    }
    InputIdentity id{list[i], static_cast<std::int64_t>(in.bytes), 0, in.content_hash};
    // The same bytes as the last import of this URL: its articles are unchanged, like a file's.
    bool legacy = false;
    auto record = lookup_one(run[i], legacy);
    if (!record) return std::unexpected(record.error());
    if (content_unchanged(*record, in.content_hash, InputOrigin::kArgument)) {
      unchanged(**record);
      writer_.add(unchanged_file(id, **record));
      continue;
    }
    std::size_t failed_records = in.parsed.failed_records;
    add(parsed_file(id, InputOrigin::kArgument, std::move(in.parsed)), failed_records);
  }
  return {};
}

void Importer::parse_preread(std::vector<Preread>& group,
                             const std::function<void(std::size_t, ParsedInput&&)>& deliver) {
  if (group.empty()) return;
  std::vector<InputItem> items;
  items.reserve(group.size());
  for (const auto& p : group) items.push_back(p.item);
  ParsePoolOptions pool = pool_;
  pool.reader = [&](const InputItem& item, const ParseLimits&) -> Result<std::string> {
    return std::move(group[index_of(item, items)].bytes);
  };
  parse_in_order(items, pool, [&](const InputItem& item, ParsedInput&& parsed) {
    deliver(index_of(item, items), std::move(parsed));
    return !writer_.failed();
  });
  group.clear();
}

}  // namespace newsdb::ingest
