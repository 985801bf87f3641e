#include "store/postgres/read_only_sql.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "store/sql_session.hpp"

namespace newsdb::postgres {
namespace {

// Type OIDs (pg_type.h): how a cell is handed to the sink.
constexpr unsigned kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26,
                   kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

bool space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Skips blanks and comments from `i`; returns where the next token starts.
std::size_t skip_blank(std::string_view s, std::size_t i) {
  for (;;) {
    while (i < s.size() && space(s[i])) ++i;
    if (s.substr(i, 2) == "--") {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (s.substr(i, 2) == "/*") {
      int depth = 0;
      do {
        if (s.substr(i, 2) == "/*") { ++depth; i += 2; }
        else if (s.substr(i, 2) == "*/") { --depth; i += 2; }
        else ++i;
      } while (depth > 0 && i < s.size());
    } else {
      return i;
    }
  }
}

std::string first_keyword(std::string_view statement) {
  std::size_t i = skip_blank(statement, 0);
  while (i < statement.size() && statement[i] == '(') i = skip_blank(statement, i + 1);
  std::string word;
  while (i < statement.size() && std::isalpha(static_cast<unsigned char>(statement[i]))) {
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(statement[i++])));
  }
  return word;
}

bool is_query(std::string_view statement) {
  static const char* kQueries[] = {"SELECT", "WITH", "VALUES", "TABLE", "EXPLAIN", "SHOW"};
  std::string word = first_keyword(statement);
  return std::any_of(std::begin(kQueries), std::end(kQueries),
                     [&](const char* q) { return word == q; });
}

std::string shortened(const std::string& statement) {
  return statement.size() > 80 ? statement.substr(0, 77) + "..." : statement;
}

// The user's prepared statements, deallocated when done (they outlive a rollback otherwise).
class UserStatements {
 public:
  explicit UserStatements(Connection& conn) : conn_(conn) {}
  ~UserStatements() {
    for (std::size_t i = 0; i < count_; ++i) (void)conn_.exec("DEALLOCATE " + name(i));
  }
  UserStatements(const UserStatements&) = delete;
  UserStatements& operator=(const UserStatements&) = delete;

  Result<void> add(const std::string& sql) {
    auto r = conn_.prepare(name(count_), sql);
    if (r) ++count_;
    return r;
  }
  std::string name(std::size_t i) const { return "newsdb_user_sql_" + std::to_string(i); }

 private:
  Connection& conn_;
  std::size_t count_ = 0;
};

Error user_error(const Error& e) { return Error{ErrorKind::kInvalidInput, e.message}; }

// The session's view with readable times (store/sql_session.hpp). A reading connection's
// transactions are read-only by default; this one statement runs in its own READ WRITE one,
// which can create only this temporary view.
constexpr const char* kCreateIsoView = R"sql(
BEGIN READ WRITE;
CREATE OR REPLACE TEMP VIEW articles_iso AS
SELECT a.id, a.url, a.title,
       to_char(to_timestamp(a.published_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
         AS published_at,
       p.name AS provider, p.domain AS provider_domain, a.category, a.type, a.quality, a.heat,
       a.published, a.excerpt, a.topics, a.source_path,
       to_char(to_timestamp(a.first_seen_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
         AS first_seen_at,
       to_char(to_timestamp(a.updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
         AS updated_at
FROM public.articles a LEFT JOIN public.providers p ON p.id = a.provider_id;
COMMIT;
)sql";

Result<void> create_iso_view(Connection& conn) {
  if (auto r = conn.exec(kCreateIsoView); !r) {
    conn.rollback_quietly();
    return std::unexpected(r.error());
  }
  return {};
}

std::string unhex(std::string_view text) {
  std::string out;
  if (!text.starts_with("\\x")) return std::string(text);
  auto nibble = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10); };
  for (std::size_t i = 2; i + 1 < text.size(); i += 2) {
    out += static_cast<char>(nibble(text[i]) * 16 + nibble(text[i + 1]));
  }
  return out;
}

SqlValue cell(const PgResult& r, int row, int column) {
  if (r.is_null(row, column)) return std::monostate{};
  std::string_view text = r.text(row, column);
  switch (r.column_type(column)) {
    case kBool: return std::int64_t{text == "t" ? 1 : 0};
    case kInt2: case kInt4: case kInt8: case kOid: return r.int64(row, column);
    case kFloat4: case kFloat8: return std::strtod(std::string(text).c_str(), nullptr);
    case kNumeric: {
      // sum() of integers is numeric in PostgreSQL but an integer in SQLite: whole values that fit
      // come back as integers.
      std::string s(text);
      if (s.find_first_of(".eEN") == std::string::npos && s.size() < 19) return std::stoll(s);
      return std::strtod(s.c_str(), nullptr);
    }
    case kBytea: return SqlBlob{unhex(text)};
    default: return std::string(text);
  }
}

}  // namespace

std::vector<std::string> split_statements(std::string_view sql) {
  std::vector<std::string> out;
  std::size_t start = 0, i = 0;
  auto flush = [&](std::size_t end) {
    std::string_view piece = sql.substr(start, end - start);
    std::size_t b = skip_blank(piece, 0);
    if (b < piece.size()) {
      std::string statement(piece.substr(b));
      while (!statement.empty() && space(statement.back())) statement.pop_back();
      out.push_back(std::move(statement));
    }
  };
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      // Quoted: a doubled quote stays inside; E'..' strings may also escape with a backslash.
      bool escapes = c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e');
      for (++i; i < sql.size(); ++i) {
        if (escapes && sql[i] == '\\') { ++i; continue; }
        if (sql[i] == c) {
          if (i + 1 < sql.size() && sql[i + 1] == c) { ++i; continue; }
          break;
        }
      }
      ++i;
    } else if (c == '$') {
      // $tag$ ... $tag$ (a positional parameter $1 has no closing $ before a non-tag character).
      std::size_t end = i + 1;
      while (end < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '_')) ++end;
      if (end < sql.size() && sql[end] == '$' && !std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
        std::string tag(sql.substr(i, end - i + 1));
        auto close = sql.find(tag, end + 1);
        i = close == std::string_view::npos ? sql.size() : close + tag.size();
      } else {
        ++i;
      }
    } else if (sql.substr(i, 2) == "--" || sql.substr(i, 2) == "/*") {
      i = skip_blank(sql, i);
    } else if (c == ';') {
      flush(i);
      start = ++i;
    } else {
      ++i;
    }
  }
  flush(sql.size());
  return out;
}

