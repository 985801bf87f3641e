// What both backends' `run_sql` share: the message for a statement stopped by its time limit, and
// the temporary view `articles_iso` each session gets (articles with readable times and the
// provider's name), so that exploring the store needs no epoch arithmetic and no migration.
#pragma once

#include <chrono>
#include <newsdb/error.hpp>
#include <string>

namespace newsdb::store {

// The name of the temporary view every `run_sql` session has.
inline constexpr const char* kIsoView = "articles_iso";

// kStore: a statement ran longer than `timeout` and was stopped.
Error sql_timeout_error(std::chrono::milliseconds timeout);

}  // namespace newsdb::store
