#include "store/postgres/copy_binary.hpp"

namespace newsdb::postgres {
namespace {

constexpr std::string_view kSignature{"PGCOPY\n\377\r\n\0", 11};

}  // namespace

void put_big_endian(std::string& out, std::uint64_t value, int bytes) {
  char buffer[8];
  for (int i = 0; i < bytes; ++i) {
    buffer[i] = static_cast<char>((value >> (8 * (bytes - 1 - i))) & 0xFF);
  }
  out.append(buffer, static_cast<std::size_t>(bytes));
}

CopyBinary::CopyBinary() {
  data_ += kSignature;
  put_big_endian(data_, 0, 4);  // flags: no OIDs
  put_big_endian(data_, 0, 4);  // no header extension
}

CopyBinary& CopyBinary::row(int fields) {
  put_big_endian(data_, static_cast<std::uint16_t>(fields), 2);
  ++rows_;
  return *this;
}

CopyBinary& CopyBinary::bigint(std::int64_t value) {
  put_big_endian(data_, 8, 4);
  put_big_endian(data_, static_cast<std::uint64_t>(value), 8);
  return *this;
}

CopyBinary& CopyBinary::integer(std::int32_t value) {
  put_big_endian(data_, 4, 4);
  put_big_endian(data_, static_cast<std::uint32_t>(value), 4);
  return *this;
}

CopyBinary& CopyBinary::boolean(bool value) {
  put_big_endian(data_, 1, 4);
  data_ += value ? '\1' : '\0';
  return *this;
}

CopyBinary& CopyBinary::null() {
  put_big_endian(data_, 0xFFFFFFFF, 4);  // a length of -1
  return *this;
}

CopyBinary& CopyBinary::raw(std::string_view value) {
  put_big_endian(data_, static_cast<std::uint32_t>(value.size()), 4);
  data_ += value;
  return *this;
}

std::string CopyBinary::bytes() const {
  std::string out;
  out.reserve(data_.size() + 2);
  out += data_;
  put_big_endian(out, 0xFFFF, 2);  // trailer: a field count of -1
  return out;
}

}  // namespace newsdb::postgres
