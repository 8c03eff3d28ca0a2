#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// ASN.1 Unaligned Packed Encoding Rules (ITU-T X.691, UNALIGNED variant): the bit-level
// primitives the J2735 codec is written with. Everything here is big-endian and
// unaligned: a constrained whole number takes exactly the bits its range needs, nothing
// is padded until the end of an open type or of the whole message.
//
// The reader checks every read against the end of the input and every value against its
// constraint, and throws SignalsError naming the bit offset and the field path; it never
// allocates more than the input could hold, and it counts the elements it is asked to
// decode against a budget, so a hostile message can cost no more than a bounded amount
// of memory and time.
namespace codriver::signals::uper {

// Bounds a decode against hostile input.
struct Limits {
  std::size_t max_bytes = 256 * 1024;  // J2735 messages over the air are a few KB
  std::size_t max_elements = 200'000;  // list items decoded in one message, all lists
  int max_open_type_depth = 4;         // open types decoded inside open types
};

// Where a decoder is in a message ("SPAT.intersections[0].states[2]"), kept as a stack of
// static names so that keeping it costs nothing until an error is reported.
class FieldPath {
 public:
  void push(const char* name, int index) { steps_.push_back({name, index}); }
  void pop() { steps_.pop_back(); }
  std::string str(const char* leaf) const;

 private:
  struct Step {
    const char* name;
    int index;  // -1: not a list element
  };
  std::vector<Step> steps_;
};

class BitReader {
 public:
  BitReader(std::span<const std::uint8_t> data, std::string_view codec, Limits limits = {});

  // --- X.691 primitives; `field` names the value for error messages.
  bool bit(const char* field);
  std::uint64_t bits(int count, const char* field);  // count <= 64
  // A constrained whole number in lo..hi (11.5.7.1 unaligned: bits for the range).
  std::int64_t constrained(std::int64_t lo, std::int64_t hi, const char* field);
  // A normally small non-negative whole number (11.6): CHOICE and ENUMERATED extensions.
  std::uint64_t normally_small(const char* field);
  // A normally small length (11.9.3.4): how many extension additions a SEQUENCE has.
  std::size_t normally_small_length(const char* field);
  // An unconstrained length determinant (11.9.3.5-8) without fragments.
  std::size_t length(const char* field);
  // SIZE(lo..hi) of a SEQUENCE OF with hi < 64K: a constrained whole number; the items
  // are charged to the element budget.
  std::size_t size(int lo, int hi, const char* field);
  // The octets of an open type (11.2), fragments joined.
  std::vector<std::uint8_t> open_type(const char* field);
  void skip_open_type(const char* field);
  // IA5String (SIZE(lo..hi)): 7 bits a character.
  std::string ia5_string(int lo, int hi, const char* field);
  // After the root components of an extensible SEQUENCE whose extension bit was set:
  // the additions are open types this decoder does not know, skipped whole.
  void skip_extension_additions(const char* field);

  // A reader over an open type's octets that shares this one's path and budgets.
  BitReader nested(std::span<const std::uint8_t> content, std::size_t content_bit_offset);

  // Throws unless whatever is left is zero padding: an open type or a message must end
  // where its encoding does.
  void expect_only_padding(const char* what);

  std::size_t position() const { return position_; }
  std::size_t remaining_bits() const { return size_bits_ - position_; }
  [[noreturn]] void fail(const std::string& reason, const char* field) const;

  // Names the element being decoded while it lives: `FieldScope s(reader, "lanes", i);`.
  class FieldScope {
   public:
    FieldScope(BitReader& reader, const char* name, int index = -1) : path_(*reader.path_) {
      path_.push(name, index);
    }
    ~FieldScope() { path_.pop(); }
    FieldScope(const FieldScope&) = delete;
    FieldScope& operator=(const FieldScope&) = delete;

   private:
    FieldPath& path_;
  };

 private:
  struct Budget {
    std::size_t elements_left;
  };
  BitReader(std::span<const std::uint8_t> data, std::string_view codec, Limits limits,
            std::shared_ptr<FieldPath> path, std::shared_ptr<Budget> budget, int depth,
            std::size_t bit_offset);
  void require(std::size_t count, const char* field) const;

  std::span<const std::uint8_t> data_;
  std::size_t size_bits_ = 0;
  std::size_t position_ = 0;
  std::string_view codec_;
  Limits limits_;
  std::shared_ptr<FieldPath> path_;
  std::shared_ptr<Budget> budget_;
  int depth_ = 0;
  std::size_t bit_offset_ = 0;  // of data_[0] in the outermost message
};

class BitWriter {
 public:
  void bit(bool value);
  void bits(std::uint64_t value, int count);
  // Throws SignalsError naming `field` when value is outside lo..hi.
  void constrained(std::int64_t value, std::int64_t lo, std::int64_t hi, const char* field);
  void normally_small(std::uint64_t value);
  void normally_small_length(std::size_t count);
  void length(std::size_t count);  // < 16384
  void size(std::size_t count, int lo, int hi, const char* field);
  void open_type(std::span<const std::uint8_t> content);  // fragments when 16K or more
  void ia5_string(std::string_view text, int lo, int hi, const char* field);

  std::size_t bit_count() const { return bit_count_; }
  // The encoding padded with zero bits to whole octets; an empty encoding is one zero
  // octet (X.691 11.1.3), as an open type's or a complete message's must be.
  std::vector<std::uint8_t> finish() &&;

 private:
  std::vector<std::uint8_t> bytes_;
  std::size_t bit_count_ = 0;
};

// Bits needed for a constrained whole number with hi - lo = range (0 for one value).
int bits_for_range(std::uint64_t range);

}  // namespace codriver::signals::uper
