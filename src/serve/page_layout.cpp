#include "serve/page_layout.hpp"

#include "serve/html.hpp"

namespace newsdb::serve {

std::string page(std::string_view title, std::string_view body, std::string_view search_text) {
  std::string out;
  out.reserve(body.size() + 1024);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"referrer\" content=\"no-referrer\">\n<title>";
  out += escape(title);
  out += " · newsdb</title>\n<link rel=\"stylesheet\" href=\"/static/style.css\">\n</head>\n<body>\n"
         "<header class=\"site\"><a class=\"brand\" href=\"/\">newsdb</a>"
         "<form action=\"/search\" method=\"get\" role=\"search\">"
         "<input type=\"search\" name=\"q\" aria-label=\"Search\" placeholder=\"Search: words, "
         "&quot;a phrase&quot;\" value=\"";
  out += escape(search_text);
  out += "\"><button type=\"submit\">Search</button></form>"
         "<a href=\"/stats\">Stats</a></header>\n<main>\n";
  out += body;
  out += "\n</main>\n</body>\n</html>\n";
  return out;
}

std::string error_page(std::string_view message) {
  return page("Error", "<p class=\"error\" id=\"error\">" + escape(message) +
                           "</p>\n<p><a href=\"/\">Back to the newest articles</a></p>");
}

}  // namespace newsdb::serve
