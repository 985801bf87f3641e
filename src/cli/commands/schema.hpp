// `newsdb schema` (and `newsdb sql .schema`): the tables and views `newsdb sql` can read, each
// with its columns and their types, as plain text.
#pragma once

#include <iosfwd>
#include <newsdb/article_reader.hpp>

namespace newsdb::cli {

class Context;

// Prints `tables` as `newsdb schema` does.
void print_schema(std::ostream& out, const std::vector<TableSchema>& tables);

// Opens the store and prints its schema; the command's exit status.
int run_schema(Context& ctx);

}  // namespace newsdb::cli
