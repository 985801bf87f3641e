// Where the tests find the build's binary and the project's fixtures. The values live in one
// generated source file (see tests/CMakeLists.txt) rather than in -D flags, so that every other
// test file compiles identically in every checkout and ccache can share the work.
#pragma once

namespace newsdb::test::build_paths {
const char* binary();      // the newsdb executable under test
const char* source_dir();  // the project's root
const char* test_data();   // tests/data
const char* samples();     // samples/
}  // namespace newsdb::test::build_paths
