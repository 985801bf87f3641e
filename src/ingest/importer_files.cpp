#include <newsdb/document.hpp>

#include "ingest/importer.hpp"
#include "store/content_hash.hpp"

namespace newsdb::ingest {

Result<void> Importer::files(std::span<const InputItem> slice) {
  std::vector<bool> legacy;
  auto found = lookup(slice, legacy);
  if (!found) return std::unexpected(found.error());
  std::vector<std::optional<ImportRecord>>& records = *found;

  // What the reader learns on a worker thread, read back on delivery (the pool's hand-over
  // orders the two).
  struct Side {
    std::optional<ImportRecord> record;
    std::string hash;
    bool unchanged = false;
    bool legacy = false;
  };
  std::vector<InputItem> to_parse;
  std::vector<Side> side;
  for (std::size_t i = 0; i < slice.size(); ++i) {
    const InputItem& item = slice[i];
    if (stat_unchanged(records[i], static_cast<std::int64_t>(item.size), item.mtime_ns,
                       item.origin)) {
      unchanged(*records[i]);
      if (legacy[i]) rekey(item, *records[i]);
      continue;
    }
    to_parse.push_back(item);
    side.push_back(Side{std::move(records[i]), {}, false, legacy[i]});
  }
  if (to_parse.empty()) return {};

  ParsePoolOptions pool = pool_;
  pool.reader = [&](const InputItem& item, const ParseLimits& limits) -> Result<std::string> {
    Side& s = side[index_of(item, to_parse)];
    auto bytes = read_input_file(item, limits);
    if (!bytes) return bytes;
    s.hash = store::bytes_content_hash(*bytes);
    if (content_unchanged(s.record, s.hash, item.origin)) {
      s.unchanged = true;
      return std::string();  // nothing to parse; delivery uses the record
    }
    return bytes;
  };
  parse_in_order(to_parse, pool, [&](const InputItem& item, ParsedInput&& parsed) {
    Side& s = side[index_of(item, to_parse)];
    InputIdentity id{item.log_key(), static_cast<std::int64_t>(item.size), item.mtime_ns, s.hash};
    if (s.legacy && !options_.dry_run) forget_.push_back(item.path);
    if (s.unchanged) {
      unchanged(*s.record);
      writer_.add(unchanged_file(id, *s.record));
    } else {
      std::size_t failed_records = parsed.failed_records;
      add(parsed_file(id, item.origin, std::move(parsed)), failed_records);
    }
    return !writer_.failed();
  });
  return {};
}

}  // namespace newsdb::ingest
