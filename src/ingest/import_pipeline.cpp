#include "ingest/import_pipeline.hpp"

#include <newsdb/feed_fetch.hpp>
#include <newsdb/store.hpp>

#include "ingest/dry_run.hpp"
#include "ingest/importer.hpp"
#include "store/parsed_file.hpp"

namespace newsdb::ingest {
namespace {

struct Stores {
  std::unique_ptr<Store> main;     // the writer's (read-only for a dry run); null: none yet
  std::unique_ptr<Store> lookups;  // the skip rules' own connection
};

Result<Stores> open_stores(const ImportOptions& options) {
  Stores stores;
  if (!options.dry_run) {
    auto main = open_store(options.database, OpenMode::kReadWrite);
    if (!main) return std::unexpected(main.error());
    stores.main = std::move(*main);
  } else {
    auto main = open_store(options.database, OpenMode::kReadOnly);
    if (!main && main.error().kind == ErrorKind::kNotFound) return stores;  // all would be new
    if (!main) return std::unexpected(main.error());
    stores.main = std::move(*main);
  }
  auto lookups = open_store(options.database, OpenMode::kReadOnly);
  if (!lookups) return std::unexpected(lookups.error());
  stores.lookups = std::move(*lookups);
  return stores;
}

}  // namespace

Result<ImportSummary> run_import(const ImportOptions& options, const Clock& clock,
                                 const ImportObserver& observer, HttpClient* http) {
  auto stores = open_stores(options);
  if (!stores) return std::unexpected(stores.error());
  ArticleWriter* main = stores->main ? &stores->main->writer() : nullptr;

  DryRunCounter counter(main);
  BatchSink sink;
  BatchIdle idle;
  if (options.dry_run) {
    sink = [&counter](std::span<const ParsedFile> batch, Timestamp) { return counter.count(batch); };
  } else {
    main->set_batches_per_commit(options.batches_per_commit);
    sink = [main](std::span<const ParsedFile> batch, Timestamp now) {
      return main->write_batch(batch, now);
    };
    // Batches share a transaction only while the next one is ready: a writer waiting for slow
    // input commits first, so other importers and `fetch` are not kept from the write lock.
    idle = [main] { return main->commit(); };
  }
  BatchWriter writer(sink, clock, options.batch, {}, idle);
  KnownFetchDate known_dates;
  if (stores->lookups) known_dates = known_dates_in(stores->lookups->reader());
  Importer importer(options, observer, stores->lookups ? &stores->lookups->import_log() : nullptr,
                    http, clock, writer, std::move(known_dates));
  auto ran = importer.run(options.sources);
  auto written = writer.finish();
  // What was written is kept also when the import stops early on an input's error (after a
  // failed write there is nothing open to commit).
  Result<void> committed = options.dry_run ? Result<void>() : main->commit();
  if (!ran) return std::unexpected(ran.error());
  if (!written) return std::unexpected(written.error());
  if (!committed) return std::unexpected(committed.error());
  if (!options.dry_run) {
    auto forgotten = stores->main->import_log().forget_inputs(importer.to_forget());
    if (!forgotten) return std::unexpected(forgotten.error());
  }

  ImportSummary summary = std::move(importer.summary());
  summary.added += written->added;
  summary.updated += written->updated;
  summary.unchanged += written->unchanged;
  // Known only once their batch was written: reported after the diagnostics of parsing.
  for (const Diagnostic& d : written->refused) {
    ++summary.failed;
    summary.errors.push_back(d);
    if (observer.diagnostic) observer.diagnostic(d);
  }
  return summary;
}

}  // namespace newsdb::ingest
