#include "core/json_events.hpp"

namespace newsdb {

JsonEventSource::JsonEventSource(const Json& root, SourceMark mark, const ParseLimits& limits)
    : root_(root),
      mark_(mark),
      max_depth_(limits.max_depth),
      max_text_bytes_(limits.max_field_bytes) {}

void JsonEventSource::emit_text(const std::string& text, Event& event) {
  if (text.size() > max_text_bytes_) {
    error_ = "is " + std::to_string(text.size()) + " bytes, over the limit of " +
             std::to_string(max_text_bytes_) + " bytes for one value";
    event.type = EventType::kError;
    event.about_value = true;
    event.text = error_;
    return;
  }
  event.type = EventType::kScalar;
  event.scalar = ScalarType::kString;
  event.text = text;
}

void JsonEventSource::next(Event& event) {
  event = Event{};
  event.mark = mark_;
  if (!error_.empty()) {
    event.type = EventType::kError;
    event.about_value = true;
    event.text = error_;
    return;
  }
  if (finished_) {
    event.type = EventType::kEnd;
    return;
  }
  if (!started_) {
    started_ = true;
    return emit_value(root_, event);
  }
  if (stack_.empty()) {
    finished_ = true;
    event.type = EventType::kEnd;
    return;
  }
  Frame& frame = stack_.back();
  bool is_object = frame.node->is_object();
  if (frame.it == frame.node->cend()) {
    stack_.pop_back();
    event.type = is_object ? EventType::kMappingEnd : EventType::kSequenceEnd;
    return;
  }
  if (is_object && !frame.value_next) {
    frame.value_next = true;
    return emit_text(frame.it.key(), event);
  }
  frame.value_next = false;
  const Json& value = *frame.it;
  ++frame.it;  // before emit_value, which may push and invalidate `frame`
  emit_value(value, event);
}

void JsonEventSource::emit_value(const Json& value, Event& event) {
  event.type = EventType::kScalar;
  switch (value.type()) {
    case Json::value_t::object:
    case Json::value_t::array:
      if (int(stack_.size()) >= max_depth_) {
        error_ = "nests deeper than the limit of " + std::to_string(max_depth_) + " levels";
        event.type = EventType::kError;
        event.about_value = true;
        event.text = error_;
        return;
      }
      stack_.push_back(Frame{&value, value.cbegin()});
      event.type = value.is_object() ? EventType::kMappingStart : EventType::kSequenceStart;
      return;
    case Json::value_t::string:
      return emit_text(value.get_ref<const std::string&>(), event);
    case Json::value_t::boolean:
      event.scalar = ScalarType::kBool;
      event.bool_value = value.get<bool>();
      return;
    case Json::value_t::number_integer:
      event.scalar = ScalarType::kInt;
      event.int_value = value.get<std::int64_t>();
      return;
    case Json::value_t::number_unsigned: {
      auto u = value.get<std::uint64_t>();
      if (u <= std::uint64_t(INT64_MAX)) {
        event.scalar = ScalarType::kInt;
        event.int_value = std::int64_t(u);
      } else {
        event.scalar = ScalarType::kUnsigned;
        event.unsigned_value = u;
      }
      return;
    }
    case Json::value_t::number_float:
      event.scalar = ScalarType::kFloat;
      event.float_value = value.get<double>();
      return;
    default:  // null, discarded, binary
      event.scalar = ScalarType::kNull;
      return;
  }
}

}  // namespace newsdb
