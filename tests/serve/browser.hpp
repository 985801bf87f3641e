// Pages as a real browser renders them: headless Chromium loads a URL and gives back its DOM
// (serialised after parsing, so what an attacker's text became is plain to see) and a
// screenshot kept under the build folder (serve-screenshots/NAME.png) for a person to look at.
// The DOM is parsed again with libxml2's HTML parser for XPath assertions.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace newsdb::test {

// Where screenshots go: next to the newsdb binary, in serve-screenshots/.
inline std::filesystem::path screenshot_dir() {
  auto dir = std::filesystem::path(NEWSDB_BINARY).parent_path() / "serve-screenshots";
  std::filesystem::create_directories(dir);
  return dir;
}

// Runs headless Chromium once on `url` with `mode` ("--dump-dom" or "--screenshot=PATH") and
// returns its stdout. Every host but 127.0.0.1 resolves to nothing, so a page's external images
// fail at once instead of waiting on the network.
inline std::string chromium(const std::string& url, const std::string& mode, const std::string& window = "412,915") {
  TempDir profile;
  std::string line = "/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
                     "--disable-component-update --disable-sync --no-first-run --disable-extensions "
                     "--host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1' --window-size=" + window +
                     " --user-data-dir=" + shell_quoted(profile.path().string()) + " " + mode + " " +
                     shell_quoted(url) + " > " + shell_quoted((profile.path() / "out").string()) + " 2> " +
                     shell_quoted((profile.path() / "err").string());
  int status = std::system(line.c_str());
  std::string out = slurp(profile.path() / "out");
  if (status != 0) throw std::runtime_error("chromium failed on " + url + ": " + slurp(profile.path() / "err"));
  return out;
}

// Loads `url`, keeps a phone-sized screenshot as NAME.png, and returns the rendered DOM.
inline std::string rendered(const std::string& url, const std::string& name) {
  std::string dom = chromium(url, "--dump-dom");
  chromium(url, "--screenshot=" + shell_quoted((screenshot_dir() / (name + ".png")).string()));
  return dom;
}

class Dom {
 public:
  explicit Dom(const std::string& html)
      : doc_(htmlReadMemory(html.data(), static_cast<int>(html.size()), "dom.html", "UTF-8",
                            HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
             xmlFreeDoc) {
    if (!doc_) throw std::runtime_error("the DOM does not parse");
  }
  // The string values of every node `xpath` selects (text content for elements).
  std::vector<std::string> all(const std::string& xpath) const {
    std::vector<std::string> out;
    std::unique_ptr<xmlXPathContext, void (*)(xmlXPathContextPtr)> ctx(xmlXPathNewContext(doc_.get()),
                                                                      xmlXPathFreeContext);
    std::unique_ptr<xmlXPathObject, void (*)(xmlXPathObjectPtr)> found(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), ctx.get()), xmlXPathFreeObject);
    if (!found) throw std::runtime_error("bad XPath " + xpath);
    if (!found->nodesetval) return out;
    for (int i = 0; i < found->nodesetval->nodeNr; ++i) {
      xmlChar* text = xmlNodeGetContent(found->nodesetval->nodeTab[i]);
      out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
      xmlFree(text);
    }
    return out;
  }
  std::string one(const std::string& xpath) const {
    auto v = all(xpath);
    if (v.size() != 1) throw std::runtime_error(xpath + " selects " + std::to_string(v.size()) + " nodes");
    return v[0];
  }

 private:
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc_;
};

}  // namespace newsdb::test
