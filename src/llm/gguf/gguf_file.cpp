#include "llm/gguf/gguf_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstring>
#include <limits>
#include <optional>

#include "llm/gguf/byte_cursor.h"

namespace codriver::llm::gguf {
namespace {

constexpr std::uint32_t kMaxDimensions = 4;
// Deeper nesting has no use in a model file and would let a small hostile file recurse
// without bound.
constexpr int kMaxArrayDepth = 8;
// The least a metadata entry can take: key length, value type, a one-byte value.
constexpr std::uint64_t kMinMetadataEntryBytes = 8 + 4 + 1;
// The least a tensor info can take: name length, n_dims, one dimension, type, offset.
constexpr std::uint64_t kMinTensorInfoBytes = 8 + 4 + 8 + 4 + 8;

std::string hex_bytes(std::span<const std::byte> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  for (std::byte b : bytes) {
    if (!text.empty()) text += ' ';
    text += kDigits[std::to_integer<unsigned>(b) >> 4];
    text += kDigits[std::to_integer<unsigned>(b) & 0xF];
  }
  return text;
}

void check_magic(std::span<const std::byte> bytes) {
  static constexpr char kMagic[4] = {'G', 'G', 'U', 'F'};
  if (bytes.size() < 4) {
    throw GgufError("truncated at byte 0 while reading the magic: the file has only " +
                    std::to_string(bytes.size()) + " bytes, not a GGUF file");
  }
  if (std::memcmp(bytes.data(), kMagic, 4) != 0) {
    throw GgufError("bad magic: expected \"GGUF\" (47 47 55 46), found " +
                    hex_bytes(bytes.first(4)) + ": not a GGUF file");
  }
}

void check_version(std::uint32_t version) {
  if (version == 2 || version == 3) return;
  if (version == 1) {
    throw GgufError(
        "unsupported GGUF version 1 (only versions 2 and 3 are read): re-convert the model "
        "with a current llama.cpp");
  }
  const std::uint32_t swapped = __builtin_bswap32(version);
  if (swapped >= 1 && swapped <= 3) {
    throw GgufError("big-endian GGUF file (version " + std::to_string(swapped) +
                    "): only little-endian files are supported");
  }
  throw GgufError("unsupported GGUF version " + std::to_string(version) +
                  " (only versions 2 and 3 are read)");
}

void check_count(std::uint64_t count, std::uint64_t min_bytes_each, const ByteCursor& cursor,
                 const char* what) {
  if (count > cursor.remaining() / min_bytes_each) {
    throw GgufError(std::string(what) + " " + std::to_string(count) + " is absurd for a file of " +
                    std::to_string(cursor.size()) + " bytes (each needs at least " +
                    std::to_string(min_bytes_each) + ")");
  }
}

std::uint64_t min_value_bytes(ValueType type) {
  switch (type) {
    case ValueType::kUint8:
    case ValueType::kInt8:
    case ValueType::kBool:
      return 1;
    case ValueType::kUint16:
    case ValueType::kInt16:
      return 2;
    case ValueType::kUint32:
    case ValueType::kInt32:
    case ValueType::kFloat32:
      return 4;
    case ValueType::kUint64:
    case ValueType::kInt64:
    case ValueType::kFloat64:
    case ValueType::kString:
      return 8;
    case ValueType::kArray:
      return 4 + 8;
  }
  return 1;
}

ValueType read_value_type(ByteCursor& cursor, std::string_view what) {
  const std::uint32_t raw = cursor.read_u32(what);
  if (raw > static_cast<std::uint32_t>(ValueType::kFloat64)) {
    cursor.fail("unknown metadata value type " + std::to_string(raw) + " at byte " +
                std::to_string(cursor.position() - 4) + " (the format defines 0 to 12)");
  }
  return static_cast<ValueType>(raw);
}

MetadataValue read_value(ByteCursor& cursor, ValueType type, int depth);

MetadataArray read_array(ByteCursor& cursor, int depth) {
  if (depth >= kMaxArrayDepth) {
    cursor.fail("arrays nested deeper than " + std::to_string(kMaxArrayDepth) + " levels");
  }
  const ValueType element_type = read_value_type(cursor, "the array element type");
  const std::uint64_t count = cursor.read_u64("the array length");
  const std::uint64_t each = min_value_bytes(element_type);
  if (count > cursor.remaining() / each) {
    cursor.fail("array of " + std::to_string(count) + " " +
                std::string(value_type_name(element_type)) + " elements at byte " +
                std::to_string(cursor.position() - 8) + " cannot fit in the " +
                std::to_string(cursor.remaining()) + " bytes left of the file");
  }
  MetadataArray elements;
  elements.reserve(static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    elements.push_back(read_value(cursor, element_type, depth + 1));
  }
  return elements;
}

MetadataValue read_value(ByteCursor& cursor, ValueType type, int depth) {
  MetadataValue value;
  value.type = type;
  switch (type) {
    case ValueType::kUint8:
      value.value = std::uint64_t{cursor.read_u8("a uint8 value")};
      break;
    case ValueType::kInt8:
      value.value = std::int64_t{static_cast<std::int8_t>(cursor.read_u8("an int8 value"))};
      break;
    case ValueType::kUint16:
      value.value = std::uint64_t{cursor.read_u16("a uint16 value")};
      break;
    case ValueType::kInt16:
      value.value = std::int64_t{static_cast<std::int16_t>(cursor.read_u16("an int16 value"))};
      break;
    case ValueType::kUint32:
      value.value = std::uint64_t{cursor.read_u32("a uint32 value")};
      break;
    case ValueType::kInt32:
      value.value = std::int64_t{static_cast<std::int32_t>(cursor.read_u32("an int32 value"))};
      break;
    case ValueType::kUint64:
      value.value = cursor.read_u64("a uint64 value");
      break;
    case ValueType::kInt64:
      value.value = static_cast<std::int64_t>(cursor.read_u64("an int64 value"));
      break;
    case ValueType::kFloat32:
      value.value = double{std::bit_cast<float>(cursor.read_u32("a float32 value"))};
      break;
    case ValueType::kFloat64:
      value.value = std::bit_cast<double>(cursor.read_u64("a float64 value"));
      break;
    case ValueType::kBool: {
      const std::uint8_t raw = cursor.read_u8("a bool value");
      if (raw > 1) {
        cursor.fail("bool value " + std::to_string(raw) + " at byte " +
                    std::to_string(cursor.position() - 1) + " is neither 0 nor 1");
      }
      value.value = std::uint64_t{raw};
      break;
    }
    case ValueType::kString:
      value.value = cursor.read_string("a string value");
      break;
    case ValueType::kArray:
      value.value = read_array(cursor, depth);
      break;
  }
  return value;
}

using Metadata = std::map<std::string, MetadataValue, std::less<>>;

Metadata read_metadata(ByteCursor& cursor, std::uint64_t count) {
  Metadata metadata;
  std::string context;
  for (std::uint64_t i = 0; i < count; ++i) {
    context = "metadata entry #" + std::to_string(i);
    cursor.set_context(context);
    const std::string_view key = cursor.read_string("the key");
    context = "metadata key '" + std::string(key) + "'";
    cursor.set_context(context);
    const ValueType type = read_value_type(cursor, "the value type");
    MetadataValue value = read_value(cursor, type, 0);
    if (!metadata.emplace(std::string(key), std::move(value)).second) {
      throw GgufError("duplicate metadata key '" + std::string(key) + "' (entry #" +
                      std::to_string(i) + ")");
    }
  }
  cursor.set_context({});
  return metadata;
}

std::uint64_t checked_product(const std::vector<std::uint64_t>& dims, const ByteCursor& cursor) {
  std::uint64_t product = 1;
  for (std::uint64_t dim : dims) {
    if (product > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) / dim) {
      cursor.fail("the dimensions' product overflows 63 bits");
    }
    product *= dim;
  }
  return product;
}

std::vector<std::uint64_t> read_dims(ByteCursor& cursor) {
  const std::uint32_t n_dims = cursor.read_u32("the number of dimensions");
  if (n_dims < 1 || n_dims > kMaxDimensions) {
    cursor.fail("tensor has " + std::to_string(n_dims) + " dimensions (1 to " +
                std::to_string(kMaxDimensions) + " are allowed)");
  }
  std::vector<std::uint64_t> dims(n_dims);
  for (std::uint32_t d = 0; d < n_dims; ++d) {
    dims[d] = cursor.read_u64("a dimension");
    if (dims[d] == 0) cursor.fail("dimension " + std::to_string(d) + " is zero");
  }
  return dims;
}

GgmlType read_tensor_type(ByteCursor& cursor, std::uint64_t row_length) {
  const std::uint32_t raw = cursor.read_u32("the tensor type");
  const std::optional<TypeTraits> traits = type_traits(raw);
  if (!traits) {
    cursor.fail("unknown tensor type " + std::to_string(raw) +
                " (not a ggml type this reader knows)");
  }
  if (row_length % traits->block_elements != 0) {
    cursor.fail("row length " + std::to_string(row_length) + " is not a multiple of the " +
                std::string(traits->name) + " block size " +
                std::to_string(traits->block_elements));
  }
  return static_cast<GgmlType>(raw);
}

TensorInfo read_tensor_info(ByteCursor& cursor, std::string& context) {
  TensorInfo info;
  info.name = std::string(cursor.read_string("the tensor name"));
  context += " '" + info.name + "'";
  cursor.set_context(context);
  info.dims = read_dims(cursor);
  const std::uint64_t elements = checked_product(info.dims, cursor);
  info.type = read_tensor_type(cursor, info.dims[0]);
  info.offset = cursor.read_u64("the data offset");
  const TypeTraits traits = type_traits(info.type);
  // Whole blocks, since the row length is a multiple of the block.
  const std::uint64_t blocks = elements / traits.block_elements;
  if (blocks > std::numeric_limits<std::uint64_t>::max() / traits.block_bytes) {
    cursor.fail("the tensor's byte size overflows 64 bits");
  }
  info.bytes = blocks * traits.block_bytes;
  return info;
}

std::uint64_t alignment_of(const Metadata& metadata) {
  const auto found = metadata.find("general.alignment");
  if (found == metadata.end()) return 32;
  const MetadataValue& value = found->second;
  const auto* number = std::get_if<std::uint64_t>(&value.value);
  if (number == nullptr || value.type == ValueType::kBool) {
    throw GgufError("general.alignment is a " + std::string(value_type_name(value.type)) +
                    ", expected an unsigned integer");
  }
  if (*number == 0 || !std::has_single_bit(*number) || *number > (std::uint64_t{1} << 30)) {
    throw GgufError("general.alignment " + std::to_string(*number) +
                    " is not a power of two between 1 and 2^30");
  }
  return *number;
}

void place_tensor(TensorInfo& info, std::span<const std::byte> bytes, std::uint64_t data_start,
                  std::uint64_t alignment) {
  if (info.offset % alignment != 0) {
    throw GgufError("tensor '" + info.name + "': data offset " + std::to_string(info.offset) +
                    " is not a multiple of the alignment " + std::to_string(alignment));
  }
  const std::uint64_t data_size = bytes.size() - data_start;
  if (info.offset > data_size || info.bytes > data_size - info.offset) {
    throw GgufError("tensor '" + info.name + "': data out of bounds: " +
                    std::to_string(info.bytes) + " bytes at offset " + std::to_string(info.offset) +
                    " of the data section (which starts at byte " + std::to_string(data_start) +
                    ") run past the end of the file (" + std::to_string(bytes.size()) + " bytes)");
  }
  info.data = bytes.data() + data_start + info.offset;
}

}  // namespace

