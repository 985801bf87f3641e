// An EventSource over a parsed JSON value (nlohmann), so JSON records go through the same
// typed-record rules as YAML frontmatter. Every event carries one mark (the record's position in
// its file, or none): JSON values do not remember where they stood.
#pragma once

#include <newsdb/article.hpp>
#include <newsdb/document.hpp>
#include <string>
#include <vector>

#include "core/record_events.hpp"

namespace newsdb {

class JsonEventSource final : public EventSource {
 public:
  // `root` must outlive the source. Nesting deeper than limits.max_depth, and a string (a value
  // or a key) longer than limits.max_field_bytes, are a kError event, as in YAML.
  JsonEventSource(const Json& root, SourceMark mark, const ParseLimits& limits);
  void next(Event& event) override;

 private:
  struct Frame {
    const Json* node;
    Json::const_iterator it;
    bool value_next = false;  // objects: the key was given, the value comes next
  };
  void emit_value(const Json& value, Event& event);
  void emit_text(const std::string& text, Event& event);

  const Json& root_;
  SourceMark mark_;
  int max_depth_;
  std::size_t max_text_bytes_;
  bool started_ = false;
  bool finished_ = false;
  std::string error_;
  std::vector<Frame> stack_;
};

}  // namespace newsdb
