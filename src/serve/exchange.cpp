#include "serve/exchange.hpp"

#include "cli/output/article_output.hpp"

namespace newsdb::serve {

int status_of(const Error& error) {
  switch (error.kind) {
    case ErrorKind::kInvalidInput: return 400;
    case ErrorKind::kNotFound: return 404;
    default: return 500;
  }
}

Params params_of(const httplib::Request& request) {
  // httplib keeps parameters in a multimap by name; repeats of one name keep the order sent.
  Params out;
  for (const auto& [name, value] : request.params) out.emplace_back(name, value);
  return out;
}

void send_json(httplib::Response& response, const Json& value, int status) {
  response.status = status;
  response.set_content(cli::json_text(value, 2) + "\n", "application/json");
}

void send_json_error(httplib::Response& response, const Error& error) {
  send_json(response, Json{{"error", error.message}}, status_of(error));
}

void send_html(httplib::Response& response, std::string html, int status) {
  response.status = status;
  response.set_content(std::move(html), "text/html; charset=utf-8");
}

}  // namespace newsdb::serve
