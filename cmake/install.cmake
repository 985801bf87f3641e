# `cmake --install build --prefix P`: the program, its man page and shell completions, and the
# library (headers, static parts, a CMake package: find_package(newsdb) -> newsdb::newsdb).
# CPack turns the same into a .deb (cpack --config build/CPackConfig.cmake -G DEB).
include(GNUInstallDirs)
# `ninja install` and CPack install what is built instead of building every test first; build the
# program (and newsdb_man) before installing.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
include(CMakePackageConfigHelpers)

# The man page, generated from the program's own help each time the program changes.
set(NEWSDB_MAN ${CMAKE_CURRENT_BINARY_DIR}/newsdb.1)
add_custom_command(OUTPUT ${NEWSDB_MAN}
  COMMAND ${CMAKE_COMMAND} -DNEWSDB=$<TARGET_FILE:newsdb> -DOUT=${NEWSDB_MAN}
          -DVERSION=${PROJECT_VERSION} -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/newsdb_man.cmake
  DEPENDS newsdb ${CMAKE_CURRENT_SOURCE_DIR}/cmake/newsdb_man.cmake
  COMMENT "Writing the man page newsdb.1 from newsdb --help")
add_custom_target(newsdb_man ALL DEPENDS ${NEWSDB_MAN})

# `newsdb serve` runs newsdb-serve from the folder newsdb is in.
install(TARGETS newsdb newsdb-serve RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${NEWSDB_MAN} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
set(completions ${CMAKE_CURRENT_SOURCE_DIR}/dist/completions)
install(FILES ${completions}/newsdb.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME newsdb)
install(FILES ${completions}/_newsdb DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
install(FILES ${completions}/newsdb.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES README.md docs/format.md DESTINATION ${CMAKE_INSTALL_DOCDIR} OPTIONAL)

# The library: every part but the CLI, and newsdb::newsdb linking them all.
install(DIRECTORY include/newsdb DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
add_library(newsdb_library INTERFACE)
target_link_libraries(newsdb_library INTERFACE newsdb_ingest newsdb_net newsdb_store newsdb_story
                                               newsdb_core)
set_target_properties(newsdb_library PROPERTIES EXPORT_NAME newsdb)
set(parts newsdb_core newsdb_story newsdb_store newsdb_net newsdb_ingest newsdb_dynload)
foreach(part ${parts})
  string(REPLACE "newsdb_" "" short ${part})
  set_target_properties(${part} PROPERTIES EXPORT_NAME ${short})
endforeach()
install(TARGETS ${parts} newsdb_yaml_cpp newsdb_library EXPORT newsdbTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
set(NEWSDB_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/newsdb)
install(EXPORT newsdbTargets NAMESPACE newsdb:: DESTINATION ${NEWSDB_CMAKE_DIR})
configure_package_config_file(cmake/newsdbConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/newsdbConfig.cmake INSTALL_DESTINATION ${NEWSDB_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/newsdbConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/newsdbConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/newsdbConfigVersion.cmake
        DESTINATION ${NEWSDB_CMAKE_DIR})

# The .deb. Its dependencies: what dpkg-shlibdeps finds the program linked against, and the
# libraries newsdb opens itself on first use (NEWSDB_LAZY_LOAD), which no linker record shows.
set(CPACK_PACKAGE_NAME newsdb)
set(CPACK_PACKAGE_VENDOR "newsdb")
set(CPACK_PACKAGE_CONTACT "newsdb maintainers <newsdb@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "database of news articles: import, query, search, fetch feeds")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)  # the program; static archives keep their symbols
# Opened with dlopen under NEWSDB_LAZY_LOAD, so not in the program's linker record; declared
# either way (with the option off dpkg-shlibdeps finds them too).
set(NEWSDB_DEB_DEPENDS "libcurl4, libxml2, libarchive13")
if(NEWSDB_POSTGRES)
  string(APPEND NEWSDB_DEB_DEPENDS ", libpq5")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS ${NEWSDB_DEB_DEPENDS})
include(CPack)
