// Resource limits: inputs built to exhaust memory or time end with a diagnostic naming the limit.
#include <catch2/catch.hpp>
#include <newsdb/document.hpp>
#include <string>

using namespace newsdb;

namespace {
const std::string kHead = "---\ntitle: T\nwebUrl: https://x.org/\n";

std::string only_message(const ParsedInput& parsed) {
  REQUIRE(parsed.diagnostics.size() == 1);
  return parsed.diagnostics[0].message;
}
}  // namespace

TEST_CASE("a field larger than max_field_bytes is refused with the limit named", "[limits]") {
  std::string text = kHead + "excerpt: " + std::string(2'000'000, 'a') + "\n---\n";
  ParsedInput parsed = parse_input(text, "huge.md", InputFormat::kFrontmatter);
  CHECK(parsed.status == InputStatus::kFailed);
  CHECK(only_message(parsed) ==
        "`excerpt` is 2000000 bytes, over the limit of 1048576 bytes for one value");
  CHECK(parsed.diagnostics[0].line == 4);
}

TEST_CASE("a file larger than max_document_bytes is refused with the limit named", "[limits]") {
  ParseLimits limits;
  limits.max_document_bytes = 1000;
  std::string text = kHead + "---\n" + std::string(2000, 'x');
  ParsedInput parsed = parse_input(text, "big.md", InputFormat::kFrontmatter, limits);
  CHECK(parsed.status == InputStatus::kFailed);
  CHECK(only_message(parsed) == "the file is larger than the limit of 1000 bytes");
}

TEST_CASE("a large file without a fence is still just not an article", "[limits]") {
  ParseLimits limits;
  limits.max_document_bytes = 10;
  CHECK(parse_input("hello, this is a long text file", "x.txt", InputFormat::kFrontmatter, limits)
            .status == InputStatus::kNotAnArticle);
}

TEST_CASE("an alias bomb stops at max_alias_expansion", "[limits]") {
  // Each level multiplies by ten: fully expanded this is 10^9 scalars.
  std::string text = kHead + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k ? ", *a" : "*a") + std::to_string(i - 1);
    text += "]\n";
  }
  text += "---\n";
  ParsedInput parsed = parse_input(text, "bomb.md", InputFormat::kFrontmatter);
  CHECK(parsed.status == InputStatus::kFailed);
  CHECK(only_message(parsed) ==
        "aliases expand to more than 10000 values, the limit (an alias bomb?)");
}

TEST_CASE("a self-referencing alias is refused", "[limits]") {
  ParsedInput parsed =
      parse_input(kHead + "x: &a [1, *a]\n---\n", "self.md", InputFormat::kFrontmatter);
  CHECK(only_message(parsed) == "alias *a refers to the value that contains it");
}

TEST_CASE("deep nesting stops at max_depth in YAML and JSON", "[limits]") {
  std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  ParsedInput yaml =
      parse_input(kHead + "x: " + deep + "\n---\n", "deep.md", InputFormat::kFrontmatter);
  CHECK(yaml.status == InputStatus::kFailed);
  CHECK_THAT(only_message(yaml), Catch::EndsWith("nests deeper than the limit of 64 levels"));

  ParsedInput json = parse_input(R"({"title":"T","webUrl":"https://x.org/","x":)" + deep + "}",
                                 "deep.json", InputFormat::kJson);
  CHECK(json.status == InputStatus::kFailed);
  CHECK(only_message(json) == "invalid JSON: nesting is deeper than the limit of 64 levels");
  // The record's `{` and 63 brackets make 64 levels: the 64th bracket, after the 43-character
  // prefix, is the one too deep.
  CHECK(json.diagnostics[0].column == 43 + 64);
}

TEST_CASE("too many errors in one record stop after the cap", "[limits]") {
  std::string text = kHead + "topics:\n";
  for (int i = 0; i < 1000; ++i) text += "  - {bad: " + std::to_string(i) + "}\n";
  text += "---\n";
  ParsedInput parsed = parse_input(text, "many.md", InputFormat::kFrontmatter);
  CHECK(parsed.status == InputStatus::kFailed);
  REQUIRE(parsed.diagnostics.size() == 21);
  CHECK(parsed.diagnostics.back().message == "too many errors in this record (20); stopping");
}

