#include <newsdb/clock.hpp>

namespace newsdb {

Timestamp SystemClock::now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace newsdb
