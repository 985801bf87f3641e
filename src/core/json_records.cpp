#include "core/json_records.hpp"

#include <algorithm>
#include <newsdb/article_json.hpp>
#include <string>
#include <vector>

#include "core/json_events.hpp"
#include "core/record_builder.hpp"
#include "core/text_checks.hpp"

namespace newsdb {
namespace {

bool is_json_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skip_space(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_json_space(text[pos])) ++pos;
  return pos;
}

struct ScanError {
  std::size_t offset;
  std::string message;
};

struct ScanLimits {
  int max_depth;
  std::size_t max_fields;
  std::size_t max_values;
};

// Finds the end of the JSON value starting at `pos` (not validating scalars: nlohmann does),
// refusing nesting deeper than max_depth and objects of more than max_fields members (nlohmann's
// ordered objects look keys up one by one: a huge object would take quadratic time). Returns the
// offset just past the value; `members` counts the object members written (a ':' outside strings
// in valid JSON), which a key given twice makes more than nlohmann keeps.
std::size_t scan_value(std::string_view text, std::size_t pos, ScanLimits limits,
                       std::optional<ScanError>& error, std::size_t& members) {
  members = 0;
  const int max_depth = limits.max_depth;
  std::string open;                 // the brackets still open, innermost last
  std::vector<std::size_t> commas;  // for each, the commas seen directly inside it
  std::size_t values = 1;           // a lower bound: the value, its containers and commas
  std::size_t i = pos;
  do {
    if (i >= text.size()) {
      error = ScanError{pos, "invalid JSON: a value starting here is not complete"};
      return i;
    }
    char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
      if (i >= text.size()) {
        error = ScanError{pos, "invalid JSON: a string is not closed"};
        return i;
      }
      ++i;
    } else if (c == '[' || c == '{') {
      if (int(open.size()) >= max_depth) {
        error = ScanError{i, "invalid JSON: nesting is deeper than the limit of " +
                                 std::to_string(max_depth) + " levels"};
        return i;
      }
      open += c;
      commas.push_back(0);
      ++values;
      ++i;
    } else if (c == ']' || c == '}') {
      if (open.empty() || open.back() != (c == ']' ? '[' : '{')) {
        error = ScanError{i, std::string("invalid JSON: unexpected '") + c + "'"};
        return i;
      }
      open.pop_back();
      commas.pop_back();
      ++i;
    } else if (c == ',' && !open.empty()) {
      if (++commas.back() >= limits.max_fields && open.back() == '{') {
        error = ScanError{i, "an object has more than " + std::to_string(limits.max_fields) +
                                 " fields, the limit"};
        return i;
      }
      if (++values > limits.max_values) {
        error = ScanError{pos, "the record has more than " + std::to_string(limits.max_values) +
                                   " values, the limit"};
        return i;
      }
      ++i;
    } else if (c == ':') {
      ++members;
      ++i;
    } else if (open.empty()) {  // a top-level scalar ends at a delimiter
      while (i < text.size() && !is_json_space(text[i]) && text[i] != ',' && text[i] != ']' &&
             text[i] != '}') {
        ++i;
      }
    } else {
      ++i;
    }
  } while (!open.empty());
  return i;
}

std::size_t count_members(const Json& value) {
  std::size_t n = 0;
  if (value.is_object()) n += value.size();
  if (value.is_structured()) {
    for (const auto& child : value) n += count_members(child);
  }
  return n;
}

// The path (`provider.name`, `images[1].url`) of the first key given twice in one object of
// `record`, valid JSON. nlohmann keeps the last value silently, so the record is read again with
// a callback that sees every key; only records with fewer members kept than written come here.
std::string first_repeated_key(std::string_view record) {
  struct Frame {
    bool array = false;
    std::size_t elements = 0;  // arrays: elements begun so far
    std::string key;           // objects: the key whose value is being read
    std::vector<std::string> keys;
  };
  std::vector<Frame> stack;
  std::string found;
  auto path_to = [&stack](const std::string& last) {
    std::string path;
    for (std::size_t i = 0; i + 1 < stack.size(); ++i) {
      if (stack[i].array) {
        path += "[" + std::to_string(stack[i].elements - 1) + "]";
      } else {
        path += (path.empty() ? "" : ".") + stack[i].key;
      }
    }
    return path + (path.empty() ? "" : ".") + last;
  };
  auto callback = [&](int, Json::parse_event_t event, Json& parsed) {
    using Event = Json::parse_event_t;
    if (event == Event::object_start || event == Event::array_start || event == Event::value) {
      if (!stack.empty() && stack.back().array) ++stack.back().elements;
    }
    if (event == Event::object_start || event == Event::array_start) {
      stack.emplace_back().array = event == Event::array_start;
    } else if (event == Event::object_end || event == Event::array_end) {
      stack.pop_back();
    } else if (event == Event::key && found.empty()) {
      Frame& frame = stack.back();
      frame.key = parsed.get<std::string>();
      if (std::find(frame.keys.begin(), frame.keys.end(), frame.key) != frame.keys.end()) {
        found = path_to(frame.key);
      }
      frame.keys.push_back(frame.key);
    }
    return true;
  };
  try {
    (void)Json::parse(record.begin(), record.end(), callback);
  } catch (const nlohmann::json::exception&) {
  }
  return found;
}

std::string clean_nlohmann_message(const char* what) {
  std::string m(what);
  // "[json.exception.parse_error.101] parse error at line 1, column 8: syntax error ..."
  if (std::size_t p = m.find(": "); p != std::string::npos && m.starts_with("[json.")) {
    std::size_t column = m.find("column ");
    if (column != std::string::npos && column < p + 40) {
      std::size_t after = m.find(": ", column);
      if (after != std::string::npos) return m.substr(after + 2);
    }
    return m.substr(p + 2);
  }
  return m;
}

