// Keeps the ingest library non-empty until the import pipeline lands (issue 3).
namespace newsdb::ingest {}
