#include <newsdb/fetch.hpp>

namespace newsdb {

std::string http_status_text(int status) {
  const char* reason = "";
  switch (status) {
    case 400: reason = " Bad Request"; break;
    case 401: reason = " Unauthorized"; break;
    case 403: reason = " Forbidden"; break;
    case 404: reason = " Not Found"; break;
    case 410: reason = " Gone"; break;
    case 429: reason = " Too Many Requests"; break;
    case 500: reason = " Internal Server Error"; break;
    case 502: reason = " Bad Gateway"; break;
    case 503: reason = " Service Unavailable"; break;
    case 504: reason = " Gateway Timeout"; break;
    default: break;
  }
  return "HTTP " + std::to_string(status) + reason;
}

}  // namespace newsdb
