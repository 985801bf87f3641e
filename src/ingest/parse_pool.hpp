// Parsing many inputs on several threads while delivering their results strictly in input order
// (docs/format.md: the record seen last in input order wins, whatever the number of threads).
//
// Workers take inputs in order, read each with one read into memory and parse it (parse_input);
// the calling thread receives the results one by one in input order. At most `window` inputs are
// in flight (being read, parsed, or parsed and waiting for an earlier one), so memory is bounded
// by the window times the largest input the limits allow, never by the size of the corpus.
#pragma once

#include <functional>
#include <newsdb/document.hpp>
#include <newsdb/error.hpp>
#include <string>
#include <vector>

#include "ingest/discovery.hpp"

namespace newsdb::ingest {

// Reads one input's bytes. The default reads a file: one read of at most the limit + 1 bytes
// (parse_input then reports an oversized file), or just its first bytes when a file too large to
// be an article does not start like one (so a folder of videos costs nothing); for kStdin it
// reads standard input to its end (NDJSON, up to max_ndjson_bytes + 1).
using InputReader = std::function<Result<std::string>(const InputItem&, const ParseLimits&)>;
Result<std::string> read_input_file(const InputItem& item, const ParseLimits& limits);

struct ParsePoolOptions {
  int jobs = 0;            // parsing threads; 0 = one per core. 1 parses on the calling thread.
  std::size_t window = 0;  // inputs in flight at most; 0 = 8 per thread
  ParseLimits limits;
  InputReader reader;  // empty = read_input_file
};

// Called on the calling thread once per input, in input order; return false to stop early.
// A read failure arrives as a kFailed ParsedInput whose one diagnostic says why.
using ParsedCallback = std::function<bool(const InputItem& item, ParsedInput&& parsed)>;

// Parses `inputs` and delivers every result before returning, unless `deliver` stops it. The
// default reader takes kFile and kStdin (as NDJSON); archives and URLs must be expanded first
// (with it they arrive as failed, saying so). Thread-safe as long as `deliver` and the reader are.
void parse_in_order(const std::vector<InputItem>& inputs, const ParsePoolOptions& options,
                    const ParsedCallback& deliver);

// The number of threads `jobs` means (0 = hardware concurrency, at least 1).
int effective_jobs(int jobs);

}  // namespace newsdb::ingest
