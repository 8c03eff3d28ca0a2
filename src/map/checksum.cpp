#include "map/checksum.h"

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <vector>

#include "map/errors.h"

namespace codriver::map {

std::uint32_t crc32_of(std::span<const std::byte> bytes, std::uint32_t seed) {
  uLong crc = seed;
  const auto* data = reinterpret_cast<const Bytef*>(bytes.data());
  std::size_t left = bytes.size();
  // zlib takes a uInt length, so feed it in chunks that always fit.
  while (left > 0) {
    const auto chunk = static_cast<uInt>(std::min<std::size_t>(left, 1u << 30));
    crc = ::crc32(crc, data, chunk);
    data += chunk;
    left -= chunk;
  }
  return static_cast<std::uint32_t>(crc);
}

std::uint32_t crc32_of_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw BundleError("cannot read " + path.string());
  std::vector<char> block(1 << 20);
  std::uint32_t crc = 0;
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    crc = crc32_of(std::as_bytes(std::span(block.data(), got)), crc);
  }
  if (in.bad()) throw BundleError("error while reading " + path.string());
  return crc;
}

}  // namespace codriver::map
