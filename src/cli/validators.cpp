#include "cli/validators.hpp"

#include <charconv>
#include <string>

namespace newsdb::cli {

CLI::Validator thread_count() {
  constexpr int kMost = 1024;
  return CLI::Validator(
      [](std::string& text) -> std::string {
        int n = 0;
        auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec == std::errc() && ptr == text.data() + text.size() && n >= 1 && n <= kMost) {
          return {};
        }
        return "needs a number of threads from 1 to " + std::to_string(kMost) + ", not '" + text +
               "' (leave it out for one per core)";
      },
      "THREADS", "thread count");
}

}  // namespace newsdb::cli
