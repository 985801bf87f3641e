// Any text as a date: a date that parses must print as YYYY-MM-DDTHH:MM:SSZ and read back as the
// same instant.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <newsdb/date.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = newsdb::parse_date(text);
  if (!parsed) return 0;
  auto printed = newsdb::format_timestamp(*parsed);
  if (printed.size() != 20 || printed.back() != 'Z') std::abort();
  auto again = newsdb::parse_date(printed);
  if (!again || *again != *parsed) std::abort();
  return 0;
}
