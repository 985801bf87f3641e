// When the store refuses one record of a batch (a value the backend cannot hold, a constraint the
// record breaks), the rest of the batch is still written: the writers call this after a batch
// failed for a record's sake, and it writes the batch again by halves, each half all or nothing,
// down to the single records at fault (<newsdb/article_writer.hpp>, write_batch).
//
// A refused record is left out; its input keeps its other records, is recorded as failed (so the
// next import retries it) with a diagnostic that says why, and the diagnostic is listed in the
// counts' `refused`. The halves are written in input order, so the counts and the last-record
// rule come out as if the batch had been written whole without the refused records. One bad
// record in a batch of n costs about 2 log2(n) more writes, of n records in all.
#pragma once

#include <functional>
#include <newsdb/article_writer.hpp>
#include <span>
#include <vector>

#include "store/parsed_file.hpp"

namespace newsdb::store {

// Writes `part` of a batch all or nothing. On failure, sets `refused` when the failure is the
// doing of a record in `part` (the backend's judgement: a constraint, a value too large), not of
// the store (I/O, a full disk, a lost connection).
using WriteAttempt =
    std::function<Result<WriteCounts>(std::span<const ParsedFile> part, bool& refused)>;

// `batch` has just failed whole with `whole`, for a record's sake: writes it again by halves as
// described above. An attempt that fails for the store's sake ends it with that error (what the
// halves before it wrote stays written, as a failed batch's earlier transactions do).
Result<WriteCounts> write_without_refused(std::span<const ParsedFile> batch,
                                          const WriteAttempt& attempt, const Error& whole);

// The inputs of `batch` with only the articles `keep` accepts (every input is kept, with its
// diagnostics and log flags, also when none of its articles is).
std::vector<ParsedFile> with_articles(std::span<const ParsedFile> batch,
                                      const std::function<bool(const Article&)>& keep);

// A test seam: the writers write the article with this canonical URL with no search text for its
// topics, which both schemas forbid (NOT NULL), so the store refuses that record as it refuses any
// value it cannot hold. Empty, the default: none. Set it only while no import runs.
void refuse_url_for_tests(std::string url);
bool refused_for_tests(const Article& article);

}  // namespace newsdb::store
