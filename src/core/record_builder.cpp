#include "core/record_builder.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <newsdb/date.hpp>
#include <newsdb/url.hpp>

#include "core/blank_text.hpp"
#include "core/scalar.hpp"

namespace newsdb {
namespace {

enum Field : int {
  kTitle,
  kExcerpt,
  kPublishedDateTime,
  kOriginalUrl,
  kWebUrl,
  kAmpWebUrl,
  kCdnAmpWebUrl,
  kCategory,
  kType,
  kQuality,
  kHeat,
  kPublished,
  kProvider,
  kTopics,
  kImages,
  kSecured,
  kRelated,  // article only
  kBody,     // article only
  kId,       // article only: ignored
  kStoryId,  // article only: ignored (the store assigns stories)
  kUnknown,
};

constexpr std::array<std::string_view, kUnknown> kFieldNames = {"title",
                                                                "excerpt",
                                                                "publishedDateTime",
                                                                "originalUrl",
                                                                "webUrl",
                                                                "ampWebUrl",
                                                                "cdnAmpWebUrl",
                                                                "category",
                                                                "type",
                                                                "quality",
                                                                "heat",
                                                                "published",
                                                                "provider",
                                                                "topics",
                                                                "images",
                                                                "secured",
                                                                "related",
                                                                "body",
                                                                "id",
                                                                "storyId"};

Field field_for_key(std::string_view key, bool article) {
  for (int i = 0; i < kUnknown; ++i) {
    if (kFieldNames[i] == key) return (i >= kRelated && !article) ? kUnknown : Field(i);
  }
  return kUnknown;
}

bool is_null(const Event& e) {
  return e.type == EventType::kScalar &&
         (e.scalar == ScalarType::kNull ||
          (e.scalar == ScalarType::kPlain && is_plain_null(e.text)));
}

bool is_text(const Event& e) {
  return e.type == EventType::kScalar &&
         (e.scalar == ScalarType::kString || e.scalar == ScalarType::kPlain);
}

// A list item that says nothing: null, or text of only white space.
bool is_empty_item(const Event& e) {
  return is_null(e) || (is_text(e) && is_blank_text(e.text));
}

std::string code(std::string_view path) {
  return "`" + std::string(path) + "`";
}

// A field path cut to its first segments, for messages about deeply nested values.
std::string_view short_path(std::string_view path) {
  constexpr std::size_t kMax = 40;
  if (path.size() <= kMax) return path;
  std::size_t cut = path.find_last_of(".[", kMax);
  return path.substr(0, cut == 0 || cut == std::string_view::npos ? kMax : cut);
}

}  // namespace

// Appends ".key" or "[index]" to the field path for the lifetime of the scope.
class RecordBuilder::PathScope {
 public:
  PathScope(std::string& path, std::string_view key) : path_(path), size_(path.size()) {
    if (!path_.empty()) path_ += '.';
    path_ += key;
  }
  PathScope(std::string& path, std::size_t index) : path_(path), size_(path.size()) {
    char buf[24];
    auto end = std::to_chars(buf, buf + sizeof buf, index).ptr;
    path_ += '[';
    path_.append(buf, end);
    path_ += ']';
  }
  ~PathScope() { path_.resize(size_); }
  PathScope(const PathScope&) = delete;
  PathScope& operator=(const PathScope&) = delete;

