// Terminal colour, or none: every styled piece of output goes through a Style, which writes ANSI
// SGR sequences only when colour is on (a terminal, and NO_COLOR unset: Context::color()).
#pragma once

#include <string>
#include <string_view>

namespace newsdb::cli {

class Style {
 public:
  explicit Style(bool color) : color_(color) {}

  bool color() const { return color_; }
  std::string bold(std::string_view text) const { return wrap("1", text); }
  std::string dim(std::string_view text) const { return wrap("2", text); }
  std::string accent(std::string_view text) const { return wrap("36", text); }  // cyan
  std::string good(std::string_view text) const { return wrap("32", text); }    // green
  std::string warn(std::string_view text) const { return wrap("33", text); }    // yellow

  // Turns the match markers of a snippet into bold yellow (or drops them without colour), closing
  // a highlight the text leaves open (a snippet cut inside a match).
  std::string matches(std::string_view marked) const;

 private:
  std::string wrap(std::string_view code, std::string_view text) const;
  bool color_;
};

}  // namespace newsdb::cli
