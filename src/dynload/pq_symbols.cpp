// libpq's functions as newsdb uses them (src/store/postgres), loaded on first use
// (lazy_library.hpp). Built only with the PostgreSQL backend.
#if NEWSDB_HAVE_POSTGRES
#include <libpq-fe.h>

#include "dynload/lazy_library.hpp"

using newsdb::dynload::kPq;

NEWSDB_LAZY_FUNCTION(kPq, PGconn*, PQconnectdbParams,
                     (const char* const* keywords, const char* const* values, int expand_dbname),
                     (keywords, values, expand_dbname))
NEWSDB_LAZY_FUNCTION(kPq, void, PQfinish, (PGconn * conn), (conn))
NEWSDB_LAZY_FUNCTION(kPq, PQconninfoOption*, PQconninfoParse,
                     (const char* conninfo, char** errmsg), (conninfo, errmsg))
NEWSDB_LAZY_FUNCTION(kPq, void, PQconninfoFree, (PQconninfoOption * options), (options))
NEWSDB_LAZY_FUNCTION(kPq, char*, PQdb, (const PGconn* conn), (conn))
NEWSDB_LAZY_FUNCTION(kPq, char*, PQhost, (const PGconn* conn), (conn))
NEWSDB_LAZY_FUNCTION(kPq, char*, PQport, (const PGconn* conn), (conn))
NEWSDB_LAZY_FUNCTION(kPq, ConnStatusType, PQstatus, (const PGconn* conn), (conn))
NEWSDB_LAZY_FUNCTION(kPq, char*, PQerrorMessage, (const PGconn* conn), (conn))
NEWSDB_LAZY_FUNCTION(kPq, PQnoticeProcessor, PQsetNoticeProcessor,
                     (PGconn * conn, PQnoticeProcessor proc, void* arg), (conn, proc, arg))
NEWSDB_LAZY_FUNCTION(kPq, PGresult*, PQexec, (PGconn * conn, const char* query), (conn, query))
NEWSDB_LAZY_FUNCTION(kPq, PGresult*, PQexecParams,
                     (PGconn * conn, const char* command, int n, const Oid* types,
                      const char* const* values, const int* lengths, const int* formats,
                      int result_format),
                     (conn, command, n, types, values, lengths, formats, result_format))
NEWSDB_LAZY_FUNCTION(kPq, PGresult*, PQprepare,
                     (PGconn * conn, const char* name, const char* query, int n,
                      const Oid* types),
                     (conn, name, query, n, types))
NEWSDB_LAZY_FUNCTION(kPq, PGresult*, PQexecPrepared,
                     (PGconn * conn, const char* name, int n, const char* const* values,
                      const int* lengths, const int* formats, int result_format),
                     (conn, name, n, values, lengths, formats, result_format))
NEWSDB_LAZY_FUNCTION(kPq, PGresult*, PQgetResult, (PGconn * conn), (conn))
NEWSDB_LAZY_FUNCTION(kPq, int, PQputCopyData, (PGconn * conn, const char* buffer, int nbytes),
                     (conn, buffer, nbytes))
NEWSDB_LAZY_FUNCTION(kPq, int, PQputCopyEnd, (PGconn * conn, const char* errormsg),
                     (conn, errormsg))
NEWSDB_LAZY_FUNCTION(kPq, ExecStatusType, PQresultStatus, (const PGresult* res), (res))
NEWSDB_LAZY_FUNCTION(kPq, char*, PQresultErrorMessage, (const PGresult* res), (res))
NEWSDB_LAZY_FUNCTION(kPq, char*, PQresultErrorField, (const PGresult* res, int field),
                     (res, field))
NEWSDB_LAZY_FUNCTION(kPq, int, PQntuples, (const PGresult* res), (res))
NEWSDB_LAZY_FUNCTION(kPq, int, PQnfields, (const PGresult* res), (res))
NEWSDB_LAZY_FUNCTION(kPq, char*, PQfname, (const PGresult* res, int field), (res, field))
NEWSDB_LAZY_FUNCTION(kPq, Oid, PQftype, (const PGresult* res, int field), (res, field))
NEWSDB_LAZY_FUNCTION(kPq, char*, PQcmdTuples, (PGresult * res), (res))
NEWSDB_LAZY_FUNCTION(kPq, char*, PQgetvalue, (const PGresult* res, int row, int field),
                     (res, row, field))
NEWSDB_LAZY_FUNCTION(kPq, int, PQgetlength, (const PGresult* res, int row, int field),
                     (res, row, field))
NEWSDB_LAZY_FUNCTION(kPq, int, PQgetisnull, (const PGresult* res, int row, int field),
                     (res, row, field))
NEWSDB_LAZY_FUNCTION(kPq, void, PQclear, (PGresult * res), (res))
NEWSDB_LAZY_FUNCTION(kPq, void, PQfreemem, (void* ptr), (ptr))
#endif  // NEWSDB_HAVE_POSTGRES
