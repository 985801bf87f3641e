#include "core/yaml_events.hpp"

#include <yaml.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/text_checks.hpp"

namespace newsdb {
namespace {

constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

// An event kept for replay when an alias names its anchor.
// Replayed at the alias's mark: what an alias expands to is reported where the alias stands.
struct RecordedEvent {
  EventType type;
  ScalarType scalar;
  std::string text;
};

struct Anchor {
  std::string name;
  std::vector<RecordedEvent> events;
  std::size_t nodes = 0;  // scalars and collections: what one alias expands to
  std::size_t bytes = 0;  // the text of its scalars (keys too): what one alias adds to the document
  int start_depth = 0;
  bool complete = false;
};

bool is_start(EventType t) {
  return t == EventType::kMappingStart || t == EventType::kSequenceStart;
}
bool is_end(EventType t) {
  return t == EventType::kMappingEnd || t == EventType::kSequenceEnd;
}

ScalarType scalar_type(const yaml_event_t& e) {
  const auto* tag = reinterpret_cast<const char*>(e.data.scalar.tag);
  if (tag != nullptr) {
    std::string_view t(tag);
    if (t == "!" || t == "tag:yaml.org,2002:str") return ScalarType::kString;
    if (t.starts_with(kCoreTagPrefix)) return ScalarType::kPlain;  // !!int "5" resolves like 5
  }
  return e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE ? ScalarType::kPlain : ScalarType::kString;
}

}  // namespace

struct YamlEventSource::State {
  yaml_parser_t parser{};
  yaml_event_t event{};
  bool has_event = false;

  std::string_view yaml;
  int first_line;
  ParseLimits limits;
  // Aliases need their anchor's events; a document without any '*' cannot have an alias, so its
  // anchors are not recorded at all (the common case costs nothing).
  bool may_have_aliases;

  int depth = 0;
  int documents = 0;
  bool finished = false;
  bool failed = false;
  bool error_about_value = false;
  std::string error;
  SourceMark error_mark;

  std::vector<Anchor> anchors;
  std::vector<std::size_t> recording;  // anchors whose node is being read, innermost last
  std::size_t recorded_events = 0;
  std::size_t recorded_bytes = 0;
  std::size_t expanded_nodes = 0;
  std::size_t expanded_bytes = 0;  // text added by aliases, charged to the document's byte limit
  std::size_t values = 0;
  std::size_t replay_anchor = 0;
  std::size_t replay_next = 0;
  SourceMark replay_mark;  // the alias's: a problem in what it expands to is reported there
  bool replaying = false;

  SourceMark to_file(const yaml_mark_t& m) const {
    return SourceMark{int(m.line) + first_line, int(m.column) + 1};
  }

  void fail(SourceMark mark, std::string message, bool about_value = false) {
    failed = true;
    error = std::move(message);
    error_mark = mark;
    error_about_value = about_value;
  }