Result<void> run_read_only_sql(Connection& conn, std::string_view sql, SqlRowSink& sink,
                               std::chrono::milliseconds timeout) {
  auto statements = split_statements(sql);
  if (statements.empty()) return fail(ErrorKind::kInvalidInput, "no SQL statement given");
  if (auto r = create_iso_view(conn); !r) return r;
  std::vector<PgResult> results;
  {
    // Declared before the transaction, so the statements are dropped after it has rolled back.
    UserStatements prepared(conn);
    auto tx = Transaction::begin(conn, Transaction::Kind::kSnapshot);
    if (!tx) return std::unexpected(tx.error());
    // The server stops a statement past the limit (0 = none), for this transaction only.
    if (auto r = conn.exec("SET LOCAL statement_timeout = " + std::to_string(timeout.count()));
        !r) {
      return std::unexpected(r.error());
    }
    // Everything is parsed and planned before anything runs (parsing runs nothing, whatever the
    // statement), so a syntax error anywhere is reported as the server's syntax error ...
    for (const auto& statement : statements) {
      if (auto r = prepared.add(statement); !r) return std::unexpected(user_error(r.error()));
    }
    // ... and a statement that parses but is not a query is refused before any runs.
    for (const auto& statement : statements) {
      if (!is_query(statement)) {
        return fail(ErrorKind::kInvalidInput,
                    "newsdb sql only reads; refused: " + shortened(statement));
      }
    }
    for (std::size_t i = 0; i < statements.size(); ++i) {
      auto r = conn.exec("EXECUTE " + prepared.name(i));
      // 57014 query_canceled: here only statement_timeout cancels.
      if (!r && conn.last_sqlstate() == "57014" && timeout.count() > 0) {
        return std::unexpected(store::sql_timeout_error(timeout));
      }
      if (!r) return std::unexpected(user_error(r.error()));
      results.push_back(std::move(*r));
    }
  }  // READ ONLY: nothing to commit
  for (const auto& r : results) {
    std::vector<std::string> names;
    for (int c = 0; c < r.columns(); ++c) names.push_back(r.column_name(c));
    if (auto ok = sink.columns(names); !ok) return ok;
    std::vector<SqlValue> row(static_cast<std::size_t>(r.columns()));
    for (int i = 0; i < r.rows(); ++i) {
      for (int c = 0; c < r.columns(); ++c) row[static_cast<std::size_t>(c)] = cell(r, i, c);
      if (auto ok = sink.row(row); !ok) return ok;
    }
  }
  return {};
}

Result<std::vector<TableSchema>> read_schema(Connection& conn) {
  if (auto r = create_iso_view(conn); !r) return std::unexpected(r.error());
  auto r = conn.exec(
      "SELECT c.table_name, t.table_type = 'VIEW', c.column_name, "
      "       CASE WHEN c.data_type = 'USER-DEFINED' THEN c.udt_name ELSE c.data_type END "
      "FROM information_schema.columns c JOIN information_schema.tables t "
      "  ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
      "WHERE c.table_schema = 'public' OR c.table_schema = pg_my_temp_schema()::regnamespace::text "
      "ORDER BY c.table_name, c.ordinal_position");
  if (!r) return std::unexpected(r.error());
  std::vector<TableSchema> out;
  for (int i = 0; i < r->rows(); ++i) {
    std::string table(r->text(i, 0));
    if (out.empty() || out.back().name != table) {
      out.push_back(TableSchema{table, r->text(i, 1) == "t", {}});
    }
    out.back().columns.emplace_back(std::string(r->text(i, 2)), std::string(r->text(i, 3)));
  }
  return out;
}

}  // namespace newsdb::postgres
