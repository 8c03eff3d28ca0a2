#include "signals/uper.h"

#include <algorithm>
#include <bit>

#include "signals/signals_error.h"

namespace codriver::signals::uper {

namespace {

constexpr std::size_t kFragmentUnit = 16384;  // X.691 11.9.3.8: 16K items a fragment unit

}  // namespace

int bits_for_range(std::uint64_t range) {
  return range == 0 ? 0 : std::bit_width(range);
}

std::string FieldPath::str(const char* leaf) const {
  std::string out;
  for (const Step& step : steps_) {
    if (!out.empty()) out += '.';
    out += step.name;
    if (step.index >= 0) out += "[" + std::to_string(step.index) + "]";
  }
  if (leaf && *leaf) {
    if (!out.empty()) out += '.';
    out += leaf;
  }
  return out;
}

// ------------------------------------------------------------------------ BitReader

BitReader::BitReader(std::span<const std::uint8_t> data, std::string_view codec, Limits limits)
    : BitReader(data, codec, limits, std::make_shared<FieldPath>(),
                std::make_shared<Budget>(Budget{limits.max_elements}), 0, 0) {
  if (data.size() > limits.max_bytes) {
    fail("the message is " + std::to_string(data.size()) + " bytes, more than the " +
             std::to_string(limits.max_bytes) + " accepted",
         "");
  }
}

BitReader::BitReader(std::span<const std::uint8_t> data, std::string_view codec, Limits limits,
                     std::shared_ptr<FieldPath> path, std::shared_ptr<Budget> budget, int depth,
                     std::size_t bit_offset)
    : data_(data),
      size_bits_(data.size() * 8),
      codec_(codec),
      limits_(limits),
      path_(std::move(path)),
      budget_(std::move(budget)),
      depth_(depth),
      bit_offset_(bit_offset) {}

void BitReader::fail(const std::string& reason, const char* field) const {
  std::string where = path_->str(field);
  throw SignalsError(std::string(codec_) + ": bit " + std::to_string(bit_offset_ + position_) +
                     (where.empty() ? "" : " (" + where + ")") + ": " + reason);
}

void BitReader::require(std::size_t count, const char* field) const {
  if (count > remaining_bits()) {
    fail("the message ends: needs " + std::to_string(count) + " more bits, " +
             std::to_string(remaining_bits()) + " left",
         field);
  }
}

bool BitReader::bit(const char* field) {
  require(1, field);
  const bool value = (data_[position_ >> 3] >> (7 - (position_ & 7))) & 1u;
  ++position_;
  return value;
}

std::uint64_t BitReader::bits(int count, const char* field) {
  require(static_cast<std::size_t>(count), field);
  std::uint64_t value = 0;
  while (count > 0) {
    const unsigned offset = position_ & 7;
    const int available = 8 - static_cast<int>(offset);
    const int take = std::min(available, count);
    const unsigned byte = data_[position_ >> 3];
    const unsigned chunk = (byte >> (available - take)) & ((1u << take) - 1u);
    value = (value << take) | chunk;
    position_ += static_cast<std::size_t>(take);
    count -= take;
  }
  return value;
}

std::int64_t BitReader::constrained(std::int64_t lo, std::int64_t hi, const char* field) {
  const auto range = static_cast<std::uint64_t>(hi - lo);
  const std::uint64_t offset = bits(bits_for_range(range), field);
  if (offset > range) {
    fail("value " + std::to_string(lo + static_cast<std::int64_t>(offset)) + " is outside " +
             std::to_string(lo) + ".." + std::to_string(hi),
         field);
  }
  return lo + static_cast<std::int64_t>(offset);
}

std::uint64_t BitReader::normally_small(const char* field) {
  if (!bit(field)) return bits(6, field);
  // A semi-constrained whole number: a length in octets, then that many octets.
  const std::size_t octets = length(field);
  if (octets == 0 || octets > 8) {
    fail("a normally small number of " + std::to_string(octets) + " octets", field);
  }
  return bits(static_cast<int>(octets) * 8, field);
}

std::size_t BitReader::normally_small_length(const char* field) {
  if (!bit(field)) return static_cast<std::size_t>(bits(6, field)) + 1;
  return length(field);
}

std::size_t BitReader::length(const char* field) {
  const auto first = static_cast<unsigned>(bits(8, field));
  if ((first & 0x80u) == 0) return first;
  if ((first & 0xC0u) == 0x80u) return ((first & 0x3Fu) << 8) | bits(8, field);
  fail("a fragmented length (16K items or more) where none can be", field);
}

std::size_t BitReader::size(int lo, int hi, const char* field) {
  const auto count = static_cast<std::size_t>(constrained(lo, hi, field));
  if (count > budget_->elements_left) {
    fail("more list elements than the decoder's budget of " + std::to_string(limits_.max_elements),
         field);
  }
  budget_->elements_left -= count;
  return count;
}

std::vector<std::uint8_t> BitReader::open_type(const char* field) {
  std::vector<std::uint8_t> content;
  for (;;) {
    const auto first = static_cast<unsigned>(bits(8, field));
    std::size_t count = 0;
    bool last = true;
    if ((first & 0x80u) == 0) {
      count = first;
    } else if ((first & 0xC0u) == 0x80u) {
      count = ((first & 0x3Fu) << 8) | bits(8, field);
    } else {
      const unsigned units = first & 0x3Fu;
      if (units < 1 || units > 4)
        fail("a length fragment of " + std::to_string(units) + " x 16K", field);
      count = units * kFragmentUnit;
      last = false;
    }
    require(count * 8, field);  // before allocating: the octets must be there
    content.reserve(content.size() + count);
    for (std::size_t i = 0; i < count; ++i)
      content.push_back(static_cast<std::uint8_t>(bits(8, field)));
    if (last) return content;
  }
}

void BitReader::skip_open_type(const char* field) {
  (void)open_type(field);
}

std::string BitReader::ia5_string(int lo, int hi, const char* field) {
  const std::size_t count = static_cast<std::size_t>(constrained(lo, hi, field));
  require(count * 7, field);
  std::string text(count, '\0');
  for (char& c : text)
    c = static_cast<char>(bits(7, field));
  return text;
}

void BitReader::skip_extension_additions(const char* field) {
  const std::size_t count = normally_small_length(field);
  require(count, field);  // one presence bit each
  std::size_t present = 0;
  for (std::size_t i = 0; i < count; ++i)
    present += bit(field) ? 1 : 0;
  for (std::size_t i = 0; i < present; ++i)
    skip_open_type(field);
}

BitReader BitReader::nested(std::span<const std::uint8_t> content, std::size_t content_bit_offset) {
  if (depth_ + 1 > limits_.max_open_type_depth) fail("open types nested too deep", "");
  return BitReader(content, codec_, limits_, path_, budget_, depth_ + 1, content_bit_offset);
}

void BitReader::expect_only_padding(const char* what) {
  const std::size_t end = position_;
  while (remaining_bits() > 0) {
    if (bit(what)) {
      position_ = end;
      fail(std::to_string(size_bits_ - end) + " bits of data after the end of the " + what, "");
    }
  }
}

// ------------------------------------------------------------------------ BitWriter

void BitWriter::bit(bool value) {
  bits(value ? 1 : 0, 1);
}

void BitWriter::bits(std::uint64_t value, int count) {
  for (int i = count - 1; i >= 0; --i) {
    if ((bit_count_ & 7) == 0) bytes_.push_back(0);
    if ((value >> i) & 1u) bytes_.back() |= static_cast<std::uint8_t>(0x80u >> (bit_count_ & 7));
    ++bit_count_;
  }
}

void BitWriter::constrained(std::int64_t value, std::int64_t lo, std::int64_t hi,
                            const char* field) {
  if (value < lo || value > hi) {
    throw SignalsError("cannot encode " + std::string(field) + " = " + std::to_string(value) +
                       ": outside " + std::to_string(lo) + ".." + std::to_string(hi));
  }
  bits(static_cast<std::uint64_t>(value - lo), bits_for_range(static_cast<std::uint64_t>(hi - lo)));
}

void BitWriter::normally_small(std::uint64_t value) {
  if (value <= 63) {
    bit(false);
    bits(value, 6);
    return;
  }
  bit(true);
  const int octets = std::max(1, static_cast<int>((std::bit_width(value) + 7) / 8));
  length(static_cast<std::size_t>(octets));
  bits(value, octets * 8);
}

void BitWriter::normally_small_length(std::size_t count) {
  if (count >= 1 && count <= 64) {
    bit(false);
    bits(count - 1, 6);
    return;
  }
  bit(true);
  length(count);
}

void BitWriter::length(std::size_t count) {
  if (count < 128) {
    bits(count, 8);
  } else if (count < kFragmentUnit) {
    bits(0x8000u | count, 16);
  } else {
    throw SignalsError("cannot encode a length of " + std::to_string(count) + " unfragmented");
  }
}

void BitWriter::size(std::size_t count, int lo, int hi, const char* field) {
  if (count < static_cast<std::size_t>(lo) || count > static_cast<std::size_t>(hi)) {
    throw SignalsError("cannot encode " + std::string(field) + ": " + std::to_string(count) +
                       " items, J2735 allows " + std::to_string(lo) + ".." + std::to_string(hi));
  }
  constrained(static_cast<std::int64_t>(count), lo, hi, field);
}

void BitWriter::open_type(std::span<const std::uint8_t> content) {
  std::size_t done = 0;
  for (;;) {
    const std::size_t left = content.size() - done;
    std::size_t chunk = left;
    if (left >= kFragmentUnit) {
      const std::size_t units = std::min<std::size_t>(4, left / kFragmentUnit);
      bits(0xC0u | units, 8);
      chunk = units * kFragmentUnit;
    } else {
      length(left);
    }
    for (std::size_t i = 0; i < chunk; ++i)
      bits(content[done + i], 8);
    done += chunk;
    if (chunk == left && left < kFragmentUnit) return;
  }
}

void BitWriter::ia5_string(std::string_view text, int lo, int hi, const char* field) {
  size(text.size(), lo, hi, field);
  for (const char c : text) {
    const auto code = static_cast<unsigned char>(c);
    if (code > 127) throw SignalsError("cannot encode " + std::string(field) + ": not IA5 (ASCII)");
    bits(code, 7);
  }
}

std::vector<std::uint8_t> BitWriter::finish() && {
  if (bytes_.empty()) bytes_.push_back(0);
  return std::move(bytes_);
}

}  // namespace codriver::signals::uper
