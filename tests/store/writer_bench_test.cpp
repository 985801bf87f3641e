// A micro-benchmark of the SQLite writer alone, on synthetic articles shaped like
// gen_corpus.py's (sizes, topic and provider counts, related entries). Hidden: run it by hand,
//   NEWSDB_BENCH_COUNT=20000 NEWSDB_BENCH_BATCH=2000 build/tests/store_tests "[bench]"
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <newsdb/store.hpp>
#include <random>
#include <time.h>

#include "store/parsed_file.hpp"
#include "store/writer_fixtures.hpp"
#include "support/backends.hpp"

using namespace newsdb;

namespace {

long env_or(const char* name, long fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atol(v) : fallback;
}

class Synth {
 public:
  explicit Synth(unsigned seed) : rng_(seed) {}

  std::string words(int n) {
    static const char* kWords[] = {"market", "chips", "supply", "energy", "court", "model",
                                   "growth", "launch", "the", "of", "and", "to", "a", "in",
                                   "report", "investors", "battery", "cloud", "policy", "users"};
    std::string out;
    for (int i = 0; i < n; ++i) {
      if (i) out += ' ';
      out += kWords[pick(20)];
      if (pick(7) == 0) out += std::to_string(pick(1000));
    }
    return out;
  }

  Article article(long i) {
    Article a;
    std::string slug = "story-" + std::to_string(i);
    a.title = words(10);
    a.excerpt = words(30);
    a.published_date_time = test::at(1609459200 + pick(126'000'000));
    a.original_url = "https://site" + std::to_string(pick(400)) + ".com/news/" + slug;
    a.canonical_url = *a.original_url;
    a.web_url = a.original_url;
    a.amp_web_url = *a.original_url + "?amp=1";
    a.cdn_amp_web_url = "https://cdn.ampproject.org/c/s/" + *a.original_url;
    a.category = "news";
    a.type = "article";
    if (pick(10)) a.quality = pick(100);
    if (pick(7)) a.heat = pick(500);
    a.published = true;
    a.provider = provider();
    for (int t = 0, n = 1 + pick(4); t < n; ++t) a.topics.push_back("Topic " + std::to_string(pick(250)));
    for (int m = 0, n = pick(4); m < n; ++m) a.images.push_back(image(slug, m));
    for (int r = 0, n = pick(5); r < n; ++r) a.related.push_back(related());
    if (pick(10) < 7) a.secured = std::string(700, 'Q') + std::to_string(i) + ";iv==";
    if (pick(10) < 3) a.body = words(500);
    return a;
  }

 private:
  int pick(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }
  Provider provider() {
    int p = pick(400);
    return Provider{"Provider " + std::to_string(p), "site" + std::to_string(p) + ".com",
                    Json::object()};
  }
  Image image(const std::string& slug, int m) {
    return Image{"https://cdn.example.com/img/" + slug + std::to_string(m) + ".webp", 1024, 576,
                 true, Json::object()};
  }
  RelatedArticle related() {
    RelatedArticle r;
    r.title = words(10);
    r.excerpt = words(25);
    r.published_date_time = test::at(1609459200 + pick(126'000'000));
    r.web_url = "https://site" + std::to_string(pick(400)) + ".com/news/related-" +
                std::to_string(pick(1'000'000));
    r.type = "article";
    r.provider = provider();
    r.quality = pick(100);
    if (pick(2)) r.images.push_back(image("rel", 0));
    return r;
  }
  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("writer throughput on synthetic articles", "[.][bench]") {
  const long count = env_or("NEWSDB_BENCH_COUNT", 20000);
  const long batch_size = env_or("NEWSDB_BENCH_BATCH", 2000);
  test::FreshStore fresh("sqlite");
  Synth synth(42);
  std::chrono::duration<double> writing{0};
  double cpu = 0;
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
  };
  WriteCounts total;
  for (long done = 0; done < count; done += batch_size) {
    std::vector<ParsedFile> batch;
    for (long i = done; i < std::min(count, done + batch_size); ++i) {
      batch.push_back(test::file("f" + std::to_string(i) + ".md", {synth.article(i)}));
    }
    auto start = std::chrono::steady_clock::now();
    double cpu_start = cpu_now();
    auto counts = fresh.store().writer().write_batch(batch, test::at(1));
    writing += std::chrono::steady_clock::now() - start;
    cpu += cpu_now() - cpu_start;
    REQUIRE(counts);
    total += *counts;
  }
  CHECK(total.added == count);
  std::cout << "wrote " << count << " articles in batches of " << batch_size << ": "
            << writing.count() << " s, " << static_cast<long>(count / writing.count())
            << " docs/s; cpu " << cpu << " s, " << static_cast<long>(count / cpu)
            << " docs/cpu-s\n";
}
