#include "llm/testmodel/gguf_writer.h"

#include <bit>
#include <stdexcept>

namespace codriver::llm::testmodel {
namespace {

// Value type numbers of the GGUF specification.
constexpr std::uint32_t kUint32 = 4;
constexpr std::uint32_t kInt32 = 5;
constexpr std::uint32_t kFloat32 = 6;
constexpr std::uint32_t kBool = 7;
constexpr std::uint32_t kString = 8;
constexpr std::uint32_t kArray = 9;
constexpr std::uint32_t kUint64 = 10;

void put(std::string& out, std::uint64_t value, int width) {
  for (int i = 0; i < width; ++i)
    out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

void put_string(std::string& out, std::string_view text) {
  put(out, text.size(), 8);
  out.append(text);
}

std::uint64_t round_up(std::uint64_t value, std::uint64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

}  // namespace

GgufWriter::GgufWriter(std::uint32_t alignment) : alignment_(alignment) {
  if (alignment == 0 || !std::has_single_bit(alignment)) {
    throw std::invalid_argument("GGUF alignment must be a power of two");
  }
  add_uint32("general.alignment", alignment);  // recorded even when it is the default
}

void GgufWriter::add_key(std::string_view key, std::uint32_t type) {
  if (header_written_) throw std::logic_error("GgufWriter: metadata added after the header");
  if (!keys_.emplace(key).second) {
    throw std::invalid_argument("duplicate metadata key '" + std::string(key) + "'");
  }
  put_string(metadata_, key);
  put(metadata_, type, 4);
  ++metadata_count_;
}

void GgufWriter::add_string(std::string_view key, std::string_view value) {
  add_key(key, kString);
  put_string(metadata_, value);
}

void GgufWriter::add_uint32(std::string_view key, std::uint32_t value) {
  add_key(key, kUint32);
  put(metadata_, value, 4);
}

void GgufWriter::add_uint64(std::string_view key, std::uint64_t value) {
  add_key(key, kUint64);
  put(metadata_, value, 8);
}

void GgufWriter::add_float32(std::string_view key, float value) {
  add_key(key, kFloat32);
  put(metadata_, std::bit_cast<std::uint32_t>(value), 4);
}

void GgufWriter::add_bool(std::string_view key, bool value) {
  add_key(key, kBool);
  put(metadata_, value ? 1 : 0, 1);
}

void GgufWriter::add_string_array(std::string_view key, const std::vector<std::string>& values) {
  add_key(key, kArray);
  put(metadata_, kString, 4);
  put(metadata_, values.size(), 8);
  for (const std::string& value : values)
    put_string(metadata_, value);
}

void GgufWriter::add_int32_array(std::string_view key, const std::vector<std::int32_t>& values) {
  add_key(key, kArray);
  put(metadata_, kInt32, 4);
  put(metadata_, values.size(), 8);
  for (std::int32_t value : values)
    put(metadata_, static_cast<std::uint32_t>(value), 4);
}

std::uint64_t GgufWriter::add_tensor(std::string_view name, const std::vector<std::uint64_t>& dims,
                                     gguf::GgmlType type) {
  if (header_written_) throw std::logic_error("GgufWriter: tensor added after the header");
  if (!tensor_names_.emplace(name).second) {
    throw std::invalid_argument("duplicate tensor name '" + std::string(name) + "'");
  }
  if (dims.empty() || dims.size() > 4) {
    throw std::invalid_argument("tensor '" + std::string(name) + "' needs 1 to 4 dimensions");
  }
  std::uint64_t rows = 1;
  for (std::size_t i = 1; i < dims.size(); ++i)
    rows *= dims[i];
  const std::uint64_t bytes = gguf::row_bytes(type, dims[0]) * rows;
  put_string(tensor_infos_, name);
  put(tensor_infos_, dims.size(), 4);
  for (std::uint64_t dim : dims)
    put(tensor_infos_, dim, 8);
  put(tensor_infos_, static_cast<std::uint32_t>(type), 4);
  put(tensor_infos_, next_offset_, 8);
  tensors_.push_back({bytes, next_offset_});
  next_offset_ += round_up(bytes, alignment_);
  return bytes;
}

void GgufWriter::pad(std::ostream& out, std::uint64_t written) {
  static const char kZeros[256] = {};
  std::uint64_t missing = round_up(written, alignment_) - written;
  while (missing > 0) {
    const std::uint64_t chunk = std::min<std::uint64_t>(missing, sizeof(kZeros));
    out.write(kZeros, static_cast<std::streamsize>(chunk));
    missing -= chunk;
  }
}

void GgufWriter::write_header(std::ostream& out) {
  if (header_written_) throw std::logic_error("GgufWriter: header written twice");
  std::string header = "GGUF";
  put(header, 3, 4);
  put(header, tensors_.size(), 8);
  put(header, metadata_count_, 8);
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  out.write(metadata_.data(), static_cast<std::streamsize>(metadata_.size()));
  out.write(tensor_infos_.data(), static_cast<std::streamsize>(tensor_infos_.size()));
  // A file without tensors ends with its metadata; otherwise the data section is aligned.
  if (!tensors_.empty()) pad(out, header.size() + metadata_.size() + tensor_infos_.size());
  header_written_ = true;
}

void GgufWriter::write_data(std::ostream& out, std::span<const std::byte> bytes) {
  if (!header_written_ || current_ >= tensors_.size()) {
    throw std::logic_error("GgufWriter: tensor data written out of order");
  }
  if (bytes.size() > tensors_[current_].bytes - current_written_) {
    throw std::logic_error("GgufWriter: more data than the tensor holds");
  }
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  current_written_ += bytes.size();
}

void GgufWriter::end_tensor(std::ostream& out) {
  if (current_ >= tensors_.size() || current_written_ != tensors_[current_].bytes) {
    throw std::logic_error("GgufWriter: tensor ended before all its data was written");
  }
  // The last tensor needs no padding: nothing follows it.
  if (current_ + 1 < tensors_.size()) pad(out, current_written_);
  ++current_;
  current_written_ = 0;
}

void GgufWriter::finish() const {
  if (current_ != tensors_.size()) throw std::logic_error("GgufWriter: tensors left unwritten");
}

}  // namespace codriver::llm::testmodel