class RecordReader {
 public:
  RecordReader(std::string_view file, const ParseLimits& limits, ParsedInput& out)
      : file_(file), limits_(limits), out_(out), marks_(file) {}

  // A problem with the file's structure (not inside one record): counts as one failed record.
  void structure_error(std::size_t offset, std::string message) {
    ++out_.failed_records;
    error(offset, std::move(message));
  }

  void error(std::size_t offset, std::string message) {
    SourceMark m = marks_.at(offset);
    out_.diagnostics.push_back(Diagnostic{{}, m.line, m.column, {}, std::move(message)});
  }

  // One record's text at `offset` in the file, with `members` object members written in it.
  void read(std::string_view record, std::size_t offset, std::size_t members) {
    Json value;
    try {
      value = Json::parse(record.begin(), record.end());
    } catch (const nlohmann::json::parse_error& e) {
      ++out_.failed_records;
      std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
      return error(offset + std::min(at, record.size()),
                   "invalid JSON: " + clean_nlohmann_message(e.what()));
    } catch (const nlohmann::json::exception& e) {
      ++out_.failed_records;
      return error(offset, "invalid JSON: " + clean_nlohmann_message(e.what()));
    }
    if (count_members(value) != members) {
      ++out_.failed_records;
      std::string key = first_repeated_key(record);
      return error(offset, (key.empty() ? std::string("a key") : "`" + key + "`") +
                               " appears more than once");
    }
    JsonEventSource source(value, marks_.at(offset), limits_);
    RecordBuilder builder(source, out_.diagnostics, limits_);
    if (auto article = builder.read_article()) {
      out_.articles.push_back(std::move(*article));
    } else {
      ++out_.failed_records;
    }
  }

  void read_json_file() {
    std::size_t pos = skip_space(file_, 0);
    if (pos == file_.size()) {
      return structure_error(
          0, "the file is empty: a .json file holds an article object or an array of them");
    }
    if (file_[pos] == '{') {
      std::optional<ScanError> scan;
      std::size_t members = 0;
      std::size_t end = scan_value(
          file_, pos, {limits_.max_depth, limits_.max_mapping_fields, limits_.max_values}, scan,
          members);
      if (scan) return fail_scan(*scan);
      read(file_.substr(pos, end - pos), pos, members);
      return expect_end(end);
    }
    if (file_[pos] != '[') {
      return structure_error(pos, "a .json file holds an article object or an array of them");
    }
    pos = skip_space(file_, pos + 1);
    if (pos < file_.size() && file_[pos] == ']') return expect_end(pos + 1);
    for (;;) {
      std::optional<ScanError> scan;
      std::size_t members = 0;
      std::size_t end = scan_value(
          file_, pos, {limits_.max_depth - 1, limits_.max_mapping_fields, limits_.max_values}, scan,
          members);
      if (scan) return fail_scan(*scan);
      read(file_.substr(pos, end - pos), pos, members);
      pos = skip_space(file_, end);
      if (pos < file_.size() && file_[pos] == ',') {
        pos = skip_space(file_, pos + 1);
        continue;
      }
      if (pos < file_.size() && file_[pos] == ']') return expect_end(pos + 1);
      return structure_error(pos, "invalid JSON: expected ',' or ']' after a record");
    }
  }

  void read_ndjson_file() {
    std::size_t line_start = 0;
    while (line_start < file_.size()) {
      std::size_t end = file_.find('\n', line_start);
      if (end == std::string_view::npos) end = file_.size();
      std::string_view line = file_.substr(line_start, end - line_start);
      read_ndjson_line(line, line_start);
      line_start = end + 1;
    }
  }

 private:
  void read_ndjson_line(std::string_view line, std::size_t offset) {
    std::size_t pos = skip_space(line, 0);
    if (pos == line.size()) return;  // blank line
    if (line.size() > limits_.max_document_bytes) {
      ++out_.failed_records;
      return error(offset,
                   "the line is " + std::to_string(line.size()) + " bytes, over the limit of " +
                       std::to_string(limits_.max_document_bytes) + " bytes for one record");
    }
    std::optional<ScanError> scan;
    std::size_t members = 0;
    std::size_t end =
        scan_value(line, pos, {limits_.max_depth, limits_.max_mapping_fields, limits_.max_values},
                   scan, members);
    if (scan) {
      ++out_.failed_records;
      return error(offset + scan->offset, scan->message);
    }
    if (skip_space(line, end) != line.size()) {
      ++out_.failed_records;
      return error(
          offset + skip_space(line, end),
          "invalid JSON: more than one value on the line (NDJSON holds one record a line)");
    }
    read(line.substr(pos, end - pos), offset + pos, members);
  }

  void fail_scan(const ScanError& scan) { structure_error(scan.offset, scan.message); }

  void expect_end(std::size_t pos) {
    pos = skip_space(file_, pos);
    if (pos != file_.size()) {
      structure_error(pos, "invalid JSON: unexpected text after the end of the records");
    }
  }

  std::string_view file_;
  const ParseLimits& limits_;
  ParsedInput& out_;
  MarkCursor marks_;
};

}  // namespace

void read_json_records(std::string_view text, InputFormat format, const ParseLimits& limits,
                       ParsedInput& out) {
  RecordReader reader(text, limits, out);
  if (format == InputFormat::kNdjson) {
    reader.read_ndjson_file();
  } else {
    reader.read_json_file();
  }
}

}  // namespace newsdb
