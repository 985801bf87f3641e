#include "ingest/discovery.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

namespace newsdb::ingest {
namespace {

std::int64_t mtime_ns(const struct stat& st) {
  return std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

Diagnostic problem(std::string path, std::string message, Severity severity = Severity::kError) {
  return Diagnostic{std::move(path), 0, 0, {}, std::move(message), severity};
}

std::string join(const std::string& folder, const std::string& name) {
  if (folder.empty() || folder.back() == '/') return folder + name;
  return folder + "/" + name;
}

// Walks one folder argument. Paths are collected, then sorted as whole relative paths, so the
// order does not depend on how the walk met them.
class FolderWalk {
 public:
  explicit FolderWalk(Discovery& out) : out_(out) {}

  void walk(const std::string& root, const struct stat& root_stat) {
    visited_.insert({root_stat.st_dev, root_stat.st_ino});
    std::vector<std::string> pending{root};
    while (!pending.empty()) {
      std::string folder = std::move(pending.back());
      pending.pop_back();
      read_folder(folder, pending);
    }
    std::sort(files_.begin(), files_.end(),
              [](const InputItem& a, const InputItem& b) { return a.path < b.path; });
    for (InputItem& item : files_) out_.inputs.push_back(std::move(item));
    files_.clear();
  }

 private:
  // Lists one folder's entries in sorted order, so which of two paths to one folder is walked
  // (and which warned about) does not depend on the filesystem's order.
  void read_folder(const std::string& folder, std::vector<std::string>& pending) {
    DIR* dir = opendir(folder.c_str());
    if (dir == nullptr) {
      out_.problems.push_back(
          problem(folder, std::string("cannot read folder: ") + std::strerror(errno)));
      return;
    }
    std::vector<std::string> names;
    while (const dirent* entry = readdir(dir)) {
      if (entry->d_name[0] != '.') names.emplace_back(entry->d_name);  // hidden, . and ..
    }
    closedir(dir);
    std::sort(names.begin(), names.end());
    std::vector<std::string> subfolders;
    for (const std::string& name : names) {
      std::string path = join(folder, name);
      struct stat st;
      if (stat(path.c_str(), &st) != 0) {  // follows symbolic links
        int error = errno;
        out_.problems.push_back(problem(path,
                                        error == ELOOP ? "skipped: a symbolic link loop"
                                        : error == ENOENT
                                            ? "skipped: a symbolic link to nothing"
                                            : std::string("skipped: ") + std::strerror(error),
                                        Severity::kWarning));
      } else if (S_ISDIR(st.st_mode)) {
        if (visited_.insert({st.st_dev, st.st_ino}).second) {
          subfolders.push_back(std::move(path));
        } else {
          out_.problems.push_back(
              problem(path, "skipped: this folder was already walked (a symbolic link loop?)",
                      Severity::kWarning));
        }
      } else if (S_ISREG(st.st_mode)) {
        InputKind kind =
            input_kind_for(name) == InputKind::kArchive ? InputKind::kArchive : InputKind::kFile;
        files_.push_back(InputItem{kind, InputOrigin::kFolderWalk, std::move(path),
                                   std::uint64_t(st.st_size), mtime_ns(st)});
      }
      // Sockets, pipes and devices met in a walk are not inputs (a pipe would block the read).
    }
    // Depth first, smallest name first: push in reverse.
    for (auto it = subfolders.rbegin(); it != subfolders.rend(); ++it) {
      pending.push_back(std::move(*it));
    }
  }

  Discovery& out_;
  std::set<std::pair<dev_t, ino_t>> visited_;
  std::vector<InputItem> files_;
};

}  // namespace

InputKind input_kind_for(const std::string& path) {
  if (path == "-") return InputKind::kStdin;
  if (path.starts_with("http://") || path.starts_with("https://")) return InputKind::kUrl;
  if (path.ends_with(".tar") || path.ends_with(".tar.gz") || path.ends_with(".tgz")) {
    return InputKind::kArchive;
  }
  return InputKind::kFile;
}

Discovery discover_inputs(const std::vector<std::string>& sources) {
  Discovery out;
  for (const std::string& source : sources) {
    InputKind kind = input_kind_for(source);
    if (kind == InputKind::kStdin || kind == InputKind::kUrl) {
      out.inputs.push_back(InputItem{kind, InputOrigin::kArgument, source, 0, 0});
      continue;
    }
    struct stat st;
    if (stat(source.c_str(), &st) != 0) {
      int error = errno;
      out.problems.push_back(
          problem(source, error == ENOENT ? "no such file or folder" : std::strerror(error)));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      FolderWalk(out).walk(source, st);
      continue;
    }
    // A named file is read whatever it is (a regular file, a pipe such as <(...), a device).
    out.inputs.push_back(InputItem{kind, InputOrigin::kArgument, source,
                                   S_ISREG(st.st_mode) ? std::uint64_t(st.st_size) : 0,
                                   mtime_ns(st)});
  }
  return out;
}

}  // namespace newsdb::ingest
