#include "cli/output/facet_output.hpp"

#include "cli/output/delimited.hpp"
#include "cli/output/table.hpp"

namespace newsdb::cli {
Json facet_json(const FacetCount& c, bool with_domain) {
  Json o = Json::object();
  o["name"] = c.name;
  o["count"] = c.count;
  if (with_domain) o["domain"] = c.domain;
  return o;
}

void print_facets(std::ostream& out, Format format, const std::vector<FacetCount>& counts,
                  bool with_domain, const OutputOptions& options) {
  switch (format) {
    case Format::kJson: {
      Json all = Json::array();
      for (const auto& c : counts) all.push_back(facet_json(c, with_domain));
      out << json_text(all, 2) << '\n';
      break;
    }
    case Format::kNdjson:
      for (const auto& c : counts) out << json_text(facet_json(c, with_domain)) << '\n';
      break;
    case Format::kCsv:
      out << (with_domain ? "name,domain,count" : "name,count") << kCsvRecordEnd;
      for (const auto& c : counts) {
        out << csv_field(c.name) << ',';
        if (with_domain) out << csv_field(c.domain) << ',';
        out << c.count << kCsvRecordEnd;
      }
      break;
    case Format::kTsv:
      out << (with_domain ? "name\tdomain\tcount\n" : "name\tcount\n");
      for (const auto& c : counts) {
        out << tsv_field(c.name) << '\t';
        if (with_domain) out << tsv_field(c.domain) << '\t';
        out << c.count << '\n';
      }
      break;
    default: {
      std::vector<Column> columns{{"NAME", Align::kLeft, 2, 10}};
      if (with_domain) columns.push_back({"DOMAIN", Align::kLeft, 1, 0, Column::Tone::kDim});
      columns.push_back({"COUNT", Align::kRight, 0, 0, Column::Tone::kAccent});
      Table table(std::move(columns));
      for (const auto& c : counts) {
        std::vector<std::string> cells{c.name};
        if (with_domain) cells.push_back(c.domain);
        cells.push_back(std::to_string(c.count));
        table.add_row(std::move(cells));
      }
      if (!table.empty()) table.print(out, options.width, options.style);
      break;
    }
  }
}

}  // namespace newsdb::cli
