#include "cli/filters.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <limits>
#include <newsdb/date.hpp>

namespace newsdb::cli {
namespace {

Result<std::int64_t> whole_number(std::string_view option, const std::string& text,
                                  std::int64_t minimum) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec == std::errc::result_out_of_range && ptr == end) {
    return fail(ErrorKind::kInvalidInput,
                std::string(option) + " is out of range: " + text + " is beyond " +
                    std::to_string(text.starts_with('-') ? std::numeric_limits<std::int64_t>::min()
                                                         : std::numeric_limits<std::int64_t>::max()));
  }
  if (ec != std::errc() || ptr != end) {
    return fail(ErrorKind::kInvalidInput, std::string(option) + " needs a whole number, not '" +
                                              text + "'");
  }
  if (value < minimum) {
    return fail(ErrorKind::kInvalidInput, std::string(option) + " cannot be below " +
                                              std::to_string(minimum) + " (got " + text + ")");
  }
  return value;
}

Result<SortOrder> parse_sort(const std::string& text) {
  if (text == "newest") return SortOrder::kNewest;
  if (text == "oldest") return SortOrder::kOldest;
  if (text == "heat") return SortOrder::kHeat;
  if (text == "quality") return SortOrder::kQuality;
  if (text == "relevance") return SortOrder::kRelevance;
  return fail(ErrorKind::kInvalidInput,
              "unknown sort '" + text + "': use --sort newest, oldest, heat, quality or relevance");
}

const char* sort_name(SortOrder sort) {
  switch (sort) {
    case SortOrder::kNewest: return "newest";
    case SortOrder::kOldest: return "oldest";
    case SortOrder::kHeat: return "heat";
    case SortOrder::kQuality: return "quality";
    case SortOrder::kRelevance: return "relevance";
  }
  return "newest";
}

Result<bool> parse_yes_no(const std::string& text) {
  if (text == "yes" || text == "true") return true;
  if (text == "no" || text == "false") return false;
  return fail(ErrorKind::kInvalidInput, "--published takes yes or no, not '" + text + "'");
}

bool is_date_only(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

// "2024-01" (a month) or "2024" (a year): its first second, or with `end` its last.
std::optional<Timestamp> month_or_year(std::string_view text, bool end) {
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
    }
    return true;
  };
  using namespace std::chrono;
  int y = 0;
  unsigned m = 0;
  if (text.size() == 4 && digits(0, 4)) {
    y = std::stoi(std::string(text));
  } else if (text.size() == 7 && digits(0, 4) && text[4] == '-' && digits(5, 2)) {
    y = std::stoi(std::string(text.substr(0, 4)));
    m = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
    if (m < 1 || m > 12) return std::nullopt;
  } else {
    return std::nullopt;
  }
  year_month first = m == 0 ? year(y) / January : year(y) / month(m);
  if (!end) return Timestamp(sys_days(first / 1));
  year_month after = m == 0 ? year(y + 1) / January : first + months(1);
  return Timestamp(sys_days(after / 1)) - seconds(1);
}

// "7d" and friends: a count and one unit letter.
std::optional<std::chrono::seconds> span_ago(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  std::int64_t count = 0;
  auto digits = text.substr(0, text.size() - 1);
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || count < 0) return std::nullopt;
  std::int64_t unit = 0;
  switch (text.back()) {
    case 'm': unit = 60; break;
    case 'h': unit = 3600; break;
    case 'd': unit = 86400; break;
    case 'w': unit = 7 * 86400; break;
    default: return std::nullopt;
  }
  constexpr std::int64_t kMaxSeconds = std::int64_t{400} * 366 * 86400;  // four centuries
  if (count > kMaxSeconds / unit) return std::nullopt;
  return std::chrono::seconds(count * unit);
}

Result<std::vector<std::string>> names(std::string_view option, std::vector<std::string> values) {
  for (const auto& v : values) {
    if (v.empty()) {
      return fail(ErrorKind::kInvalidInput, std::string(option) + " needs a name, not an empty string");
    }
  }
  return values;
}

}  // namespace

Timestamp current_time() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

Result<Timestamp> parse_when(std::string_view text, Timestamp now, bool end_of_day) {
  if (auto span = span_ago(text)) return now - *span;
  if (auto t = month_or_year(text, end_of_day)) return *t;
  if (auto t = parse_date(text)) {
    if (end_of_day && is_date_only(text)) return *t + std::chrono::seconds(86400 - 1);
    return *t;
  }
  return fail(ErrorKind::kInvalidInput,
              "cannot read '" + std::string(text) +
                  "' as a date: use 2024-01-31, 2024-01, 2024, 2024-01-31T08:00:00Z (offsets such as +01:00 "
                  "allowed), or a span ago such as 30m, 24h, 7d or 2w");
}

