// The one adapter between libyaml and newsdb: an EventSource over libyaml's event parser.
//
// Reads one YAML document (the frontmatter between its fences) and yields the events of its root
// node, with marks translated to the FILE's lines (`first_line` is the file line of YAML line 1;
// columns count characters from 1). Aliases are expanded by replaying the anchored node's events,
// so the reader sees plain data. Limits (ParseLimits) end the stream with a kError event naming
// the limit: nesting depth, bytes in one scalar, and for aliases the nodes they expand to, the
// bytes one alias stands for (max_field_bytes: it is one value) and the bytes all of them add to
// the document (with the text written, at most max_document_bytes). Expansion is charged before
// it is replayed, so no limit is passed even for a moment. Syntax errors become a kError event
// with libyaml's description and position. No document tree is built.
#pragma once

#include <memory>
#include <newsdb/document.hpp>
#include <string_view>

#include "core/record_events.hpp"

namespace newsdb {

class YamlEventSource final : public EventSource {
 public:
  YamlEventSource(std::string_view yaml, int first_line, const ParseLimits& limits);
  ~YamlEventSource() override;
  YamlEventSource(const YamlEventSource&) = delete;
  YamlEventSource& operator=(const YamlEventSource&) = delete;

  void next(Event& event) override;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace newsdb
