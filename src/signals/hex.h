#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Binary messages written as hexadecimal text, as ODE logs and test files keep them.
namespace codriver::signals {

// Hex digits in either case; whitespace anywhere and a leading "0x" are ignored. nullopt
// for any other character or an odd number of digits.
std::optional<std::vector<std::uint8_t>> bytes_from_hex(std::string_view text);

std::string hex_from_bytes(const std::vector<std::uint8_t>& bytes);  // lower case

}  // namespace codriver::signals
