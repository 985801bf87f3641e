#include "cli/app.hpp"

int main(int argc, char** argv) { return newsdb::cli::run(argc, argv); }