  void fail_from_parser();
  bool deliver(Event& out, EventType type, ScalarType scalar, SourceMark mark,
               std::string_view text);
  void start_anchor(const yaml_char_t* name);
  void start_alias(const yaml_event_t& e);
  bool pull(Event& out);
};

// libyaml reports "PROBLEM" at a mark, often with "CONTEXT" (what it was reading) at another.
void YamlEventSource::State::fail_from_parser() {
  std::string problem = parser.problem != nullptr ? parser.problem : "cannot parse";
  if (parser.error == YAML_READER_ERROR) {
    // Reader errors (control characters, bad encoding) carry a byte offset, not a mark.
    SourceMark at = mark_at(yaml, parser.problem_offset, first_line);
    char value[16] = "";
    if (parser.problem_value >= 0)
      std::snprintf(value, sizeof value, " (U+%04X)", parser.problem_value);
    return fail(at, "invalid YAML: " + problem + value);
  }
  std::string context = parser.context != nullptr ? parser.context : "";
  SourceMark mark = to_file(parser.problem_mark);
  std::string message = "invalid YAML: " + problem;
  SourceMark end = mark_at(yaml, yaml.size(), first_line);
  bool at_end = mark.line == end.line && mark.column == end.column;
  if ((at_end || problem.find("end of stream") != std::string::npos) && !context.empty()) {
    // Text ran out inside a quoted value or a flow collection: the useful place is where that
    // began, not the closing fence.
    mark = to_file(parser.context_mark);
    if (context.find("quoted scalar") != std::string::npos) {
      message = "invalid YAML: the quoted text that starts here is not closed (a missing quote?)";
    } else if (context.find("flow") != std::string::npos) {
      message = "invalid YAML: the [list] or {mapping} that starts here is not closed";
    } else {
      message += " " + context + " that starts here";
    }
  } else if (problem == "mapping values are not allowed in this context") {
    message =
        "invalid YAML: unexpected `: ` (quote a value that contains one, or check the "
        "indentation)";
  } else if (!context.empty()) {
    message +=
        " " + context + " that starts on line " + std::to_string(to_file(parser.context_mark).line);
  }
  fail(mark, std::move(message));
}

// Hands one event to the reader, keeping depth, limits and anchor recordings up to date.
bool YamlEventSource::State::deliver(Event& out, EventType type, ScalarType scalar, SourceMark mark,
                                     std::string_view text) {
  if (!is_end(type) && ++values > limits.max_values) {
    fail(mark,
         "the document has more than " + std::to_string(limits.max_values) + " values, the limit");
    return false;
  }
  if (is_start(type)) {
    if (depth >= limits.max_depth) {
      fail(mark, "nests deeper than the limit of " + std::to_string(limits.max_depth) + " levels",
           true);
      return false;
    }
    ++depth;
  } else if (is_end(type)) {
    --depth;
  }
  for (std::size_t index : recording) {
    recorded_events += 1;
    recorded_bytes += text.size();
    if (recorded_events > 100 * limits.max_alias_expansion ||
        recorded_bytes > 4 * limits.max_document_bytes) {
      fail(mark, "anchored values are larger than newsdb keeps for aliases (" +
                     std::to_string(100 * limits.max_alias_expansion) + " nodes)");
      return false;
    }
    Anchor& anchor = anchors[index];
    anchor.events.push_back(RecordedEvent{type, scalar, std::string(text)});
    if (!is_end(type)) ++anchor.nodes;
    anchor.bytes += text.size();
  }
  while (!recording.empty() && !is_start(type) && anchors[recording.back()].start_depth == depth) {
    anchors[recording.back()].complete = true;
    recording.pop_back();
  }
  out.type = type;
  out.scalar = scalar;
  out.mark = mark;
  out.text = text;
  return true;
}

void YamlEventSource::State::start_anchor(const yaml_char_t* name) {
  if (name == nullptr || !may_have_aliases) return;
  anchors.push_back(Anchor{reinterpret_cast<const char*>(name), {}, 0, 0, depth, false});
  recording.push_back(anchors.size() - 1);
}

void YamlEventSource::State::start_alias(const yaml_event_t& e) {
  std::string_view name(reinterpret_cast<const char*>(e.data.alias.anchor));
  SourceMark mark = to_file(e.start_mark);
  // The latest anchor of that name wins: YAML allows an anchor to be redefined.
  for (std::size_t i = anchors.size(); i-- > 0;) {
    if (anchors[i].name != name) continue;
    if (!anchors[i].complete) {
      return fail(mark, "alias *" + std::string(name) + " refers to the value that contains it");
    }
    // Every limit is checked before the replay, so an expansion that would pass one costs
    // nothing: the reader never sees (or copies) the text that broke it.
    expanded_nodes += anchors[i].nodes;
    if (expanded_nodes > limits.max_alias_expansion) {
      return fail(mark, "aliases expand to more than " +
                            std::to_string(limits.max_alias_expansion) +
                            " values, the limit (an alias bomb?)");
    }
    // What an alias stands for is one value, held to the same byte limit as one written out.
    if (anchors[i].bytes > limits.max_field_bytes) {
      return fail(mark,
                  "is alias *" + std::string(name) + ", " + std::to_string(anchors[i].bytes) +
                      " bytes of text, over the limit of " +
                      std::to_string(limits.max_field_bytes) + " bytes for one value",
                  true);
    }
    // The document's byte limit holds for the text it expands to, not only for the text written.
    expanded_bytes += anchors[i].bytes;
    if (expanded_bytes > limits.max_document_bytes ||
        yaml.size() > limits.max_document_bytes - expanded_bytes) {
      return fail(mark, "aliases expand the document to more than " +
                            std::to_string(limits.max_document_bytes) +
                            " bytes, the limit (an alias bomb?)");
    }
    replaying = true;
    replay_anchor = i;
    replay_next = 0;
    replay_mark = mark;
    return;
  }
  fail(mark, "alias *" + std::string(name) + " has no anchor &" + std::string(name) + " before it");
}

// Produces the next event for the reader from libyaml (or a replay); false on failure.
bool YamlEventSource::State::pull(Event& out) {
  for (;;) {
    if (replaying) {
      const Anchor& anchor = anchors[replay_anchor];
      const RecordedEvent& r = anchor.events[replay_next++];
      if (replay_next == anchor.events.size()) replaying = false;
      return deliver(out, r.type, r.scalar, replay_mark, r.text);
    }
    if (has_event) {
      yaml_event_delete(&event);
      has_event = false;
    }
    if (!yaml_parser_parse(&parser, &event)) {
      fail_from_parser();
      return false;
    }
    has_event = true;
    const yaml_event_t& e = event;
    SourceMark mark = to_file(e.start_mark);
    switch (e.type) {
      case YAML_STREAM_START_EVENT:
      case YAML_DOCUMENT_END_EVENT:
      case YAML_NO_EVENT:
        continue;
      case YAML_DOCUMENT_START_EVENT:
        if (++documents > 1) {
          fail(mark, "the frontmatter holds more than one YAML document");
          return false;
        }
        continue;
      case YAML_STREAM_END_EVENT:
        finished = true;
        out.type = EventType::kEnd;
        out.mark = mark;
        return true;
      case YAML_ALIAS_EVENT:
        start_alias(e);
        if (failed) return false;
        continue;
      case YAML_SCALAR_EVENT: {
        std::size_t length = e.data.scalar.length;
        if (length > limits.max_field_bytes) {
          fail(mark,
               "is " + std::to_string(length) + " bytes, over the limit of " +
                   std::to_string(limits.max_field_bytes) + " bytes for one value",
               true);
          return false;
        }
        start_anchor(e.data.scalar.anchor);
        return deliver(
            out, EventType::kScalar, scalar_type(e), mark,
            std::string_view(reinterpret_cast<const char*>(e.data.scalar.value), length));
      }
      case YAML_SEQUENCE_START_EVENT:
        start_anchor(e.data.sequence_start.anchor);
        return deliver(out, EventType::kSequenceStart, ScalarType::kPlain, mark, {});
      case YAML_MAPPING_START_EVENT:
        start_anchor(e.data.mapping_start.anchor);
        return deliver(out, EventType::kMappingStart, ScalarType::kPlain, mark, {});
      case YAML_SEQUENCE_END_EVENT:
        return deliver(out, EventType::kSequenceEnd, ScalarType::kPlain, mark, {});
      case YAML_MAPPING_END_EVENT:
        return deliver(out, EventType::kMappingEnd, ScalarType::kPlain, mark, {});
    }
  }
}

YamlEventSource::YamlEventSource(std::string_view yaml, int first_line, const ParseLimits& limits)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.yaml = yaml;
  s.first_line = first_line;
  s.limits = limits;
  s.may_have_aliases = std::memchr(yaml.data(), '*', yaml.size()) != nullptr;
  if (!yaml_parser_initialize(&s.parser)) {
    s.fail(SourceMark{}, "out of memory starting the YAML parser");
    return;
  }
  yaml_parser_set_encoding(&s.parser, YAML_UTF8_ENCODING);
  yaml_parser_set_input_string(&s.parser, reinterpret_cast<const unsigned char*>(yaml.data()),
                               yaml.size());
}

YamlEventSource::~YamlEventSource() {
  if (state_->has_event) yaml_event_delete(&state_->event);
  yaml_parser_delete(&state_->parser);
}

void YamlEventSource::next(Event& event) {
  State& s = *state_;
  event = Event{};
  if (!s.failed && !s.finished) s.pull(event);
  if (s.failed) {
    event.type = EventType::kError;
    event.text = s.error;
    event.mark = s.error_mark;
    event.about_value = s.error_about_value;
  } else if (s.finished) {
    event.type = EventType::kEnd;
  }
}

}  // namespace newsdb
