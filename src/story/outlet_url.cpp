#include "story/outlet_url.hpp"

#include <array>
#include <vector>

namespace newsdb::story {
namespace {

constexpr std::array<std::string_view, 14> kTwoLabelSuffixes = {
    "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au",
    "co.nz", "co.in",  "co.za", "com.br", "co.jp",  "com.sg", "com.hk"};

constexpr std::string_view kAmpCache = ".cdn.ampproject.org";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// "bbc" for "www.bbc.co.uk", "amp.bbc.com", "bbc.com".
std::string outlet_of(std::string_view host) {
  std::vector<std::string_view> labels;
  std::size_t start = 0;
  for (;;) {
    auto dot = host.find('.', start);
    labels.push_back(host.substr(start, dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  std::size_t suffix = 1;
  if (labels.size() >= 3) {
    std::string last_two =
        std::string(labels[labels.size() - 2]) + "." + std::string(labels.back());
    for (auto s : kTwoLabelSuffixes) {
      if (s == last_two) suffix = 2;
    }
  }
  if (labels.size() <= suffix) return std::string(host);
  return std::string(labels[labels.size() - suffix - 1]);
}

}  // namespace

std::optional<std::string> outlet_url_key(std::string_view url) {
  std::string u = lower(url);
  std::string_view rest(u);
  if (rest.starts_with("https://")) {
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  auto slash = rest.find('/');
  std::string_view host = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? "" : rest.substr(slash);
  if (auto colon = host.find(':'); colon != std::string_view::npos) host = host.substr(0, colon);
  if (ends_with(host, kAmpCache)) {
    // /c/s/HOST/PATH (https) or /c/HOST/PATH; /v/... for videos.
    for (std::string_view prefix : {"/c/s/", "/v/s/", "/i/s/", "/c/", "/v/", "/i/"}) {
      if (path.starts_with(prefix)) {
        return outlet_url_key("https://" + std::string(path.substr(prefix.size())));
      }
    }
    return std::nullopt;
  }
  if (auto end = path.find_first_of("?#"); end != std::string_view::npos)
    path = path.substr(0, end);
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  for (std::string_view amp : {"/amp", ".amp"}) {
    if (path.size() > amp.size() && ends_with(path, amp)) path.remove_suffix(amp.size());
  }
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  if (path.size() <= 1) return std::nullopt;
  // A live page carries many reports under one address (feeds point entries at it).
  for (std::string_view live : {"/live/", "/live-blog/", "/live-news/", "/live-updates/"}) {
    if (path.find(live) != std::string_view::npos) return std::nullopt;
  }
  return outlet_of(host) + std::string(path);
}

}  // namespace newsdb::story
