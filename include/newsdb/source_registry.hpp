// Feeds to poll (docs/feeds.md): what is registered, and what the last polls left behind —
// the validators for the next conditional GET, the schedule, and the error history that
// `newsdb sources list` shows.
//
// Every backend implements SourceRegistry; the poller
// (<newsdb/feed_poller.hpp>) is its only writer besides the `sources` command.
//
// Time never comes from the registry itself: callers pass `now` (from a Clock), so tests are
// deterministic. A registry is used from one thread at a time, like the Store that owns it.
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
  std::string url;                 // canonical form (url.hpp); updated by permanent redirects
  std::optional<std::string> title;  // the feed's own title, from the last successful parse
  std::chrono::seconds every{1800};  // the polling interval
  Timestamp created_at{};

  // Validators from the last 200 response, sent back as If-None-Match / If-Modified-Since.
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;

  std::optional<Timestamp> last_fetch_at;  // the last attempt, successful or not
  std::optional<int> last_status;          // its HTTP status; nullopt when no response came back
  std::int64_t last_new_items = 0;         // articles new to the store from the last poll
  std::int64_t error_count = 0;            // consecutive failed polls; 0 after a success
  std::optional<std::string> last_error;   // why the last poll failed; nullopt after a success
  std::optional<Timestamp> next_due_at;    // nullopt = due now (never polled)

  // True when the source should be polled at `now`.
  bool is_due(Timestamp now) const { return !next_due_at || *next_due_at <= now; }

  friend bool operator==(const Source&, const Source&) = default;
};

enum class AddOutcome {
  kAdded,      // a new source
  kUpdated,    // already registered; its interval was changed
  kUnchanged,  // already registered with this interval
};

struct AddResult {
  Source source;
  AddOutcome outcome = AddOutcome::kAdded;
};

class SourceRegistry {
 public:
  virtual ~SourceRegistry() = default;

  // Registers `url`, which the caller has already canonicalised, to be polled every `every`
  // (due at once). Registering a URL again changes only its interval.
  virtual Result<AddResult> add(const std::string& url, std::chrono::seconds every,
                                Timestamp now) = 0;
  // Unregisters `url`; false when it was not registered. Articles already imported stay.
  virtual Result<bool> remove(const std::string& url) = 0;
  // Every source, oldest registration first.
  virtual Result<std::vector<Source>> list() = 0;
  virtual Result<std::optional<Source>> find(const std::string& url) = 0;
  // Writes every field of `source` but id and created_at, by id. Fails with kInvalidInput when
  // the new url belongs to another source, kNotFound when the id is gone (removed meanwhile).
  virtual Result<void> update(const Source& source) = 0;
};

}  // namespace newsdb