std::uint64_t TensorInfo::elements() const {
  std::uint64_t product = 1;
  for (std::uint64_t dim : dims)
    product *= dim;
  return product;
}

struct GgufFile::Mapping {
  void* address = nullptr;
  std::size_t size = 0;

  explicit Mapping(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, "cannot open");
    struct stat status {};
    if (::fstat(fd, &status) != 0) {
      const int error = errno;
      ::close(fd);
      errno = error;
      fail(path, "cannot stat");
    }
    if (!S_ISREG(status.st_mode)) {
      ::close(fd);
      throw GgufError(path.string() + ": not a regular file");
    }
    if (status.st_size == 0) {
      ::close(fd);
      throw GgufError(path.string() + ": the file is empty (0 bytes), not a GGUF file");
    }
    size = static_cast<std::size_t>(status.st_size);
    address = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    const int error = errno;
    ::close(fd);
    if (address == MAP_FAILED) {
      address = nullptr;
      errno = error;
      fail(path, "cannot map");
    }
  }
  ~Mapping() {
    if (address != nullptr) ::munmap(address, size);
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;

  std::span<const std::byte> bytes() const {
    return {static_cast<const std::byte*>(address), size};
  }

  [[noreturn]] static void fail(const std::filesystem::path& path, const char* what) {
    throw GgufError(std::string(what) + " " + path.string() + ": " + std::strerror(errno));
  }
};