Result<Query> to_query(const FilterOptions& o, Timestamp now, QueryDefaults defaults) {
  Query q;
  Filter& f = q.filter;
  auto topics = names("--topic", o.topics);
  if (!topics) return std::unexpected(topics.error());
  auto providers = names("--provider", o.providers);
  if (!providers) return std::unexpected(providers.error());
  auto categories = names("--category", o.categories);
  if (!categories) return std::unexpected(categories.error());
  auto types = names("--type", o.types);
  if (!types) return std::unexpected(types.error());
  f.topics = std::move(*topics);
  f.providers = std::move(*providers);
  f.categories = std::move(*categories);
  f.types = std::move(*types);

  auto with_option = [](std::string_view option, Error e) {
    e.message = std::string(option) + ": " + e.message;
    return std::unexpected(std::move(e));
  };
  if (!o.since.empty()) {
    auto t = parse_when(o.since, now, false);
    if (!t) return with_option("--since", t.error());
    f.since = *t;
  }
  if (!o.until.empty()) {
    auto t = parse_when(o.until, now, true);
    if (!t) return with_option("--until", t.error());
    f.until = *t;
  }
  if (f.since && f.until && *f.since > *f.until) {
    return fail(ErrorKind::kInvalidInput, "--since " + o.since + " is after --until " + o.until +
                                              ": nothing can match; swap them?");
  }
  if (!o.min_quality.empty()) {
    auto n = whole_number("--min-quality", o.min_quality, std::numeric_limits<std::int64_t>::min());
    if (!n) return std::unexpected(n.error());
    f.min_quality = *n;
  }
  if (!o.min_heat.empty()) {
    auto n = whole_number("--min-heat", o.min_heat, std::numeric_limits<std::int64_t>::min());
    if (!n) return std::unexpected(n.error());
    f.min_heat = *n;
  }
  if (!o.published.empty()) {
    auto yes = parse_yes_no(o.published);
    if (!yes) return std::unexpected(yes.error());
    f.published = *yes;
  }
  if (!o.text.empty()) f.text = o.text;
  f.text_syntax = o.raw ? TextSyntax::kRaw : TextSyntax::kWords;

  q.sort = defaults.sort;
  if (!o.sort.empty()) {
    auto sort = parse_sort(o.sort);
    if (!sort) return std::unexpected(sort.error());
    q.sort = *sort;
  }
  if (q.sort == SortOrder::kRelevance && !f.text) {
    return fail(ErrorKind::kInvalidInput,
                "--sort relevance needs text to rank by: add --text WORDS, or use `newsdb search`");
  }
  q.limit = defaults.limit;
  if (!o.limit.empty()) {
    auto n = whole_number("--limit", o.limit, 0);
    if (!n) return std::unexpected(n.error());
    q.limit = *n;
  }
  if (!o.offset.empty()) {
    auto n = whole_number("--offset", o.offset, 0);
    if (!n) return std::unexpected(n.error());
    q.offset = *n;
  }
  return q;
}

void add_filter_options(CLI::App& cmd, FilterOptions& o, FilterParts parts,
                        std::string_view format_help, QueryDefaults defaults) {
  cmd.add_option("-t,--topic", o.topics, "only articles with this topic (repeat for any of several)")
      ->type_name("NAME")
      ->group("Filters");
  cmd.add_option("-p,--provider", o.providers,
                 "only this provider, by name or domain (repeatable; www. optional)")
      ->type_name("NAME")
      ->group("Filters");
  cmd.add_option("--category", o.categories, "only this category (repeatable)")
      ->type_name("NAME")
      ->group("Filters");
  cmd.add_option("--type", o.types, "only this type, e.g. article or video (repeatable)")
      ->type_name("NAME")
      ->group("Filters");
  cmd.add_option("--since", o.since,
                 "published at or after: 2024-01-31, 2024-01 (a month), 2024, a datetime, or "
                 "7d/24h ago")
      ->type_name("DATE")
      ->group("Filters");
  cmd.add_option("--until", o.until,
                 "published at or before (a date, month or year includes the whole of it)")
      ->type_name("DATE")
      ->group("Filters");
  cmd.add_option("--min-quality", o.min_quality, "quality at least N")
      ->type_name("INT")
      ->group("Filters");
  cmd.add_option("--min-heat", o.min_heat, "heat at least N")->type_name("INT")->group("Filters");
  cmd.add_option("--published", o.published, "the published flag")
      ->type_name("yes|no")
      ->group("Filters");
  if (parts != FilterParts::kSearch) {
    cmd.add_option("--text", o.text, "full-text words that must all appear")
        ->type_name("WORDS")
        ->group("Filters");
  }
  if (parts != FilterParts::kFacet && parts != FilterParts::kStats) {
    cmd.add_option("--sort", o.sort, "newest, oldest, heat, quality or relevance; ties by URL")
        ->type_name("ORDER")
        ->default_str(sort_name(defaults.sort))
        ->group("Output");
  }
  if (parts != FilterParts::kStats) {
    cmd.add_option("--offset", o.offset,
                   parts == FilterParts::kFacet ? "skip the first N entries" : "skip the first N matches")
        ->type_name("INT")
        ->default_str("0")
        ->group("Output");
    cmd.add_option("-n,--limit", o.limit, "at most N results (0 = all)")
        ->type_name("INT")
        ->default_str(std::to_string(defaults.limit))
        ->group("Output");
  }
  if (parts == FilterParts::kList || parts == FilterParts::kSearch) {
    cmd.add_flag("--count", o.count, "print only how many articles match")->group("Output");
    cmd.add_flag("--collapse", o.collapse,
                 "one row per story: its best-placed match, with the story's article count")
        ->group("Output");
  }
  cmd.add_option("-f,--format", o.format, std::string(format_help))
      ->type_name("FORMAT")
      ->group("Output");
}

}  // namespace newsdb::cli
