// The ImportLog of a backend whose article writer keeps the log (the SQLite and PostgreSQL
// writers do: the records and errors are written in the writer's transactions, and read on its
// connection, inside its open transaction when there is one). Reading goes through this
// interface, not the writer's; the writer is made when the log is first used.
#pragma once

#include <functional>
#include <newsdb/import_log.hpp>

namespace newsdb::store {

template <typename Writer>
class WriterImportLog final : public ImportLog {
 public:
  // `writer` is called on each use: it makes the writer on first use and returns it.
  explicit WriterImportLog(std::function<Writer&()> writer) : writer_(std::move(writer)) {}

  Result<std::vector<std::optional<ImportRecord>>> lookup(
      std::span<const std::string> paths) override {
    return writer_().lookup(paths);
  }
  Result<std::vector<FailedInput>> failed_inputs() override { return writer_().failed_inputs(); }
  Result<std::vector<std::string>> failed_under(const std::string& folder) override {
    return writer_().failed_under(folder);
  }
  Result<void> forget_inputs(std::span<const std::string> paths) override {
    return writer_().forget_inputs(paths);
  }

 private:
  std::function<Writer&()> writer_;
};

}  // namespace newsdb::store
