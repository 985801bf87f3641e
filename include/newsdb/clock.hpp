// The time as the library reads it: an interface, so that importing, polling and scheduling run
// on a fixed clock in tests. Implementations are thread-safe.
#pragma once

#include <chrono>
#include <newsdb/article.hpp>

namespace newsdb {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

// The wall clock (UTC, whole seconds).
class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

// A clock that says what it is told: for tests. Not thread-safe while it is being set.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Timestamp now) : now_(now) {}
  Timestamp now() const override { return now_; }
  void set(Timestamp now) { now_ = now; }
  void advance(std::chrono::seconds by) { now_ += by; }

 private:
  Timestamp now_;
};

}  // namespace newsdb
