#include "cli/output/sql_output.hpp"

#include <cstdio>
#include <optional>

#include "cli/output/delimited.hpp"
#include "cli/output/table.hpp"

namespace newsdb::cli {
namespace {

std::string hex(const std::string& bytes) {
  std::string out;
  char buf[3];
  for (unsigned char c : bytes) {
    std::snprintf(buf, sizeof buf, "%02x", c);
    out += buf;
  }
  return out;
}

std::string number_text(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  return buf;
}

// Text of a value in delimited formats; nullopt for NULL.
std::optional<std::string> text_of(const SqlValue& v) {
  switch (v.index()) {
    case 1: return std::to_string(std::get<std::int64_t>(v));
    case 2: return number_text(std::get<double>(v));
    case 3: return std::get<std::string>(v);
    case 4: return hex(std::get<SqlBlob>(v).bytes);
    default: return std::nullopt;
  }
}

Json json_of(const SqlValue& v) {
  switch (v.index()) {
    case 1: return std::get<std::int64_t>(v);
    case 2: return std::get<double>(v);
    case 3: return std::get<std::string>(v);
    case 4: return hex(std::get<SqlBlob>(v).bytes);
    default: return nullptr;
  }
}

class TableSql final : public SqlOutput {
 public:
  TableSql(std::ostream& out, std::ostream& notes, const OutputOptions& options)
      : out_(out), notes_(notes), options_(options) {}
  Result<void> columns(std::span<const std::string> names) override {
    flush();
    std::vector<Column> columns;
    for (const auto& n : names) columns.push_back(Column{n, Align::kLeft, 1, 4});
    table_.emplace(std::move(columns));
    rows_ = 0;
    return {};
  }
  Result<void> row(std::span<const SqlValue> values) override {
    if (++rows_ > kMaxTableRows) return {};
    std::vector<std::string> cells;
    for (const auto& v : values) {
      if (v.index() == 0) {
        cells.push_back("NULL");
      } else if (v.index() == 4) {
        cells.push_back("<blob " + std::to_string(std::get<SqlBlob>(v).bytes.size()) + " bytes>");
      } else {
        cells.push_back(*text_of(v));
      }
    }
    table_->add_row(std::move(cells));
    return {};
  }
  void finish() override { flush(); }

 private:
  void flush() {
    if (!table_) return;
    table_->print(out_, options_.width, options_.style);
    if (rows_ > kMaxTableRows) {
      notes_ << "(" << rows_ - kMaxTableRows << " more rows not shown; --format tsv prints all)\n";
    }
    table_.reset();
  }
  std::ostream& out_;
  std::ostream& notes_;
  OutputOptions options_;
  std::optional<Table> table_;
  std::size_t rows_ = 0;
};

class DelimitedSql final : public SqlOutput {
 public:
  DelimitedSql(std::ostream& out, bool csv) : out_(out), csv_(csv) {}
  Result<void> columns(std::span<const std::string> names) override {
    std::vector<SqlValue> header(names.begin(), names.end());
    return row(header);
  }
  Result<void> row(std::span<const SqlValue> values) override {
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out_ << (csv_ ? ',' : '\t');
      std::string text = text_of(values[i]).value_or("");
      out_ << (csv_ ? csv_field(text) : tsv_field(text));
    }
    out_ << (csv_ ? kCsvRecordEnd : "\n");
    return {};
  }
  void finish() override {}

 private:
  std::ostream& out_;
  bool csv_;
};

class JsonSql final : public SqlOutput {
 public:
  JsonSql(std::ostream& out, bool lines) : out_(out), lines_(lines) {}
  Result<void> columns(std::span<const std::string> names) override {
    names_.assign(names.begin(), names.end());
    return {};
  }
  Result<void> row(std::span<const SqlValue> values) override {
    Json o = Json::object();
    for (std::size_t i = 0; i < values.size(); ++i) o[names_[i]] = json_of(values[i]);
    if (lines_) {
      out_ << json_text(o) << '\n';
    } else {
      out_ << (rows_ == 0 ? "[\n" : ",\n") << json_text(o, 2);
    }
    ++rows_;
    return {};
  }
  void finish() override {
    if (!lines_) out_ << (rows_ == 0 ? "[]\n" : "\n]\n");
  }

 private:
  std::ostream& out_;
  bool lines_;
  std::vector<std::string> names_;
  std::size_t rows_ = 0;
};

}  // namespace

std::unique_ptr<SqlOutput> make_sql_output(Format format, std::ostream& out, std::ostream& notes,
                                           const OutputOptions& options) {
  switch (format) {
    case Format::kCsv: return std::make_unique<DelimitedSql>(out, true);
    case Format::kTsv: return std::make_unique<DelimitedSql>(out, false);
    case Format::kJson: return std::make_unique<JsonSql>(out, false);
    case Format::kNdjson: return std::make_unique<JsonSql>(out, true);
    default: return std::make_unique<TableSql>(out, notes, options);
  }
}

}  // namespace newsdb::cli