 private:
  std::string& path_;
  std::size_t size_;
};

struct RecordBuilder::RecordMarks {
  bool title_seen = false;  // present (even if empty or null: that was reported where it stood)
  std::size_t fields = 0;   // fields read, known or not: none is an empty mapping
};

RecordBuilder::RecordBuilder(EventSource& source, std::vector<Diagnostic>& diagnostics,
                             const ParseLimits& limits)
    : source_(source),
      diagnostics_(diagnostics),
      max_fields_(limits.max_mapping_fields),
      max_text_bytes_(limits.max_field_bytes) {
  path_.reserve(64);
}

void RecordBuilder::next() {
  if (stopped()) return;
  source_.next(event_);
  // A source ends only after the root node is complete, so an end seen while reading one means
  // the source is broken; stopping here keeps every loop finite whatever a source does.
  if (event_.type == EventType::kEnd) ended_ = true;
  if (event_.type == EventType::kError) {
    source_failed_ = true;
    std::string message(event_.text);
    if (event_.about_value) {
      std::string_view shown = short_path(path_);
      message =
          (path_.empty() ? std::string("a value")
                         : code(std::string(shown) + (shown.size() < path_.size() ? "..." : ""))) +
          " " + message;
    }
    diagnostics_.push_back(
        Diagnostic{{}, event_.mark.line, event_.mark.column, path_, std::move(message)});
    ++errors_;
  }
}

void RecordBuilder::error(SourceMark mark, std::string message) {
  if (source_failed_ || too_many_errors_ || gave_up_) return;
  if (errors_ == kMaxErrorsPerRecord) {
    too_many_errors_ = true;
    diagnostics_.push_back(Diagnostic{
        {},
        mark.line,
        mark.column,
        {},
        "too many errors in this record (" + std::to_string(kMaxErrorsPerRecord) + "); stopping"});
    return;
  }
  ++errors_;
  diagnostics_.push_back(Diagnostic{{}, mark.line, mark.column, path_, std::move(message)});
}

// A warning does not fail the record. Warnings are capped like errors, so that a list of 100 000
// empty items (within the value limit) does not print 100 000 lines.
void RecordBuilder::warning(SourceMark mark, std::string message) {
  if (stopped() || warnings_ > kMaxWarningsPerRecord) return;
  if (++warnings_ > kMaxWarningsPerRecord) {
    message = "more warnings in this record (over " + std::to_string(kMaxWarningsPerRecord) +
              "): the rest are not shown";
  }
  diagnostics_.push_back(
      Diagnostic{{}, mark.line, mark.column, path_, std::move(message), Severity::kWarning});
}

void RecordBuilder::mismatch(const char* expected) {
  error(event_.mark, code(path_) + " must be " + expected + ", got " + describe_event(event_));
  skip_value();
}

// Consumes the rest of the current value (a whole mapping or sequence when it starts one).
void RecordBuilder::skip_value() {
  if (event_.type != EventType::kMappingStart && event_.type != EventType::kSequenceStart) return;
  for (int depth = 1; depth > 0;) {
    next();
    if (stopped()) return;
    switch (event_.type) {
      case EventType::kMappingStart:
      case EventType::kSequenceStart:
        ++depth;
        break;
      case EventType::kMappingEnd:
      case EventType::kSequenceEnd:
        --depth;
        break;
      default:
        break;
    }
  }
}

template <typename OnField>
void RecordBuilder::for_each_field(OnField on_field) {
  for (std::size_t fields = 0;; ++fields) {
    next();
    if (stopped() || event_.type == EventType::kMappingEnd) return;
    if (fields == max_fields_) {
      // Reading on would cost a look-up per field among all the others: give up the record.
      error(event_.mark, (path_.empty() ? std::string("the record") : code(path_)) +
                             " has more than " + std::to_string(max_fields_) +
                             " fields, the limit");
      gave_up_ = true;
      return;
    }
    if (event_.type != EventType::kScalar) {
      error(event_.mark, "a field name must be text, got " + describe_event(event_));
      skip_value();  // the key, then its value
      next();
      skip_value();
      continue;
    }
    on_field(event_.text, event_.mark);  // must copy the key before reading the value
  }
}

bool RecordBuilder::begin_record(const char* what) {
  next();
  if (event_.type == EventType::kEnd) {
    was_empty_ = true;
    error(event_.mark,
          std::string("no fields: ") + what + " needs `title` and `originalUrl` or `webUrl`");
    return false;
  }
  if (event_.type != EventType::kMappingStart) {
    error(event_.mark,
          std::string(what) + " must be a mapping of fields, got " + describe_event(event_));
    skip_value();
    return false;
  }
  return true;
}

std::optional<Article> RecordBuilder::read_article() {
  int errors_before = errors_;
  if (!begin_record("an article")) return std::nullopt;
  Article article;
  SourceMark start = event_.mark;
  RecordMarks marks;
  read_fields(article, Level::kArticle, &article, marks);
  check_record(article, start, marks);
  expect_end();
  if (errors_ != errors_before || source_failed_ || too_many_errors_ || gave_up_) {
    return std::nullopt;
  }
  article.canonical_url = canonical_url(article.primary_url()).value_or(std::string());
  return article;
}

std::optional<RelatedArticle> RecordBuilder::read_related() {
  int errors_before = errors_;
  if (!begin_record("a related entry")) return std::nullopt;
  RelatedArticle related;
  SourceMark start = event_.mark;
  RecordMarks marks;
  read_fields(related, Level::kRelated, nullptr, marks);
  check_record(related, start, marks);
  expect_end();
  if (errors_ != errors_before || source_failed_ || too_many_errors_ || gave_up_) {
    return std::nullopt;
  }
  return related;
}

// After the root node a source has only its end to give, or an error found after the root (a
// second YAML document, say), which next() reports.
void RecordBuilder::expect_end() {
  next();
}

void RecordBuilder::read_fields(ArticleFields& fields, Level level, Article* article,
                                RecordMarks& marks) {
  std::uint32_t seen = 0;
  for_each_field([&](std::string_view key, SourceMark key_mark) {
    ++marks.fields;
    Field field = field_for_key(key, level == Level::kArticle);
    if (field == kUnknown) {
      read_unknown(fields.extra, std::string(key), key_mark);
      return;
    }
    PathScope scope(path_, kFieldNames[field]);
    next();
    if (stopped()) return;
    if (seen & (1u << field)) {
      error(key_mark, code(path_) + " appears more than once");
      skip_value();
      return;
    }
    seen |= 1u << field;
    read_known_field(field, fields, article, marks);
  });
}

bool RecordBuilder::read_known_field(int field, ArticleFields& f, Article* article,
                                     RecordMarks& marks) {
  switch (Field(field)) {
    case kTitle: {
      marks.title_seen = true;
      std::optional<std::string> title;
      SourceMark mark = event_.mark;
      read_text(title);
      if (title && !is_blank_text(*title)) {
        f.title = std::move(*title);
      } else if (title && !title->empty()) {
        error(mark, code(path_) + " is only white space: a title must say something");
      } else if (!stopped() && (is_null(event_) || title)) {
        error(mark, code(path_) + " is empty");
      }
      return true;
    }
    case kExcerpt:
      read_text(f.excerpt);
      return true;
    case kPublishedDateTime:
      read_date(f.published_date_time);
      return true;
    case kOriginalUrl:
      read_url(f.original_url);
      return true;
    case kWebUrl:
      read_url(f.web_url);
      return true;
    case kAmpWebUrl:
      read_text(f.amp_web_url);
      return true;
    case kCdnAmpWebUrl:
      read_text(f.cdn_amp_web_url);
      return true;
    case kCategory:
      read_text(f.category);
      return true;
    case kType:
      read_text(f.type);
      return true;
    case kQuality:
      read_int(f.quality, false);
      return true;
    case kHeat:
      read_int(f.heat, false);
      return true;
    case kPublished:
      read_bool(f.published);
      return true;
    case kProvider:
      read_provider(f.provider);
      return true;
    case kTopics:
      read_topics(f.topics);
      return true;
    case kImages:
      read_images(f.images);
      return true;
    case kSecured:
      read_text(f.secured);
      return true;
    case kRelated:
      read_related_list(article->related);
      return true;
    case kBody: {
      read_text(article->body);
      // A body of only whitespace is no body (as after a frontmatter's closing fence).
      if (article->body && article->body->find_first_not_of(" \t\r\n") == std::string::npos) {
        article->body.reset();
      }
      return true;
    }
    case kId:
    case kStoryId:
      skip_value();
      return true;
    case kUnknown:
      break;
  }
  return false;
}

void RecordBuilder::check_record(const ArticleFields& f, SourceMark start,
                                 const RecordMarks& marks) {
  if (stopped()) return;
  std::string prefix = path_.empty() ? std::string() : path_ + ".";
  if (!marks.title_seen) {
    PathScope scope(path_, "title");
    error(start, "missing required field " + code(path_));
  }
  // An invalid URL was reported where it stood; only a record with no URL at all is reported here.
  if (f.original_url.value_or("").empty() && f.web_url.value_or("").empty()) {
    PathScope scope(path_, "originalUrl");
    error(start, "missing URL: " + code(prefix + "originalUrl") + " or " + code(prefix + "webUrl") +
                     " is required");
  }
}

void RecordBuilder::read_unknown(Json& extra, std::string key, SourceMark key_mark) {
  PathScope scope(path_, key);
  next();
  if (stopped()) return;
  if (extra.contains(key)) {
    error(key_mark, code(path_) + " appears more than once");
    skip_value();
    return;
  }
  Json value = capture_value();
  if (!stopped()) extra.emplace(std::move(key), std::move(value));
}

// The current value as JSON; YAML plain scalars resolved by the YAML 1.2 core schema.
Json RecordBuilder::capture_value() {
  switch (event_.type) {
    case EventType::kScalar:
      switch (event_.scalar) {
        case ScalarType::kString:
          return Json(std::string(event_.text));
        case ScalarType::kNull:
          return Json(nullptr);
        case ScalarType::kBool:
          return Json(event_.bool_value);
        case ScalarType::kInt:
          return Json(event_.int_value);
        case ScalarType::kUnsigned:
          return Json(event_.unsigned_value);
        case ScalarType::kFloat:
          return Json(event_.float_value);
        case ScalarType::kPlain: {
          std::string_view t = event_.text;
          if (is_plain_null(t)) return Json(nullptr);
          if (auto b = plain_bool(t)) return Json(*b);
          std::int64_t i = 0;
          switch (parse_plain_int(t, i)) {
            case IntParse::kOk:
              return Json(i);
            case IntParse::kOutOfRange:
              return Json(std::string(t));  // kept exactly as written
            case IntParse::kNotAnInteger:
              break;
          }
          if (auto d = plain_float(t)) return Json(*d);
          return Json(std::string(t));
        }
      }
      return Json();
    case EventType::kMappingStart: {
      Json object = Json::object();
      for_each_field([&](std::string_view key_view, SourceMark key_mark) {
        std::string key(key_view);
        PathScope scope(path_, key);
        next();
        if (stopped()) return;
        if (object.contains(key)) {
          error(key_mark, code(path_) + " appears more than once");
          skip_value();
          return;
        }
        Json value = capture_value();
        object.emplace(std::move(key), std::move(value));
      });
      return object;
    }
    case EventType::kSequenceStart: {
      Json array = Json::array();
      for (;;) {
        next();
        if (stopped() || event_.type == EventType::kSequenceEnd) break;
        PathScope scope(path_, array.size());
        array.push_back(capture_value());
      }
      return array;
    }
    default:
      return Json();
  }
}

void RecordBuilder::read_text(std::optional<std::string>& out) {
  if (is_null(event_)) {
    out.reset();
  } else if (is_text(event_)) {
    out.emplace(event_.text);
  } else {
    mismatch("text");
  }
}

void RecordBuilder::read_url(std::optional<std::string>& out) {
  SourceMark mark = event_.mark;
  read_text(out);
  if (out && !out->empty() && !is_absolute_url(*out)) {
    error(mark, code(path_) + " is not an absolute http(s) URL: " + quote_for_message(*out) +
                    " (write http:// or https://, a host, and a port from 1 to 65535 if any)");
  }
}

void RecordBuilder::read_date(std::optional<Timestamp>& out) {
  if (is_null(event_)) {
    out.reset();
    return;
  }
  if (!is_text(event_)) return mismatch("a date");
  auto t = newsdb::read_date(event_.text);
  if (t) {
    out = *t;
    return;
  }
  if (t.error() == DateProblem::kOutOfRange) {
    return error(event_.mark, code(path_) + " is outside the years 0001-9999 in UTC: " +
                                  quote_for_message(event_.text) +
                                  " (newsdb stores instants from 0001-01-01T00:00:00Z to "
                                  "9999-12-31T23:59:59Z)");
  }
  error(event_.mark, code(path_) + " is not a date: " + quote_for_message(event_.text) +
                         " (write it like 2023-11-24T05:12:00Z, 2023-11-24 or "
                         "Fri, 24 Nov 2023 05:12:00 GMT)");
}

void RecordBuilder::read_int(std::optional<std::int64_t>& out, bool non_negative) {
  const char* expected = non_negative ? "a non-negative integer" : "an integer";
  if (is_null(event_)) {
    out.reset();
    return;
  }
  if (event_.type != EventType::kScalar) return mismatch(expected);
  std::int64_t value = 0;
  switch (event_.scalar) {
    case ScalarType::kPlain:
      switch (parse_plain_int(event_.text, value)) {
        case IntParse::kOk:
          break;
        case IntParse::kNotAnInteger:
          return mismatch(expected);
        case IntParse::kOutOfRange:
          return error(event_.mark, code(path_) + " is out of range for a 64-bit integer: " +
                                        describe_event(event_));
      }
      break;
    case ScalarType::kInt:
      value = event_.int_value;
      break;
    case ScalarType::kUnsigned:
      return error(event_.mark, code(path_) + " is out of range for a 64-bit integer: " +
                                    describe_event(event_));
    case ScalarType::kFloat:
      // JSON parsers read an integer beyond 64 bits as a double: a whole number out of the range
      // is that integer, not a fraction. (-2^63 itself comes only from an integer below INT64_MIN
      // rounded, since INT64_MIN written as an integer is read as one.)
      if (double v = event_.float_value;
          std::isfinite(v) && v == std::trunc(v) && (v >= 0x1p63 || v <= -0x1p63)) {
        return error(event_.mark, code(path_) + " is out of range for a 64-bit integer: " +
                                      describe_event(event_));
      }
      return mismatch(expected);
    default:
      return mismatch(expected);
  }
  if (non_negative && value < 0) return mismatch(expected);
  out = value;
}

void RecordBuilder::read_bool(std::optional<bool>& out) {
  if (is_null(event_)) {
    out.reset();
  } else if (event_.type == EventType::kScalar && event_.scalar == ScalarType::kBool) {
    out = event_.bool_value;
  } else if (event_.type == EventType::kScalar && event_.scalar == ScalarType::kPlain) {
    if (auto b = plain_bool_lenient(event_.text)) {
      out = *b;
    } else {
      mismatch("true or false");
    }
  } else {
    mismatch("true or false");
  }
}

void RecordBuilder::read_provider(std::optional<Provider>& out) {
  if (is_null(event_)) {
    out.reset();
    return;
  }
  if (event_.type != EventType::kMappingStart) {
    return mismatch("a mapping with `name` and `domain`");
  }
  SourceMark start = event_.mark;
  Provider provider;
  bool seen_name = false, seen_domain = false;
  for_each_field([&](std::string_view key, SourceMark key_mark) {
    bool is_name = key == "name", is_domain = key == "domain";
    if (!is_name && !is_domain) return read_unknown(provider.extra, std::string(key), key_mark);
    PathScope scope(path_, is_name ? "name" : "domain");
    next();
    if (stopped()) return;
    bool& seen = is_name ? seen_name : seen_domain;
    if (seen) {
      error(key_mark, code(path_) + " appears more than once");
      return skip_value();
    }
    seen = true;
    std::optional<std::string> value;
    read_text(value);
    (is_name ? provider.name : provider.domain) = value.value_or(std::string());
  });
  if (stopped()) return;
  if (provider.name.empty() && provider.domain.empty()) {
    error(start, code(path_) + " needs a `name` or a `domain`");
  }
  out = std::move(provider);
}

// The real archives' generator writes empty list items (`topics:` / `  - ` / `  - Diablo 4`):
// they lose no meaning, so they are dropped with a warning and the article is kept.
void RecordBuilder::warn_empty_item(SourceMark mark, const char* list) {
  warning(mark, code(path_) + " is empty: left out of `" + list + "`, the article kept");
}

void RecordBuilder::read_topics(std::vector<std::string>& out) {
  out.clear();
  if (is_null(event_)) return;
  if (is_text(event_)) {  // a single topic
    if (is_blank_text(event_.text))
      return warning(event_.mark, code(path_) + " is empty: no topics, the article kept");
    out.emplace_back(event_.text);
    return;
  }
  if (event_.type != EventType::kSequenceStart) return mismatch("a list of text");
  std::size_t joined = 0;  // the bytes of the topics as the store joins them, one apart
  for (std::size_t i = 0;; ++i) {
    next();
    if (stopped() || event_.type == EventType::kSequenceEnd) return;
    PathScope scope(path_, i);
    if (is_empty_item(event_)) {
      warn_empty_item(event_.mark, "topics");
    } else if (!is_text(event_)) {
      mismatch("text");
    } else if ((joined += event_.text.size() + 1) > max_text_bytes_ + 1) {
      // Each topic is within the per-value limit; together (aliases make this cheap to write)
      // they are the one text the store indexes, held to the same limit.
      error(event_.mark, "`topics` hold more than " + std::to_string(max_text_bytes_) +
                             " bytes of text, over the limit of " +
                             std::to_string(max_text_bytes_) + " bytes for one value");
      gave_up_ = true;
      return;
    } else {
      out.emplace_back(event_.text);
    }
  }
}

void RecordBuilder::read_images(std::vector<Image>& out) {
  out.clear();
  if (is_null(event_)) return;
  if (event_.type != EventType::kSequenceStart) return mismatch("a list of mappings");
  for (std::size_t i = 0;; ++i) {
    next();
    if (stopped() || event_.type == EventType::kSequenceEnd) return;
    PathScope scope(path_, i);
    if (is_empty_item(event_)) {
      warn_empty_item(event_.mark, "images");
      continue;
    }
    if (event_.type != EventType::kMappingStart) {
      mismatch("a mapping with `url`");
      continue;
    }
    Image image;
    if (read_image(image)) out.push_back(std::move(image));
  }
}

bool RecordBuilder::read_image(Image& image) {
  SourceMark start = event_.mark;
  std::uint32_t seen = 0;
  std::size_t fields = 0;
  for_each_field([&](std::string_view key, SourceMark key_mark) {
    ++fields;
    static constexpr std::array<std::string_view, 4> kNames = {"url", "width", "height",
                                                               "isCached"};
    int field = 0;
    while (field < 4 && kNames[field] != key) ++field;
    if (field == 4) return read_unknown(image.extra, std::string(key), key_mark);
    PathScope scope(path_, kNames[field]);
    next();
    if (stopped()) return;
    if (seen & (1u << field)) {
      error(key_mark, code(path_) + " appears more than once");
      return skip_value();
    }
    seen |= 1u << field;
    switch (field) {
      case 0: {
        std::optional<std::string> url;
        read_text(url);
        image.url = url.value_or(std::string());
        break;
      }
      case 1:
        read_int(image.width, true);
        break;
      case 2:
        read_int(image.height, true);
        break;
      case 3:
        read_bool(image.is_cached);
        break;
    }
  });
  if (stopped()) return false;
  if (fields == 0) {  // `- {}`: an empty item, like `- `
    warn_empty_item(start, "images");
    return false;
  }
  if (image.url.empty()) {
    PathScope scope(path_, "url");
    error(start, (seen & 1u) ? code(path_) + " is empty" : "missing required field " + code(path_));
  }
  return true;
}

void RecordBuilder::read_related_list(std::vector<RelatedArticle>& out) {
  out.clear();
  if (is_null(event_)) return;
  if (event_.type != EventType::kSequenceStart) return mismatch("a list of mappings");
  for (std::size_t i = 0;; ++i) {
    next();
    if (stopped() || event_.type == EventType::kSequenceEnd) return;
    PathScope scope(path_, i);
    if (is_empty_item(event_)) {
      warn_empty_item(event_.mark, "related");
      continue;
    }
    if (event_.type != EventType::kMappingStart) {
      mismatch("a mapping of fields");
      continue;
    }
    RelatedArticle entry;
    SourceMark start = event_.mark;
    RecordMarks marks;
    read_fields(entry, Level::kRelated, nullptr, marks);
    if (marks.fields == 0 && !stopped()) {  // `- {}`: an empty item, like `- `
      warn_empty_item(start, "related");
      continue;
    }
    check_record(entry, start, marks);
    out.push_back(std::move(entry));
  }
}

}  // namespace newsdb
