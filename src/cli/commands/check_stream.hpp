// The input side of `newsdb check`: every input of the SOURCE arguments parsed in input order,
// streamed. The walk hands out inputs one at a time (discovery.hpp); they are parsed in groups of
// at most `group` (parse_pool.hpp), so what check holds is one group and the walk's listings,
// never the list of every path: its memory does not grow with the corpus.
#pragma once

#include <cstddef>
#include <functional>
#include <newsdb/diagnostic.hpp>
#include <newsdb/document.hpp>
#include <string>
#include <vector>

#include "ingest/discovery.hpp"
#include "ingest/parse_pool.hpp"

namespace newsdb::cli {

struct CheckStreamOptions {
  ingest::ParsePoolOptions pool;
  std::size_t group = 4096;  // inputs parsed per round (at least 1)
};

struct CheckStreamStats {
  std::size_t inputs = 0;            // inputs delivered
  std::size_t most_inputs_held = 0;  // the largest group held at once: at most options.group
};

// Calls `problem` for each problem of the walk (a missing argument, a symlink loop) and `parsed`
// for each input, all on the calling thread and in input order: a problem the walk met on its way
// to an input comes after every earlier input's result. Never throws.
CheckStreamStats check_inputs(
    const std::vector<std::string>& sources, const CheckStreamOptions& options,
    const std::function<void(const Diagnostic&)>& problem,
    const std::function<void(const ingest::InputItem&, ParsedInput&&)>& parsed);

}  // namespace newsdb::cli
