// Keeps the net library non-empty until feeds land (issue 5).
namespace newsdb::net {}
