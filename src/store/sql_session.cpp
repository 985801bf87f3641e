#include "store/sql_session.hpp"

#include <cstdio>

namespace newsdb::store {

Error sql_timeout_error(std::chrono::milliseconds timeout) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%g", static_cast<double>(timeout.count()) / 1000.0);
  return Error{ErrorKind::kStore,
               std::string("a statement ran longer than its time limit of ") + seconds +
                   " s and was stopped: narrow it (a WHERE or a LIMIT), or give it more time "
                   "with --timeout SECONDS (0 for no limit)"};
}

}  // namespace newsdb::store
