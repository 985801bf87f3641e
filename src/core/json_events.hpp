// An EventSource over a parsed JSON value (nlohmann), so JSON records go through the same
// typed-record rules as YAML frontmatter. Every event carries one mark (the record's position in
// its file, or none): JSON values do not remember where they stood.
#pragma once

#include <newsdb/article.hpp>
#include <string>
#include <vector>

#include "core/record_events.hpp"

namespace newsdb {

class JsonEventSource final : public EventSource {
 public:
  // `root` must outlive the source. Nesting deeper than `max_depth` is a kError event.
  JsonEventSource(const Json& root, SourceMark mark, int max_depth);
  void next(Event& event) override;

 private:
  struct Frame {
    const Json* node;
    Json::const_iterator it;
    bool value_next = false;  // objects: the key was given, the value comes next
  };
  void emit_value(const Json& value, Event& event);

  const Json& root_;
  SourceMark mark_;
  int max_depth_;
  bool started_ = false;
  bool finished_ = false;
  std::string error_;
  std::vector<Frame> stack_;
};

}  // namespace newsdb
