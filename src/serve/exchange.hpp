// What every route does with httplib's request and response: reading the query string, answering
// with JSON, HTML or an error. Errors map to statuses in one place: kInvalidInput 400, kNotFound
// 404, anything else 500 (the message is still the library's, written for a person).
#pragma once

#include <httplib.h>

#include <newsdb/article.hpp>
#include <newsdb/error.hpp>
#include <string>

#include "serve/request_params.hpp"

namespace newsdb::serve {

int status_of(const Error& error);

// The query string's parameters in the order sent.
Params params_of(const httplib::Request& request);

// `value` as the CLI prints it with --format json (two-space indent, UTF-8 kept), then a newline.
void send_json(httplib::Response& response, const Json& value, int status = 200);
// {"error": MESSAGE} with status_of(error).
void send_json_error(httplib::Response& response, const Error& error);

void send_html(httplib::Response& response, std::string html, int status = 200);

}  // namespace newsdb::serve
