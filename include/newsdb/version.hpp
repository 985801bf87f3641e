#pragma once

namespace newsdb {
// The release version, e.g. "0.1.0" (from CMake's project version).
inline constexpr const char* kVersion = NEWSDB_VERSION;
}  // namespace newsdb
