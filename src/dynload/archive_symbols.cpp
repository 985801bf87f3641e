// libarchive's functions as newsdb uses them (src/ingest/archive_reader.cpp), loaded on first
// use (lazy_library.hpp).
#include <archive.h>
#include <archive_entry.h>

#include "dynload/lazy_library.hpp"

using newsdb::dynload::kArchive;

NEWSDB_LAZY_FUNCTION(kArchive, struct archive*, archive_read_new, (void), ())
NEWSDB_LAZY_FUNCTION(kArchive, int, archive_read_free, (struct archive * a), (a))
NEWSDB_LAZY_FUNCTION(kArchive, int, archive_read_support_filter_all, (struct archive * a), (a))
NEWSDB_LAZY_FUNCTION(kArchive, int, archive_read_support_format_tar, (struct archive * a), (a))
NEWSDB_LAZY_FUNCTION(kArchive, int, archive_read_support_format_gnutar, (struct archive * a),
                     (a))
NEWSDB_LAZY_FUNCTION(kArchive, int, archive_read_open_filename,
                     (struct archive * a, const char* path, size_t block_size),
                     (a, path, block_size))
NEWSDB_LAZY_FUNCTION(kArchive, int, archive_read_next_header,
                     (struct archive * a, struct archive_entry** entry), (a, entry))
NEWSDB_LAZY_FUNCTION(kArchive, la_ssize_t, archive_read_data,
                     (struct archive * a, void* buffer, size_t size), (a, buffer, size))
NEWSDB_LAZY_FUNCTION(kArchive, int, archive_read_data_skip, (struct archive * a), (a))
NEWSDB_LAZY_FUNCTION(kArchive, const char*, archive_error_string, (struct archive * a), (a))
NEWSDB_LAZY_FUNCTION(kArchive, const char*, archive_entry_pathname,
                     (struct archive_entry * entry), (entry))
NEWSDB_LAZY_FUNCTION(kArchive, la_int64_t, archive_entry_size, (struct archive_entry * entry),
                     (entry))
NEWSDB_LAZY_FUNCTION(kArchive, __LA_MODE_T, archive_entry_filetype,
                     (struct archive_entry * entry), (entry))
NEWSDB_LAZY_FUNCTION(kArchive, time_t, archive_entry_mtime, (struct archive_entry * entry),
                     (entry))
NEWSDB_LAZY_FUNCTION(kArchive, long, archive_entry_mtime_nsec, (struct archive_entry * entry),
                     (entry))