GgufFile::GgufFile(GgufFile&&) noexcept = default;
GgufFile& GgufFile::operator=(GgufFile&&) noexcept = default;
GgufFile::~GgufFile() = default;

GgufFile GgufFile::open(const std::filesystem::path& path) {
  auto mapping = std::make_unique<Mapping>(path);
  GgufFile file;
  try {
    file = parse(mapping->bytes());
  } catch (const GgufError& error) {
    throw GgufError(path.string() + ": " + error.what());
  }
  file.mapping_ = std::move(mapping);
  return file;
}

GgufFile GgufFile::parse(std::span<const std::byte> bytes) {
  check_magic(bytes);
  ByteCursor cursor(bytes);
  cursor.read_u32("the magic");
  GgufFile file;
  file.bytes_ = bytes;
  file.version_ = cursor.read_u32("the version");
  check_version(file.version_);
  const std::uint64_t tensor_count = cursor.read_u64("the tensor count");
  const std::uint64_t metadata_count = cursor.read_u64("the metadata entry count");
  check_count(tensor_count, kMinTensorInfoBytes, cursor, "tensor count");
  check_count(metadata_count, kMinMetadataEntryBytes, cursor, "metadata entry count");
  file.metadata_ = read_metadata(cursor, metadata_count);

  std::string context;
  file.tensors_.reserve(static_cast<std::size_t>(tensor_count));
  for (std::uint64_t i = 0; i < tensor_count; ++i) {
    context = "tensor info #" + std::to_string(i);
    cursor.set_context(context);
    TensorInfo info = read_tensor_info(cursor, context);
    if (!file.tensor_index_.emplace(info.name, file.tensors_.size()).second) {
      throw GgufError("duplicate tensor name '" + info.name + "' (tensor info #" +
                      std::to_string(i) + ")");
    }
    file.tensors_.push_back(std::move(info));
  }
  cursor.set_context({});

  file.alignment_ = alignment_of(file.metadata_);
  const std::uint64_t header_end = cursor.position();
  const std::uint64_t data_start =
      (header_end + file.alignment_ - 1) / file.alignment_ * file.alignment_;
  if (tensor_count > 0 && data_start > bytes.size()) {
    throw GgufError("the data section would start at byte " + std::to_string(data_start) +
                    " (the header ends at byte " + std::to_string(header_end) +
                    ", padded to the alignment " + std::to_string(file.alignment_) +
                    "), past the end of the file (" + std::to_string(bytes.size()) + " bytes)");
  }
  for (TensorInfo& info : file.tensors_)
    place_tensor(info, bytes, data_start, file.alignment_);
  return file;
}

const TensorInfo* GgufFile::find_tensor(std::string_view name) const {
  const auto found = tensor_index_.find(name);
  return found == tensor_index_.end() ? nullptr : &tensors_[found->second];
}

const TensorInfo& GgufFile::tensor(std::string_view name) const {
  const TensorInfo* info = find_tensor(name);
  if (info == nullptr) throw GgufError("tensor '" + std::string(name) + "' is missing");
  return *info;
}

}  // namespace codriver::llm::gguf
