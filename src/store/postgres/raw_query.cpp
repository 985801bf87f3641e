#include "store/postgres/raw_query.hpp"

#include <optional>
#include <vector>

#include "store/postgres/search_text.hpp"

namespace newsdb::postgres {
namespace {

// A subexpression as tsquery text; nullopt when it can match nothing (a phrase without words).
using Node = std::optional<std::string>;

constexpr std::string_view kAllWeights = "ABCD";

// FTS5 columns and the weights search_text.hpp gives them.
std::optional<char> weight_of(std::string_view column) {
  if (column == "title") return 'A';
  if (column == "excerpt") return 'B';
  if (column == "topics_text") return 'C';
  if (column == "body") return 'D';
  return std::nullopt;
}

bool bareword_char(char c) {
  auto b = static_cast<unsigned char>(c);
  return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
         b == '_' || b == 0x1a;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<Node> parse() {
    auto node = or_expr(std::string(kAllWeights));
    if (!node) return node;
    skip_space();
    if (pos_ < text_.size()) return error_near();
    return node;
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\r' || text_[pos_] == '\f')) {
      ++pos_;
    }
  }
  bool at(char c) {
    skip_space();
    return pos_ < text_.size() && text_[pos_] == c;
  }
  std::string_view peek_bareword() {
    skip_space();
    std::size_t end = pos_;
    while (end < text_.size() && bareword_char(text_[end])) ++end;
    return text_.substr(pos_, end - pos_);
  }
  bool keyword(std::string_view word) {
    if (peek_bareword() != word) return false;
    pos_ += word.size();
    return true;
  }
  std::unexpected<Error> error_near() {
    skip_space();
    if (pos_ >= text_.size()) return fail(ErrorKind::kInvalidInput, "unexpected end of expression");
    return fail(ErrorKind::kInvalidInput,
                "syntax error near \"" + std::string(text_.substr(pos_, 10)) + "\"");
  }
  bool starts_primary() {
    skip_space();
    if (pos_ >= text_.size()) return false;
    char c = text_[pos_];
    if (c == '(' || c == '"' || c == '{' || c == '-' || c == '^') return true;
    auto word = peek_bareword();
    return !word.empty() && word != "AND" && word != "OR" && word != "NOT";
  }

  static Node both(Node a, Node b, std::string_view op) {
    if (!a || !b) return std::nullopt;
    return "(" + *a + " " + std::string(op) + " " + *b + ")";
  }

  Result<Node> or_expr(const std::string& weights) {
    auto left = and_expr(weights);
    if (!left) return left;
    Node node = *left;
    while (keyword("OR")) {
      auto right = and_expr(weights);
      if (!right) return right;
      if (!node) {
        node = *right;
      } else if (*right) {
        node = "(" + *node + " | " + **right + ")";
      }
    }
    return node;
  }

  Result<Node> and_expr(const std::string& weights) {
    auto left = not_expr(weights);
    if (!left) return left;
    Node node = *left;
    for (;;) {
      if (keyword("AND")) {
        if (!starts_primary()) return error_near();
      } else if (!starts_primary()) {
        break;
      }
      auto right = not_expr(weights);
      if (!right) return right;
      node = both(node, *right, "&");
    }
    return node;
  }

  Result<Node> not_expr(const std::string& weights) {
    auto left = primary(weights);
    if (!left) return left;
    Node node = *left;
    while (keyword("NOT")) {
      auto right = primary(weights);
      if (!right) return right;
      if (node && *right) node = "(" + *node + " & !" + **right + ")";
    }
    return node;
  }

