// Parses one article file through the installed newsdb library and prints, one a line:
// the title, the canonical URL, the provider's domain and the topics (comma-separated).
// Exits 1 (with the diagnostics on stderr) when the file does not parse.
#include <fstream>
#include <iostream>
#include <newsdb/diagnostic.hpp>
#include <newsdb/document.hpp>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: parse_article FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "parse_article: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  newsdb::ParsedInput parsed =
      newsdb::parse_input(bytes.str(), argv[1], newsdb::input_format_for_path(argv[1]));
  for (const auto& d : parsed.diagnostics) std::cerr << newsdb::format_diagnostic(d) << "\n";
  if (parsed.status != newsdb::InputStatus::kArticles || parsed.articles.size() != 1) return 1;
  const newsdb::Article& a = parsed.articles.front();
  std::cout << a.title << "\n" << a.canonical_url << "\n"
            << (a.provider ? a.provider->domain : std::string()) << "\n";
  for (std::size_t i = 0; i < a.topics.size(); ++i) std::cout << (i ? "," : "") << a.topics[i];
  std::cout << "\n";
  return 0;
}
