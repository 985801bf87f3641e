// Runs the built newsdb binary as a user would and captures what it prints, for CLI tests.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace newsdb::test {

struct Ran {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quoted(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// `env` is a list of NAME=VALUE set for this run only. stdout and stderr are files (not a
// terminal) unless `terminal`, which runs the command under script(1) on a pseudo-terminal
// (stdout and stderr are then both in `out`).
inline Ran run_cli(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                      bool terminal = false) {
  TempDir dir;
  std::string command = "env";
  for (const auto& e : env) command += " " + shell_quoted(e);
  command += " " + shell_quoted(NEWSDB_BINARY);
  for (const auto& a : args) command += " " + shell_quoted(a);
  std::string line;
  if (terminal) {
    line = "COLUMNS=100 script -qefc " + shell_quoted("stty cols 100; " + command) + " /dev/null > " +
           shell_quoted((dir.path() / "out").string()) + " 2> " +
           shell_quoted((dir.path() / "err").string()) + " < /dev/null";
  } else {
    line = command + " > " + shell_quoted((dir.path() / "out").string()) + " 2> " +
           shell_quoted((dir.path() / "err").string()) + " < /dev/null";
  }
  int raw = std::system(line.c_str());
  Ran ran;
  ran.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  ran.out = slurp(dir.path() / "out");
  ran.err = slurp(dir.path() / "err");
  return ran;
}

inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// RFC 4180 records (CRLF or LF ends, quoted fields with doubled quotes and embedded newlines).
inline std::vector<std::vector<std::string>> csv_records(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      record.push_back(field);
      records.push_back(record);
      record.clear();
      field.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !record.empty()) {
    record.push_back(field);
    records.push_back(record);
  }
  return records;
}

}  // namespace newsdb::test
