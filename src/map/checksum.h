#pragma once

#include <cstdint>
#include <filesystem>
#include <span>

namespace codriver::map {

// CRC-32 (zlib's polynomial) of a byte range; chainable through `seed`.
std::uint32_t crc32_of(std::span<const std::byte> bytes, std::uint32_t seed = 0);

// CRC-32 of a whole file, read in blocks. Throws BundleError if it cannot be read.
std::uint32_t crc32_of_file(const std::filesystem::path& path);

}  // namespace codriver::map
