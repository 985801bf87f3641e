#include "cli/output/article_text.hpp"

#include "cli/output/article_output.hpp"
#include "cli/output/dates.hpp"
#include "cli/output/text_width.hpp"
#include "cli/output/wrap.hpp"

namespace newsdb::cli {
namespace {

constexpr std::string_view kDot = " · ";

void join_into(std::string& line, std::string_view piece) {
  if (piece.empty()) return;
  if (!line.empty()) line += kDot;
  line += piece;
}

std::string provider_text(const std::optional<Provider>& p) {
  if (!p) return "";
  if (p->domain.empty()) return p->name;
  if (p->name.empty()) return p->domain;
  return p->name + " (" + p->domain + ")";
}

void labelled(std::ostream& out, const Style& style, std::string_view label,
              const std::optional<std::string>& value) {
  if (!value || value->empty()) return;
  out << style.dim(std::string(label) + ":") << ' ' << single_line(*value) << '\n';
}

void section(std::ostream& out, const Style& style, std::string_view title) {
  out << '\n' << style.bold(title) << '\n';
}

void print_images(std::ostream& out, const std::vector<Image>& images, const Style& style) {
  if (images.empty()) return;
  section(out, style, "Images");
  for (const auto& image : images) {
    std::string line = "  " + single_line(image.url);
    if (image.width || image.height) {
      line += "  " + (image.width ? std::to_string(*image.width) : "?") + "×" +
              (image.height ? std::to_string(*image.height) : "?");
    }
    if (image.is_cached) line += *image.is_cached ? "  cached" : "  not cached";
    out << line << '\n';
    if (!image.extra.empty()) out << "    " << style.dim(single_line(json_text(image.extra))) << '\n';
  }
}

void print_related(std::ostream& out, const std::vector<RelatedArticle>& related, int width,
                   const Style& style) {
  if (related.empty()) return;
  section(out, style, "Related coverage");
  int n = 0;
  for (const auto& r : related) {
    std::string head = std::to_string(++n) + ". ";
    out << head << style.bold(fit_width(single_line(r.title), width > 0 ? width - 3 : 0)) << '\n';
    std::string meta;
    join_into(meta, provider_text(r.provider));
    join_into(meta, date_text(r.published_date_time));
    if (!meta.empty()) out << "   " << style.dim(meta) << '\n';
    if (!r.primary_url().empty()) out << "   " << single_line(r.primary_url()) << '\n';
  }
  out << style.dim("   (`newsdb related ID` shows which of these are in the store)") << '\n';
}

}  // namespace

void print_article_text(std::ostream& out, const StoredArticle& stored, int width,
                        const Style& style) {
  const Article& a = stored.article;
  for (const auto& line : wrap_text(a.title, width)) out << style.bold(line) << '\n';

  std::string meta;
  join_into(meta, provider_text(a.provider));
  join_into(meta, date_text(a.published_date_time));
  join_into(meta, a.category.value_or(""));
  join_into(meta, a.type.value_or(""));
  if (!meta.empty()) out << single_line(meta) << '\n';

  std::string numbers = "id " + std::to_string(stored.id);
  if (a.quality) join_into(numbers, "quality " + std::to_string(*a.quality));
  if (a.heat) join_into(numbers, "heat " + std::to_string(*a.heat));
  if (a.published) join_into(numbers, *a.published ? "published" : "not published");
  out << style.dim(numbers) << '\n';

  out << '\n';
  labelled(out, style, "URL", a.canonical_url);
  if (a.original_url && *a.original_url != a.canonical_url) labelled(out, style, "Original", a.original_url);
  if (a.web_url && *a.web_url != a.canonical_url && a.web_url != a.original_url) {
    labelled(out, style, "Web", a.web_url);
  }
  labelled(out, style, "AMP", a.amp_web_url);
  labelled(out, style, "AMP cache", a.cdn_amp_web_url);
  if (!a.topics.empty()) {
    std::string topics;
    for (const auto& t : a.topics) {
      if (!topics.empty()) topics += ", ";
      topics += t;
    }
    labelled(out, style, "Topics", topics);
  }

  if (a.excerpt && !a.excerpt->empty()) {
    out << '\n';
    for (const auto& line : wrap_text(*a.excerpt, width)) out << line << '\n';
  }
  print_images(out, a.images, style);
  print_related(out, a.related, width, style);

  bool provider_extra = a.provider && !a.provider->extra.empty();
  if (!a.extra.empty() || provider_extra) {
    section(out, style, "Other fields");
    for (const auto& [key, value] : a.extra.items()) {
      out << "  " << style.dim(single_line(key) + ":") << ' ' << single_line(json_text(value)) << '\n';
    }
    if (provider_extra) {
      out << "  " << style.dim("provider:") << ' ' << single_line(json_text(a.provider->extra)) << '\n';
    }
  }
  if (a.secured) {
    out << '\n'
        << style.dim("Secured: " + std::to_string(a.secured->size()) +
                     " bytes, kept as written (--format json or frontmatter prints it)")
        << '\n';
  }
  if (a.body && !a.body->empty()) {
    out << '\n' << style.dim(std::string(width > 0 ? std::min(width, 72) : 72, '-')) << '\n';
    std::string body = printable(*a.body);
    out << body;
    if (!body.ends_with('\n')) out << '\n';
  }
}

}  // namespace newsdb::cli
