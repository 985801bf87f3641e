#include "ingest/parse_pool.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

namespace newsdb::ingest {
namespace {

// Appends to `out` until it holds `target` bytes or the input ends, reading at most `chunk`
// bytes a call. False on a read error (errno says which).
bool read_until(int fd, std::size_t target, std::size_t chunk, std::string& out) {
  while (out.size() < target) {
    std::size_t have = out.size();
    std::size_t want = std::min(target - have, chunk);
    ssize_t n = 0;
    out.resize_and_overwrite(have + want, [&](char* data, std::size_t) {
      do {
        n = ::read(fd, data + have, want);
      } while (n < 0 && errno == EINTR);
      return n > 0 ? have + std::size_t(n) : have;
    });
    if (n < 0) return false;
    if (n == 0) return true;
  }
  return true;
}

// How much nicer than the rest of the process the parsing threads are. An import is bound by its
// one writer thread (bench/ANALYSIS.md); with as many parsing threads as cores, the writer would
// otherwise share a core with a parser about a third of the time. Niced, the parsers fill the
// cores the writer leaves (parsing needs less CPU than writing, so they keep ahead of it).
constexpr int kParserNiceness = 5;

void become_parser_thread() {
  pthread_setname_np(pthread_self(), "newsdb-parse");
  // Linux applies a thread id's niceness to that thread alone. Best effort: parsing is the same
  // without it.
  errno = 0;
  int base = getpriority(PRIO_PROCESS, 0);
  if (errno == 0) (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), base + kParserNiceness);
}

bool looks_like_frontmatter_start(std::string_view prefix) {
  if (prefix.starts_with("\xEF\xBB\xBF")) prefix.remove_prefix(3);
  return prefix.starts_with("---");
}

ParsedInput read_failure(const InputItem& item, std::string message) {
  ParsedInput out;
  out.status = InputStatus::kFailed;
  out.failed_records = 1;
  out.diagnostics.push_back(Diagnostic{item.path, 0, 0, {}, std::move(message)});
  return out;
}

ParsedInput parse_item(const InputItem& item, const ParsePoolOptions& options) {
  Result<std::string> bytes =
      options.reader ? options.reader(item, options.limits) : read_input_file(item, options.limits);
  if (!bytes) return read_failure(item, bytes.error().message);
  InputFormat format =
      item.kind == InputKind::kStdin ? InputFormat::kNdjson : input_format_for_path(item.path);
  return parse_input(*bytes, item.path, format, options.limits);
}

}  // namespace

int effective_jobs(int jobs) {
  if (jobs > 0) return jobs;
  return std::max(1, int(std::thread::hardware_concurrency()));
}

Result<std::string> read_input_file(const InputItem& item, const ParseLimits& limits) {
  if (item.kind == InputKind::kArchive || item.kind == InputKind::kUrl) {
    return fail(ErrorKind::kUnsupported,
                "archives and URLs are expanded by the import pipeline, "
                "not read as one input");
  }
  if (item.kind == InputKind::kStdin) {
    std::string bytes;
    if (!read_until(STDIN_FILENO, limits.max_ndjson_bytes + 1, 64u << 10, bytes)) {
      return fail(ErrorKind::kIo, std::string("cannot read stdin: ") + std::strerror(errno));
    }
    return bytes;
  }
  int fd = ::open(item.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(ErrorKind::kIo, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return fail(ErrorKind::kInvalidInput, "is a folder, not a file");
  }
  InputFormat format = input_format_for_path(item.path);
  // One byte over the limit is enough for parse_input to see the input is too large.
  std::size_t limit =
      (format == InputFormat::kNdjson ? limits.max_ndjson_bytes : limits.max_document_bytes) + 1;
  std::string bytes;
  bool ok = true;
  if (!S_ISREG(st.st_mode)) {  // a pipe or a device: its size is unknown
    ok = read_until(fd, limit, 64u << 10, bytes);
  } else if (std::size_t(st.st_size) < limit) {
    bytes.reserve(std::size_t(st.st_size));
    ok = read_until(fd, std::size_t(st.st_size), std::size_t(st.st_size), bytes);  // one read
  } else if (format != InputFormat::kFrontmatter) {
    ok = read_until(fd, limit, limit, bytes);
  } else {
    // Too large to be an article: a video in a folder walk, say. Its first bytes decide.
    ok = read_until(fd, 8, 8, bytes);
    if (ok && looks_like_frontmatter_start(bytes)) ok = read_until(fd, limit, limit, bytes);
  }
  int error = errno;
  ::close(fd);
  if (!ok) return fail(ErrorKind::kIo, std::string("cannot read: ") + std::strerror(error));
  return bytes;
}

void parse_in_order(const std::vector<InputItem>& inputs, const ParsePoolOptions& options,
                    const ParsedCallback& deliver) {
  const std::size_t n = inputs.size();
  int jobs =
      std::min<std::size_t>(std::size_t(effective_jobs(options.jobs)), std::max<std::size_t>(n, 1));
  if (jobs <= 1) {
    for (const InputItem& item : inputs) {
      if (!deliver(item, parse_item(item, options))) return;
    }
    return;
  }
  const std::size_t window = std::max<std::size_t>(
      options.window > 0 ? options.window : std::size_t(4) * jobs, std::size_t(jobs));

  // Slot i % window holds input i's result from when a worker finishes it until the calling
  // thread delivers it. A worker may take input i only while i < delivered + window, so a slot
  // is never reused before its previous result was taken.
  std::vector<std::optional<ParsedInput>> slots(window);
  std::mutex mutex;
  std::condition_variable result_ready, slot_free;
  std::size_t next_to_take = 0, delivered = 0;
  bool stopping = false;

  // Wake-ups are the cost here (a futex call each, and a context switch on a busy machine), so
  // each side is woken only when the other is waiting for exactly what just happened.
  std::size_t blocked_workers = 0;
  bool deliverer_waiting = false;
  auto worker = [&] {
    become_parser_thread();
    for (;;) {
      std::size_t index;
      {
        std::unique_lock lock(mutex);
        auto may_take = [&] {
          return stopping || next_to_take >= n || next_to_take < delivered + window;
        };
        if (!may_take()) {
          ++blocked_workers;
          slot_free.wait(lock, may_take);
          --blocked_workers;
        }
        if (stopping || next_to_take >= n) return;
        index = next_to_take++;
      }
      ParsedInput parsed = parse_item(inputs[index], options);
      bool wake;
      {
        std::lock_guard lock(mutex);
        slots[index % window] = std::move(parsed);
        wake = deliverer_waiting && index == delivered;
      }
      if (wake) result_ready.notify_one();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (int i = 0; i < jobs; ++i) threads.emplace_back(worker);

  for (std::size_t index = 0; index < n; ++index) {
    ParsedInput parsed;
    bool wake;
    {
      std::unique_lock lock(mutex);
      auto ready = [&] { return slots[index % window].has_value(); };
      if (!ready()) {
        deliverer_waiting = true;
        result_ready.wait(lock, ready);
        deliverer_waiting = false;
      }
      parsed = std::move(*slots[index % window]);
      slots[index % window].reset();
      delivered = index + 1;
      wake = blocked_workers > 0;
    }
    if (wake) slot_free.notify_all();
    if (!deliver(inputs[index], std::move(parsed))) {
      std::lock_guard lock(mutex);
      stopping = true;
      break;
    }
  }
  slot_free.notify_all();  // workers blocked on a full window see `stopping` or the end
  for (std::thread& t : threads) t.join();
}

}  // namespace newsdb::ingest
