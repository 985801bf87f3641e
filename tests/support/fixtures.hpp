// Reading fixture files from tests/data/.
#pragma once

#include <string>

namespace newsdb::test {

// The bytes of tests/data/<relative>; throws std::runtime_error when it cannot be read.
std::string read_fixture(const std::string& relative);

}  // namespace newsdb::test
