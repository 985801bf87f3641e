// STUB: implemented by the parser work (issue 2).
#include <newsdb/date.hpp>

namespace newsdb {

std::optional<Timestamp> parse_date(std::string_view) { return std::nullopt; }

std::string format_timestamp(Timestamp t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02lldZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                long(hms.minutes().count()), static_cast<long long>(hms.seconds().count()));
  return buf;
}

}  // namespace newsdb
