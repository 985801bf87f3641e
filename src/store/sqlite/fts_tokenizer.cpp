#include "store/sqlite/fts_tokenizer.hpp"

#include <sqlite3.h>

#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "store/search/index_tokens.hpp"

namespace newsdb::sqlite {
namespace {

// unicode61's arguments: the same word characters as search/word_scan.hpp (which PostgreSQL's
// tokens are cut by), accents removed.
constexpr const char* kDocumentArgs[] = {"remove_diacritics", "2", "categories", "L* N* Co M*"};
constexpr const char* kQueryArgs[] = {"remove_diacritics", "2", "categories", "L* N* Co M*",
                                      "tokenchars", "+#.-/&~"};

fts5_api* fts5_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

struct Tokenizer {
  fts5_tokenizer unicode{};
  Fts5Tokenizer* document = nullptr;
  Fts5Tokenizer* query = nullptr;
};

int create(void* context, const char** /*args*/, int /*count*/, Fts5Tokenizer** out) {
  auto* api = static_cast<fts5_api*>(context);
  void* unicode_context = nullptr;
  auto t = std::make_unique<Tokenizer>();
  int rc = api->xFindTokenizer(api, "unicode61", &unicode_context, &t->unicode);
  if (rc != SQLITE_OK) return rc;
  rc = t->unicode.xCreate(unicode_context, const_cast<const char**>(kDocumentArgs),
                          std::size(kDocumentArgs), &t->document);
  if (rc != SQLITE_OK) return rc;
  rc = t->unicode.xCreate(unicode_context, const_cast<const char**>(kQueryArgs),
                          std::size(kQueryArgs), &t->query);
  if (rc != SQLITE_OK) {
    t->unicode.xDelete(t->document);
    return rc;
  }
  *out = reinterpret_cast<Fts5Tokenizer*>(t.release());
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer* tokenizer) {
  auto* t = reinterpret_cast<Tokenizer*>(tokenizer);
  t->unicode.xDelete(t->document);
  t->unicode.xDelete(t->query);
  delete t;
}

using TokenFn = int (*)(void*, int, const char*, int, int, int);

// The words unicode61 found in one text: folded bytes in one buffer (its token pointers live only
// for the callback), spans into it. Reused per thread: no allocation once grown.
struct Words {
  std::string bytes;
  struct Span {
    std::size_t at, size, start, end;
  };
  std::vector<Span> spans;
  std::vector<search::BaseToken> tokens;
};

int collect(void* context, int /*flags*/, const char* token, int size, int start, int end) {
  auto* words = static_cast<Words*>(context);
  words->spans.push_back(Words::Span{words->bytes.size(), static_cast<std::size_t>(size),
                                     static_cast<std::size_t>(start), static_cast<std::size_t>(end)});
  words->bytes.append(token, static_cast<std::size_t>(size));
  return SQLITE_OK;
}

class FtsSink final : public search::TokenSink {
 public:
  FtsSink(void* context, TokenFn emit) : context_(context), emit_(emit) {}
  bool token(std::string_view text, std::size_t start, std::size_t end,
             search::TokenRole role) override {
    int flags = role == search::TokenRole::kWord ? 0 : FTS5_TOKEN_COLOCATED;
    rc_ = emit_(context_, flags, text.data(), static_cast<int>(text.size()), static_cast<int>(start),
                static_cast<int>(end));
    return rc_ == SQLITE_OK;
  }
  int rc() const { return rc_; }

 private:
  void* context_;
  TokenFn emit_;
  int rc_ = SQLITE_OK;
};

struct QueryContext {
  void* context;
  TokenFn emit;
};

int query_token(void* context, int flags, const char* token, int size, int start, int end) {
  auto* q = static_cast<QueryContext*>(context);
  std::string_view text(token, static_cast<std::size_t>(size));
  if (!search::has_spaceless(text)) return q->emit(q->context, flags, token, size, start, end);
  int rc = SQLITE_OK;
  search::spaceless_pieces(text, [&](std::string_view piece, std::size_t) {
    rc = q->emit(q->context, 0, piece.data(), static_cast<int>(piece.size()), start, end);
    return rc == SQLITE_OK;
  });
  return rc;
}

int tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text, int size,
             TokenFn emit) {
  auto* t = reinterpret_cast<Tokenizer*>(tokenizer);
  if (flags & FTS5_TOKENIZE_QUERY) {
    QueryContext q{context, emit};
    return t->unicode.xTokenize(t->query, &q, flags, text, size, query_token);
  }
  thread_local Words words;
  words.bytes.clear();
  words.spans.clear();
  words.tokens.clear();
  int rc = t->unicode.xTokenize(t->document, &words, flags, text, size, collect);
  if (rc != SQLITE_OK) return rc;
  for (const auto& s : words.spans) {
    words.tokens.push_back(search::BaseToken{std::string_view(words.bytes).substr(s.at, s.size),
                                             s.start, s.end});
  }
  FtsSink sink(context, emit);
  search::index_tokens(std::string_view(text, static_cast<std::size_t>(size)), words.tokens, sink);
  return sink.rc();
}

}  // namespace

Result<void> register_fts_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_of(db);
  if (!api) return fail(ErrorKind::kStore, "this SQLite library has no FTS5 full-text search");
  static fts5_tokenizer module{create, destroy, tokenize};
  if (api->xCreateTokenizer(api, "newsdb", api, &module, nullptr) != SQLITE_OK) {
    return fail(ErrorKind::kStore, std::string("cannot register the full-text tokenizer: ") +
                                       sqlite3_errmsg(db));
  }
  return {};
}

}  // namespace newsdb::sqlite
