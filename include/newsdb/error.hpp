// Errors are values: every fallible library function returns Result<T>.
//
// Inside the library nothing throws across a public API and nothing prints; an Error carries a
// kind (what the CLI maps to an exit status and wording) and a message written for a person.
// A missing record is std::optional, not an Error. The one place that turns Errors into text and
// exit codes is src/cli/.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace newsdb {

enum class ErrorKind {
  kInvalidInput,   // the user's input (a file, a value, a flag) is wrong
  kNotFound,       // a named thing does not exist (a file, an article, a source)
  kIo,             // the operating system refused (permissions, disk full, ...)
  kStore,          // the database refused or is not usable (not newsdb, too new, corrupt)
  kNetwork,        // a fetch failed
  kUnsupported,    // a valid request this build or backend cannot serve
  kInternal,       // a bug: an invariant did not hold
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;
};

template <typename T>
using Result = std::expected<T, Error>;

// Shorthand for returning an error: `return fail(ErrorKind::kIo, "cannot open " + path);`
inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
  return std::unexpected<Error>(Error{kind, std::move(message)});
}

}  // namespace newsdb
