#include "serve/assets.hpp"

namespace newsdb::serve {
namespace {

// One stylesheet, readable from a phone up: a single column under 50em (the list first, the
// facets under it), the facets beside the list above it. No web fonts, no images of its own.
constexpr std::string_view kStyle = R"css(
:root { --fg: #1d1d1f; --dim: #5f6368; --line: #e3e3e6; --accent: #1a5fb4; --mark: #fff1a8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
a { color: var(--accent); text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
header.site { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: center; padding: .6em 1em; border-bottom: 1px solid var(--line); }
header.site .brand { font-weight: 700; color: var(--fg); }
header.site form { flex: 1 1 16em; display: flex; gap: .4em; }
header.site input[type=search] { flex: 1; min-width: 0; padding: .4em .6em; font: inherit; border: 1px solid #bbb; border-radius: 6px; }
header.site button { padding: .4em .9em; font: inherit; border: 1px solid #bbb; border-radius: 6px; background: #f5f5f7; }
main { max-width: 72em; margin: 0 auto; padding: 1em; }
.layout { display: grid; grid-template-columns: 1fr; gap: 1.5em; }
.layout > .facets { order: 2; }
@media (min-width: 50em) { .layout { grid-template-columns: 16em 1fr; } .layout > .facets { order: 0; } }
.facets h2 { font-size: .85em; text-transform: uppercase; letter-spacing: .04em; color: var(--dim); margin: 1.2em 0 .3em; }
.facets ul { list-style: none; margin: 0; padding: 0; }
.facets li a { display: flex; justify-content: space-between; gap: .5em; padding: .1em .3em; border-radius: 4px; }
.facets li a.active { background: #e8f0fe; font-weight: 600; }
.facets .count { color: var(--dim); font-variant-numeric: tabular-nums; }
.active-filters { display: flex; flex-wrap: wrap; gap: .4em; margin: 0 0 1em; padding: 0; list-style: none; }
.active-filters a { display: inline-block; padding: .1em .6em; border: 1px solid var(--line); border-radius: 1em; }
.summary { color: var(--dim); margin: 0 0 .8em; }
ol.articles { list-style: none; margin: 0; padding: 0; }
ol.articles li { padding: .7em 0; border-bottom: 1px solid var(--line); }
ol.articles h3 { font-size: 1.05em; margin: 0 0 .2em; overflow-wrap: anywhere; }
.meta { color: var(--dim); font-size: .9em; }
.snippet { margin: .3em 0 0; overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; }
nav.pager { display: flex; justify-content: space-between; margin: 1em 0; }
article h1 { font-size: 1.5em; line-height: 1.25; overflow-wrap: anywhere; }
dl.fields { display: grid; grid-template-columns: minmax(7em, max-content) 1fr; gap: .3em 1em; }
dl.fields dt { color: var(--dim); }
dl.fields dd { margin: 0; overflow-wrap: anywhere; }
.images { display: flex; flex-wrap: wrap; gap: .6em; }
.images img { max-width: 100%; height: auto; max-height: 16em; border: 1px solid var(--line); }
pre.body { white-space: pre-wrap; overflow-wrap: anywhere; background: #f7f7f9; padding: .8em; border-radius: 6px; }
.histogram { width: 100%; height: auto; }
.chart { width: 100%; height: auto; max-width: 48em; }
.chart text, .histogram text { font-size: 11px; fill: var(--dim); }
.bar { fill: #5b8def; }
a:hover .bar, a:focus .bar { fill: var(--accent); }
table.totals td { padding: .1em 1em .1em 0; }
table.totals td.n { text-align: right; font-variant-numeric: tabular-nums; }
.error { padding: .8em 1em; border: 1px solid #e0b4b4; background: #fff6f6; border-radius: 6px; }
)css";

}  // namespace

std::optional<Asset> find_asset(std::string_view name) {
  if (name == "style.css") return Asset{"text/css; charset=utf-8", kStyle};
  return std::nullopt;
}

}  // namespace newsdb::serve
