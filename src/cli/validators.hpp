// CLI11 validators for options whose CLI11 defaults give messages that do not say what to type
// (PositiveNumber answers `--jobs 0` with "Value 0 not in range 0.000000 to 1.79769e+308").
#pragma once

#include <CLI/CLI.hpp>

namespace newsdb::cli {

// A thread count: a whole number from 1 to 1024. Usage: `->check(thread_count())`.
CLI::Validator thread_count();

}  // namespace newsdb::cli
