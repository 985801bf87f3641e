#include "store/postgres/staged_batch.hpp"

#include <algorithm>
#include <map>
#include <newsdb/url.hpp>
#include <string_view>

#include "store/postgres/article_encoding.hpp"

namespace newsdb::postgres {
namespace {

std::optional<std::int64_t> seconds(const std::optional<Timestamp>& t) {
  if (!t) return std::nullopt;
  return static_cast<std::int64_t>(t->time_since_epoch().count());
}

std::optional<std::string> folded(const std::optional<std::string>& name) {
  if (!name) return std::nullopt;
  return fold_key(*name);
}

const char* outcome_name(FileOutcome outcome) {
  switch (outcome) {
    case FileOutcome::kImported: return "imported";
    case FileOutcome::kSkipped: return "skipped";
    case FileOutcome::kFailed: return "failed";
  }
  return "failed";
}

struct Winner {
  const Article* article;
  const std::string* source_path;
};

void stage_article(StagedBatch& out, const Article& a, const std::string& source_path,
                   std::int64_t& topic_seq) {
  const std::string& url = a.canonical_url;
  out.articles.field(url).field(a.title).field(a.excerpt).field(a.body);
  out.articles.field(seconds(a.published_date_time));
  out.articles.field(a.original_url).field(a.web_url).field(a.amp_web_url).field(a.cdn_amp_web_url);
  out.articles.field(a.category).field(folded(a.category)).field(a.type).field(folded(a.type));
  out.articles.field(a.quality).field(a.heat).field(a.published);
  if (a.provider) {
    out.articles.field(a.provider->name).field(a.provider->domain);
    out.articles.field(fold_key(a.provider->name)).field(fold_key(a.provider->domain));
    out.articles.field(extra_text(a.provider->extra));
  } else {
    out.articles.null().null().null().null().null();
  }
  out.articles.field(a.secured).field(topics_text(a)).field(extra_text(a.extra));
  out.articles.field(content_hash(a)).field(source_path).end_row();

  for (std::size_t i = 0; i < a.topics.size(); ++i) {
    out.topics.field(url).field(static_cast<std::int64_t>(i)).field(topic_seq++);
    out.topics.field(a.topics[i]).field(fold_key(a.topics[i])).end_row();
  }
  for (std::size_t i = 0; i < a.images.size(); ++i) {
    const Image& image = a.images[i];
    out.images.field(url).field(static_cast<std::int64_t>(i)).field(image.url);
    out.images.field(image.width).field(image.height).field(image.is_cached);
    out.images.field(extra_text(image.extra)).end_row();
  }
  for (std::size_t i = 0; i < a.related.size(); ++i) {
    const RelatedArticle& r = a.related[i];
    // The canonical form, so that a related entry finds the stored article it names.
    auto related_url = r.primary_url().empty() ? std::nullopt : canonical_url(r.primary_url());
    out.related.field(url).field(static_cast<std::int64_t>(i)).field(related_url).field(r.title);
    out.related.field(seconds(r.published_date_time));
    if (r.provider) {
      out.related.field(r.provider->name).field(r.provider->domain);
    } else {
      out.related.null().null();
    }
    out.related.field(related_doc(r)).end_row();
  }
}

}  // namespace

StagedBatch stage_batch(std::span<const ParsedFile> batch) {
  StagedBatch out;

  // Last in input order wins; the map keeps the winners sorted by URL.
  std::map<std::string_view, Winner> winners;
  std::map<std::string_view, const ParsedFile*> files;
  for (const ParsedFile& file : batch) {
    files[file.record.path] = &file;
    for (const Article& article : file.articles) {
      if (article.canonical_url.empty()) continue;  // the parser never lets one through
      winners[article.canonical_url] = Winner{&article, &file.record.path};
    }
  }

  std::int64_t topic_seq = 0;
  for (const auto& [url, winner] : winners) {
    stage_article(out, *winner.article, *winner.source_path, topic_seq);
  }
  out.article_count = static_cast<std::int64_t>(winners.size());

  std::int64_t error_seq = 0;
  for (const auto& [path, file] : files) {
    const ImportRecord& r = file->record;
    // stdin keeps no record; a part of an input cut in parts records it with the last part.
    // (Errors are staged with the record, so those of stdin and of non-final parts are not kept
    // yet: see <newsdb/article_writer.hpp> for what the interface asks.)
    if (!file->tracked || !file->last_part) continue;
    out.files.field(r.path).field(r.size).field(r.mtime_ns).field(r.content_hash);
    out.files.field(outcome_name(r.outcome));
    out.files.field(r.articles).end_row();
    if (r.outcome != FileOutcome::kFailed) continue;
    for (const Diagnostic& d : file->diagnostics) {
      if (d.severity != Severity::kError) continue;
      out.errors.field(error_seq++).field(r.path).field(d.line).field(d.column);
      out.errors.field(d.field).field(d.message).end_row();
    }
  }
  return out;
}

}  // namespace newsdb::postgres
