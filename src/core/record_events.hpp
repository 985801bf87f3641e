// The event stream the typed-record builder reads: YAML (libyaml) and JSON inputs are both turned
// into these events, so every typed-record rule is written once (record_builder.hpp).
//
// An EventSource yields the events of ONE root node (mappings, sequences, scalars), then kEnd.
// Sources enforce the structural limits (nesting depth, alias expansion) and report syntax errors
// as a kError event; after kError or kEnd a source keeps returning the same event.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsdb {

// A position in the FILE: 1-based line and column; 0 when unknown.
struct SourceMark {
  int line = 0;
  int column = 0;
};

enum class EventType : std::uint8_t {
  kMappingStart,
  kMappingEnd,
  kSequenceStart,
  kSequenceEnd,
  kScalar,
  kEnd,    // the root node is complete (or there was none: an empty document)
  kError,  // `text` holds the message; `mark` where known; see `about_value`
};

// What a scalar is. YAML plain scalars are untyped text whose meaning depends on the field that
// reads them (`title: 1984` is text, `quality: 74` a number); quoted YAML scalars are text; JSON
// values carry their own type.
enum class ScalarType : std::uint8_t {
  kPlain,     // YAML plain scalar: `text` (may spell null, a bool, a number, or be text)
  kString,    // quoted YAML scalar or JSON string: `text`
  kNull,      // JSON null
  kBool,      // JSON true/false: `bool_value`
  kInt,       // JSON integer within int64: `int_value`
  kUnsigned,  // JSON integer above INT64_MAX: `unsigned_value`
  kFloat,     // JSON number with a fraction or exponent: `float_value`
};

struct Event {
  EventType type = EventType::kEnd;
  ScalarType scalar = ScalarType::kPlain;
  SourceMark mark;
  std::string_view text;  // valid until the next call to EventSource::next
  bool bool_value = false;
  std::int64_t int_value = 0;
  std::uint64_t unsigned_value = 0;
  double float_value = 0;
  // kError only: the message is about the value being read and reads after its field's name
  // ("`excerpt` is 2000000 bytes, ..."), so `text` starts with a verb ("is ...", "nests ...").
  bool about_value = false;
};

class EventSource {
 public:
  virtual ~EventSource() = default;
  // Overwrites `event` with the next event.
  virtual void next(Event& event) = 0;
};

}  // namespace newsdb
