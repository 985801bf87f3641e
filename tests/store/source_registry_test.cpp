#include <catch2/catch.hpp>
#include <newsdb/store.hpp>

#include "support/backends.hpp"

using namespace newsdb;
using namespace std::chrono_literals;

namespace {
const Timestamp kT0{std::chrono::sys_days{std::chrono::year{2024} / 5 / 1}};
}

TEST_CASE("a source is registered once, adding it again only changes its interval",
          "[store][sources]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      auto& reg = fresh.store().sources();
      auto first = reg.add("https://example.com/feed.xml", 30min, kT0);
      REQUIRE(first.has_value());
      CHECK(first->outcome == AddOutcome::kAdded);
      CHECK(first->source.id > 0);
      CHECK(first->source.is_due(kT0));

      auto same = reg.add("https://example.com/feed.xml", 30min, kT0 + 1h);
      REQUIRE(same.has_value());
      CHECK(same->outcome == AddOutcome::kUnchanged);
      CHECK(same->source.id == first->source.id);

      auto changed = reg.add("https://example.com/feed.xml", 2h, kT0 + 2h);
      REQUIRE(changed.has_value());
      CHECK(changed->outcome == AddOutcome::kUpdated);

      auto all = reg.list();
      REQUIRE(all.has_value());
      REQUIRE(all->size() == 1);
      CHECK((*all)[0].every == 2h);
      CHECK((*all)[0].created_at == kT0);
    }
  }
}

TEST_CASE("every polled field survives update and list", "[store][sources]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      auto& reg = fresh.store().sources();
      auto added = reg.add("https://example.com/a.xml", 30min, kT0);
      REQUIRE(added.has_value());
      Source s = added->source;
      s.url = "https://example.org/moved.xml";
      s.title = "Example feed";
      s.every = 1h;
      s.etag = "\"abc\"";
      s.last_modified = "Wed, 01 May 2024 00:00:00 GMT";
      s.last_fetch_at = kT0 + 5min;
      s.last_status = 503;
      s.last_new_items = 7;
      s.error_count = 3;
      s.last_error = "HTTP 503";
      s.next_due_at = kT0 + 4h;
      REQUIRE(reg.update(s).has_value());

      auto found = reg.find("https://example.org/moved.xml");
      REQUIRE(found.has_value());
      REQUIRE(found->has_value());
      CHECK(**found == s);
      auto old = reg.find("https://example.com/a.xml");
      REQUIRE(old.has_value());
      CHECK_FALSE(old->has_value());

      // Clearing optional fields writes NULLs back.
      s.etag.reset();
      s.last_status.reset();
      s.last_error.reset();
      REQUIRE(reg.update(s).has_value());
      auto again = reg.list();
      REQUIRE(again.has_value());
      REQUIRE(again->size() == 1);
      CHECK((*again)[0] == s);
    }
  }
}

TEST_CASE("an update may not take another source's URL", "[store][sources]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      auto& reg = fresh.store().sources();
      auto a = reg.add("https://a.example/feed", 30min, kT0);
      auto b = reg.add("https://b.example/feed", 30min, kT0);
      REQUIRE(a.has_value());
      REQUIRE(b.has_value());
      Source moved = a->source;
      moved.url = b->source.url;
      auto r = reg.update(moved);
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().kind == ErrorKind::kInvalidInput);
    }
  }
}

TEST_CASE("removing a source reports whether it was registered", "[store][sources]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      auto& reg = fresh.store().sources();
      REQUIRE(reg.add("https://a.example/feed", 30min, kT0).has_value());
      REQUIRE(reg.add("https://b.example/feed", 30min, kT0).has_value());
      auto removed = reg.remove("https://a.example/feed");
      REQUIRE(removed.has_value());
      CHECK(*removed);
      auto again = reg.remove("https://a.example/feed");
      REQUIRE(again.has_value());
      CHECK_FALSE(*again);
      auto all = reg.list();
      REQUIRE(all.has_value());
      REQUIRE(all->size() == 1);
      CHECK((*all)[0].url == "https://b.example/feed");
    }
  }
}

TEST_CASE("updating a removed source is a clear not-found error", "[store][sources]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      auto& reg = fresh.store().sources();
      auto a = reg.add("https://a.example/feed", 30min, kT0);
      REQUIRE(a.has_value());
      REQUIRE(reg.remove("https://a.example/feed").has_value());
      auto r = reg.update(a->source);
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().kind == ErrorKind::kNotFound);
    }
  }
}
