#include "cli/output/dates.hpp"

#include <newsdb/date.hpp>

namespace newsdb::cli {

std::string date_text(const std::optional<Timestamp>& t) { return t ? format_timestamp(*t) : ""; }

}  // namespace newsdb::cli
