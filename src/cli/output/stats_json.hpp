// `newsdb stats --format json`: the statistics as one object (articles, stories, providers, topics,
// images, relatedEntries, undated, failedFiles, firstPublished, lastPublished, perMonth (or perDay,
// perWeek, perYear) [{month, count}], topTopics [{name, count}], topProviders [{name, domain,
// count}]). Shared by the command and by `serve`'s /api/stats, so both answer alike.
#pragma once

#include <newsdb/article_reader.hpp>

#include "cli/commands/stats_counts.hpp"
#include <string>

namespace newsdb::cli {

// "2024-01".
std::string month_label(const MonthCount& m);

Json stats_json(const StatsReport& report);

}  // namespace newsdb::cli