  Result<Node> primary(const std::string& weights) {
    skip_space();
    if (pos_ >= text_.size()) return error_near();
    if (text_[pos_] == '^') ++pos_;  // "at the start of a column": no tsquery equivalent
    if (at('(')) {
      ++pos_;
      auto inner = or_expr(weights);
      if (!inner) return inner;
      if (!at(')')) return fail(ErrorKind::kInvalidInput, "unbalanced parentheses");
      ++pos_;
      return inner;
    }
    if (at('{') || at('-')) return column_filter(weights);
    std::string_view word = peek_bareword();
    if (word == "AND" || word == "OR" || word == "NOT") return error_near();
    if (!word.empty()) {
      std::size_t after = pos_ + word.size();
      std::size_t look = after;
      while (look < text_.size() && text_[look] == ' ') ++look;
      if (look < text_.size() && text_[look] == ':' ) return column_filter(weights);
      if (word == "NEAR" && look < text_.size() && text_[look] == '(') return near(weights);
    }
    return phrase(weights);
  }

  Result<Node> column_filter(const std::string& weights) {
    bool exclude = false;
    if (at('-')) {
      exclude = true;
      ++pos_;
    }
    std::vector<std::string_view> columns;
    if (at('{')) {
      ++pos_;
      while (!at('}')) {
        auto column = peek_bareword();
        if (column.empty()) return error_near();
        columns.push_back(column);
        pos_ += column.size();
      }
      ++pos_;
    } else {
      auto column = peek_bareword();
      if (column.empty()) return error_near();
      columns.push_back(column);
      pos_ += column.size();
    }
    if (!at(':')) return error_near();
    ++pos_;
    std::string chosen;
    for (auto column : columns) {
      auto w = weight_of(column);
      if (!w) return fail(ErrorKind::kInvalidInput, "no such column: " + std::string(column));
      chosen += *w;
    }
    std::string narrowed;
    for (char w : weights) {
      bool listed = chosen.find(w) != std::string::npos;
      if (listed != exclude) narrowed += w;
    }
    auto inner = primary(narrowed);
    if (!inner) return inner;
    return narrowed.empty() ? Node{} : *inner;
  }

  Result<Node> near(const std::string& weights) {
    pos_ += 4;  // NEAR
    skip_space();
    ++pos_;     // (
    Node node = std::string();
    bool any = false;
    while (!at(')') && !at(',')) {
      auto p = phrase(weights);
      if (!p) return p;
      node = any ? both(node, *p, "&") : *p;
      any = true;
    }
    if (!any) return error_near();
    if (at(',')) {
      ++pos_;
      skip_space();
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    }
    if (!at(')')) return fail(ErrorKind::kInvalidInput, "unbalanced parentheses");
    ++pos_;
    return node;
  }

  // A phrase: strings and barewords joined by '+', then an optional '*' (prefix).
  Result<Node> phrase(const std::string& weights) {
    std::vector<std::string> tokens;
    for (;;) {
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == '"') {
        auto text = quoted();
        if (!text) return std::unexpected(text.error());
        for (auto& t : search_tokens(*text)) tokens.push_back(std::move(t));
      } else {
        auto word = peek_bareword();
        if (word.empty()) return error_near();
        pos_ += word.size();
        for (auto& t : search_tokens(word)) tokens.push_back(std::move(t));
      }
      if (!at('+')) break;
      ++pos_;
    }
    bool prefix = false;
    if (at('*')) {
      prefix = true;
      ++pos_;
    }
    if (tokens.empty() || weights.empty()) return Node{};
    std::string out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (i) out += " <-> ";
      out += "'" + tokens[i] + "'";
      std::string label = (prefix && i + 1 == tokens.size() ? "*" : "");
      if (weights != kAllWeights) label += weights;
      if (!label.empty()) out += ":" + label;
    }
    return tokens.size() > 1 ? "(" + out + ")" : out;
  }

  Result<std::string> quoted() {
    ++pos_;  // opening quote
    std::string out;
    for (;;) {
      if (pos_ >= text_.size()) return fail(ErrorKind::kInvalidInput, "unterminated string");
      char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          out += '"';
          ++pos_;
          continue;
        }
        return out;
      }
      out += c;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

Result<std::string> raw_query(std::string_view expression) {
  auto node = Parser(expression).parse();
  if (!node) return std::unexpected(node.error());
  return node->value_or("");
}

}  // namespace newsdb::postgres
