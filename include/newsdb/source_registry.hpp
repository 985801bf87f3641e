// Feeds to poll (DESIGN.md, "Feeds"). DRAFT by the lead; owned by the feeds work (issue 5), which
// may reshape it.
#pragma once

#include <chrono>
#include <cstdint>
#include <newsdb/article.hpp>
#include <newsdb/error.hpp>
#include <optional>
#include <string>
#include <vector>

namespace newsdb {

struct Source {
  std::int64_t id = 0;
  std::string url;
  std::chrono::seconds every{1800};
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
  std::optional<Timestamp> last_fetch_at;
  std::optional<int> last_status;
  std::int64_t last_new_items = 0;
  std::int64_t error_count = 0;
  std::optional<std::string> last_error;
  std::optional<Timestamp> next_due_at;
};

class SourceRegistry {
 public:
  virtual ~SourceRegistry() = default;

  virtual Result<Source> add(const std::string& url, std::chrono::seconds every) = 0;
  virtual Result<bool> remove(const std::string& url) = 0;  // false when not registered
  virtual Result<std::vector<Source>> list() = 0;
  virtual Result<void> update(const Source& source) = 0;  // by id: every field but id and url
};

}  // namespace newsdb