TEST_CASE("a mapping with more fields than max_mapping_fields is refused quickly", "[limits]") {
  // Unchecked, 200 000 unknown fields took minutes: each is looked up among the ones before.
  std::string yaml = kHead;
  for (int i = 0; i < 200'000; ++i) yaml += "k" + std::to_string(i) + ": 1\n";
  yaml += "---\n";
  ParsedInput parsed = parse_input(yaml, "many.md", InputFormat::kFrontmatter);
  CHECK(parsed.status == InputStatus::kFailed);
  CHECK(only_message(parsed) == "the record has more than 1000 fields, the limit");
  // The 1000 allowed fields sit on file lines 2 to 1001 (the fence is line 1): the first one
  // over the limit is on line 1002.
  CHECK(parsed.diagnostics[0].line == 1002);

  std::string json = R"({"title":"T","webUrl":"https://x.org/")";
  for (int i = 0; i < 200'000; ++i) json += ",\"k" + std::to_string(i) + "\":1";
  json += "}";
  parsed = parse_input(json, "many.json", InputFormat::kJson);
  CHECK(parsed.status == InputStatus::kFailed);
  CHECK(only_message(parsed) == "an object has more than 1000 fields, the limit");
}

TEST_CASE("a nested mapping over the field limit names its field", "[limits]") {
  ParseLimits limits;
  limits.max_mapping_fields = 3;
  ParsedInput parsed = parse_input(kHead + "meta: {a: 1, b: 2, c: 3, d: 4}\n---\n", "m.md",
                                   InputFormat::kFrontmatter, limits);
  CHECK(only_message(parsed) == "`meta` has more than 3 fields, the limit");
}

TEST_CASE("a record with more than max_values values is refused", "[limits]") {
  // 4 million list items in 16 MB of YAML, or 7 million numbers in JSON, took 140 MB and 465 MB
  // of memory as one record; a record is bounded by max_values instead.
  std::string yaml = kHead + "x:\n";
  for (int i = 0; i < 200'000; ++i) yaml += "- 1\n";
  yaml += "---\n";
  ParsedInput parsed = parse_input(yaml, "list.md", InputFormat::kFrontmatter);
  CHECK(only_message(parsed) == "the document has more than 100000 values, the limit");

  std::string json = R"({"title":"T","webUrl":"https://x.org/","x":[1)";
  for (int i = 0; i < 200'000; ++i) json += ",1";
  json += "]}";
  parsed = parse_input(json, "list.json", InputFormat::kJson);
  CHECK(only_message(parsed) == "the record has more than 100000 values, the limit");
  CHECK(parsed.diagnostics[0].line == 1);
  CHECK(parsed.diagnostics[0].column == 1);
}

TEST_CASE("aliases are charged against the document's byte limit before they expand", "[limits]") {
  // 1 MB of text aliased 5 000 times: 5 GB expanded. `check` took 4.9 GB and 6.8 s on it and
  // said "ok"; with less memory it died of bad_alloc.
  const std::string big(1'000'000, 'x');
  std::string yaml = "title: T\nwebUrl: https://x.org/\ns: &s " + big + "\ntags:\n";
  for (int i = 0; i < 5000; ++i) yaml += "  - *s\n";
  ParsedInput parsed = parse_input("---\n" + yaml + "---\n", "bomb.md", InputFormat::kFrontmatter);
  CHECK(parsed.status == InputStatus::kFailed);
  CHECK(parsed.articles.empty());
  CHECK(only_message(parsed) ==
        "aliases expand the document to more than 16777216 bytes, the limit (an alias bomb?)");
  // The first alias to carry the frontmatter past 16 MiB is the k-th, the least k with
  // yaml + k * 1 000 000 > 16 MiB; the aliases start on file line 6.
  std::size_t k = (ParseLimits{}.max_document_bytes - yaml.size()) / big.size() + 1;
  CHECK(parsed.diagnostics[0].line == int(5 + k));
  CHECK(parsed.diagnostics[0].column == 5);
}

TEST_CASE("the same bomb in topics stops at the second alias", "[limits]") {
  // As the real report had it: the topics, joined, are one value of at most 1 MiB.
  const std::string big(1'000'000, 'x');
  std::string text = kHead + "s: &s " + big + "\ntopics:\n";
  for (int i = 0; i < 5000; ++i) text += "  - *s\n";
  ParsedInput parsed = parse_input(text + "---\n", "bomb.md", InputFormat::kFrontmatter);
  CHECK(only_message(parsed) ==
        "`topics` hold more than 1048576 bytes of text, over the limit of 1048576 bytes for one "
        "value");
  CHECK(parsed.diagnostics[0].line == 7);  // the second alias, where the text passes 1 MiB
}

TEST_CASE("aliases nested in anchors are charged for all they expand to", "[limits]") {
  ParseLimits limits;
  limits.max_document_bytes = 10'000;
  // Each level doubles: a8 stands for 256 copies of a0's 30 bytes (7 680 bytes, under the
  // per-value limit), and two aliases of it pass the 10 000-byte document limit.
  std::string text = kHead + "a0: &a0 " + std::string(30, 'y') + "\n";
  for (int i = 1; i <= 8; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    text +=
        "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev + ", " + prev + "]\n";
  }
  text += "x: [*a8, *a8]\n---\n";
  ParsedInput parsed = parse_input(text, "nested.md", InputFormat::kFrontmatter, limits);
  CHECK(only_message(parsed) ==
        "aliases expand the document to more than 10000 bytes, the limit (an alias bomb?)");
}

TEST_CASE("what one alias stands for is one value, held to max_field_bytes", "[limits]") {
  ParseLimits limits;
  limits.max_field_bytes = 100;
  std::string text = kHead + "pair: &p [" + std::string(60, 'a') + ", " + std::string(60, 'b') +
                     "]\ncopy: *p\n---\n";
  ParsedInput parsed = parse_input(text, "alias.md", InputFormat::kFrontmatter, limits);
  CHECK(only_message(parsed) ==
        "`copy` is alias *p, 120 bytes of text, over the limit of 100 bytes for one value");
  CHECK(parsed.diagnostics[0].line == 5);
  CHECK(parsed.diagnostics[0].field == "copy");
}

TEST_CASE("the topics together are one value, held to max_field_bytes", "[limits]") {
  // The store joins the topics into one text it indexes: 16 aliases of a 1 MB topic made a 16 MB
  // text of a 1 MB file. Each topic here is within the limit; the three joined are 122 bytes.
  ParseLimits limits;
  limits.max_field_bytes = 100;
  std::string topic(40, 't');
  std::string text = kHead + "topics: [" + topic + ", " + topic + ", " + topic + "]\n---\n";
  ParsedInput parsed = parse_input(text, "topics.md", InputFormat::kFrontmatter, limits);
  CHECK(parsed.status == InputStatus::kFailed);
  CHECK(only_message(parsed) ==
        "`topics` hold more than 100 bytes of text, over the limit of 100 bytes for one value");
  // Two of them (81 bytes joined) are within it.
  text = kHead + "topics: [" + topic + ", " + topic + "]\n---\n";
  CHECK(parse_input(text, "two.md", InputFormat::kFrontmatter, limits).status ==
        InputStatus::kArticles);
}

TEST_CASE("a JSON value larger than max_field_bytes is refused as in YAML", "[limits]") {
  std::string json =
      R"({"title":"T","webUrl":"https://x.org/","excerpt":")" + std::string(2'000'000, 'a') + "\"}";
  ParsedInput parsed = parse_input(json, "huge.json", InputFormat::kJson);
  CHECK(parsed.status == InputStatus::kFailed);
  CHECK(only_message(parsed) ==
        "`excerpt` is 2000000 bytes, over the limit of 1048576 bytes for one value");
  CHECK(parsed.diagnostics[0].field == "excerpt");
}
