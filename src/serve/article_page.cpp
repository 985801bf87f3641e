#include "serve/article_page.hpp"

#include "cli/output/article_output.hpp"
#include "cli/output/dates.hpp"
#include "serve/html.hpp"
#include "serve/page_layout.hpp"
#include "serve/url_state.hpp"

namespace newsdb::serve {
namespace {

std::string external_link(std::string_view url, std::string_view text) {
  auto safe = http_url(url);
  if (!safe) return escape(text);
  return "<a href=\"" + escape(*safe) + "\" rel=\"noopener noreferrer nofollow\">" + escape(text) + "</a>";
}

std::string value_html(const std::string& key, const Json& value) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (key.ends_with("Url") || key == "url") return external_link(text, text);
    if (key == "secured") return "<code>" + escape(text) + "</code>";
    return escape(text);
  }
  return "<code>" + escape(cli::json_text(value)) + "</code>";
}

std::string fields(const StoredArticle& s) {
  const Article& a = s.article;
  Json json = cli::article_with_id(s);
  std::string out = "<dl class=\"fields\" id=\"fields\">";
  for (const auto& [key, value] : json.items()) {
    out += "<dt>" + escape(key) + "</dt><dd data-field=\"" + escape(key) + "\">";
    if (key == "provider" && a.provider) {
      const std::string& pick = a.provider->domain.empty() ? a.provider->name : a.provider->domain;
      out += "<a href=\"" + escape(link_to("/", {{"provider", pick}})) + "\">" + escape(a.provider->name) + "</a>";
      if (!a.provider->domain.empty()) out += " (" + escape(a.provider->domain) + ")";
      if (!a.provider->extra.empty()) out += " <code>" + escape(cli::json_text(a.provider->extra)) + "</code>";
    } else if (key == "topics") {
      for (std::size_t i = 0; i < a.topics.size(); ++i) {
        if (i) out += ", ";
        out += "<a href=\"" + escape(link_to("/", {{"topic", a.topics[i]}})) + "\">" + escape(a.topics[i]) + "</a>";
      }
    } else if (key == "images") {
      out += std::to_string(a.images.size()) + (a.images.size() == 1 ? " image" : " images") + " (below)";
    } else if (key == "related") {
      out += std::to_string(a.related.size()) + (a.related.size() == 1 ? " entry" : " entries") + " (below)";
    } else if (key == "body") {
      out += "below";
    } else {
      out += value_html(key, value);
    }
    out += "</dd>";
  }
  return out + "</dl>";
}

std::string images(const Article& a) {
  if (a.images.empty()) return "";
  std::string out = "<section id=\"images\"><h2>Images</h2><div class=\"images\">";
  for (const auto& image : a.images) {
    auto safe = http_url(image.url);
    if (!safe) {
      out += "<p>" + escape(image.url) + " (not an http(s) URL: not shown)</p>";
      continue;
    }
    out += "<a href=\"" + escape(*safe) + "\" rel=\"noopener noreferrer nofollow\"><img src=\"" + escape(*safe) +
           "\" alt=\"\" loading=\"lazy\" referrerpolicy=\"no-referrer\"";
    if (image.width && image.height && *image.width > 0 && *image.height > 0) {
      out += " width=\"" + std::to_string(*image.width) + "\" height=\"" + std::to_string(*image.height) + "\"";
    }
    out += "></a>";
  }
  return out + "</div></section>";
}

std::string entry_meta(const std::optional<Timestamp>& when, const std::optional<Provider>& provider) {
  std::string out;
  std::string date = cli::date_text(when);
  if (!date.empty()) out += date.substr(0, 10);
  if (provider && !provider->name.empty()) out += (out.empty() ? "" : " · ") + escape(provider->name);
  return out;
}

std::string related(const RelatedCoverage& coverage) {
  if (coverage.entries.empty() && coverage.cited_by.empty()) return "";
  std::string out = "<section id=\"related\"><h2>Related coverage</h2><ol class=\"articles\">";
  for (const auto& e : coverage.entries) {
    out += "<li><h3>";
    if (e.stored_id) {
      out += "<a class=\"in-store\" href=\"/articles/" + std::to_string(*e.stored_id) + "\">" + escape(e.article.title) + "</a>";
    } else {
      out += external_link(e.article.primary_url(), e.article.title);
    }
    out += "</h3><div class=\"meta\">" + entry_meta(e.article.published_date_time, e.article.provider) +
           (e.stored_id ? " · in the store" : " · not in the store") + "</div>";
    if (e.article.excerpt) out += "<p class=\"snippet\">" + escape(shortened(*e.article.excerpt, 280)) + "</p>";
    out += "</li>";
  }
  out += "</ol>";
  if (!coverage.cited_by.empty()) {
    out += "<h2>Stored articles that list this one</h2><ol class=\"articles\">";
    for (const auto& c : coverage.cited_by) {
      std::optional<Provider> provider;
      if (c.provider_name) provider = Provider{*c.provider_name, "", Json::object()};
      out += "<li><h3><a class=\"in-store\" href=\"/articles/" + std::to_string(c.id) + "\">" + escape(c.title) +
             "</a></h3><div class=\"meta\">" + entry_meta(c.published_date_time, provider) + "</div></li>";
    }
    out += "</ol>";
  }
  return out + "</section>";
}

}  // namespace

std::string render_article_page(const StoredArticle& s, const RelatedCoverage& coverage) {
  const Article& a = s.article;
  std::string body = "<article><h1 id=\"title\">" + escape(a.title) + "</h1>";
  if (a.excerpt) body += "<p class=\"snippet\" id=\"excerpt\">" + escape(*a.excerpt) + "</p>";
  body += "<p class=\"meta\"><a href=\"/api/articles/" + std::to_string(s.id) + "\">JSON</a></p>";
  body += fields(s);
  body += images(a);
  if (a.body) body += "<section id=\"body\"><h2>Body</h2><pre class=\"body\">" + escape(*a.body) + "</pre></section>";
  body += related(coverage);
  body += "</article>";
  return page(a.title, body);
}

}  // namespace newsdb::serve
