#include "llm/engine/json_schema_recogniser.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace codriver::llm::engine::json_schema {
namespace {

constexpr std::uint32_t kDead = UINT32_MAX;
constexpr std::uint64_t kFreeKey = 64;  // Frame::a of a key: not one the schema names

const std::vector<std::string> kBooleanTexts{"false", "true"};
const std::vector<std::string> kNullTexts{"null"};

enum ObjectPhase : std::uint8_t { kObjectOpen, kAfterMember, kAfterComma };
enum KeyPhase : std::uint8_t { kInKey, kAfterKey };
enum ArrayPhase : std::uint8_t { kArrayOpen, kAfterItem };
enum NumberPhase : std::uint8_t {
  kNumberStart,
  kAfterMinus,
  kZero,
  kIntegerDigits,
  kAfterDot,
  kFractionDigits,
  kAfterE,
  kAfterExponentSign,
  kExponentDigits,
};

// What a frame did with a byte: took it, refused it, or changed the top of the stack so
// that the (new) top frame must see the same byte.
enum class Outcome { kConsumed, kRejected, kRefeed };

// What a byte of string content was.
enum class ScanStep { kRejected, kSameCodePoint, kNewCodePoint };

const Node& node_of(const Frame& frame) {
  return *static_cast<const Node*>(frame.ref);
}

Frame make_frame(FrameKind kind, const void* ref, std::uint8_t free_depth) {
  Frame frame{};
  std::memset(&frame, 0, sizeof frame);
  frame.kind = kind;
  frame.ref = ref;
  frame.free_depth = free_depth;
  return frame;
}

Frame value_frame(const Alternatives* alternatives, std::uint8_t free_depth, bool space_allowed) {
  Frame frame = make_frame(FrameKind::kValue, alternatives, free_depth);
  frame.flag = space_allowed ? 1 : 0;
  return frame;
}

Frame literal_frame(const std::vector<std::string>* texts, std::uint8_t free_depth) {
  Frame frame = make_frame(FrameKind::kLiteral, texts, free_depth);
  frame.hi = static_cast<std::uint32_t>(texts->size());
  return frame;
}

// The free depth of values inside a container: only the universal schema's containers
// count, so that free values nest at most kMaxFreeNesting deep.
std::uint8_t child_free_depth(const Frame& container) {
  return node_of(container).any ? static_cast<std::uint8_t>(container.free_depth + 1) : 0;
}

bool push(Stack& stack, const Frame& frame) {
  if (stack.depth >= kMaxDepth) return false;
  stack.frames[stack.depth++] = frame;
  return true;
}

// [lo, hi) narrowed to the sorted texts whose byte at `pos` is `byte`; every text in the
// range is longer than `pos`.
std::pair<std::uint32_t, std::uint32_t> narrow(const std::vector<std::string>& texts,
                                               std::uint32_t lo, std::uint32_t hi,
                                               std::uint32_t pos, unsigned char byte) {
  const auto byte_at = [pos](const std::string& text) {
    return static_cast<unsigned char>(text[pos]);
  };
  const auto first = texts.begin() + lo, last = texts.begin() + hi;
  const auto begin =
      std::lower_bound(first, last, byte,
                       [&](const std::string& text, unsigned char b) { return byte_at(text) < b; });
  const auto end =
      std::upper_bound(begin, last, byte,
                       [&](unsigned char b, const std::string& text) { return b < byte_at(text); });
  return {static_cast<std::uint32_t>(begin - texts.begin()),
          static_cast<std::uint32_t>(end - texts.begin())};
}

std::uint64_t key_range_mask(std::uint32_t lo, std::uint32_t hi) {
  if (lo >= hi) return 0;
  const std::uint64_t below_hi = hi >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << hi) - 1;
  return below_hi & ~((std::uint64_t{1} << lo) - 1);
}

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool string_idle(const Frame& frame) {
  return frame.utf8_left == 0 && frame.escape == 0 && frame.surrogate == 0;
}

// Lead bytes of multi-byte UTF-8: how many continuation bytes follow, and which narrower
// range the first one must be in (Unicode's table 3-7: no overlong forms, no surrogates,
// nothing past U+10FFFF).
bool start_utf8(Frame& frame, unsigned char byte) {
  if (byte >= 0xC2 && byte <= 0xDF) {
    frame.utf8_left = 1;
  } else if (byte >= 0xE0 && byte <= 0xEF) {
    frame.utf8_left = 2;
    frame.utf8_rule = byte == 0xE0 ? 1 : byte == 0xED ? 2 : 0;
  } else if (byte >= 0xF0 && byte <= 0xF4) {
    frame.utf8_left = 3;
    frame.utf8_rule = byte == 0xF0 ? 3 : byte == 0xF4 ? 4 : 0;
  } else {
    return false;
  }
  return true;
}

ScanStep continue_utf8(Frame& frame, unsigned char byte) {
  unsigned char lo = 0x80, hi = 0xBF;
  if (frame.utf8_rule == 1) lo = 0xA0;
  if (frame.utf8_rule == 2) hi = 0x9F;
  if (frame.utf8_rule == 3) lo = 0x90;
  if (frame.utf8_rule == 4) hi = 0x8F;
  if (byte < lo || byte > hi) return ScanStep::kRejected;
  frame.utf8_rule = 0;
  --frame.utf8_left;
  return ScanStep::kSameCodePoint;
}

ScanStep after_backslash(Frame& frame, unsigned char byte) {
  if (byte == 'u') {
    frame.escape = 2;
    frame.unit = 0;
    return ScanStep::kSameCodePoint;
  }
  if (frame.surrogate == 2) return ScanStep::kRejected;  // only \u may follow a high surrogate
  static constexpr char kSimple[] = "\"\\/bfnrt";
  if (byte == 0 || std::strchr(kSimple, byte) == nullptr) return ScanStep::kRejected;
  frame.escape = 0;
  return ScanStep::kSameCodePoint;
}

// A hex digit of \uXXXX. Surrogates must pair: a high one (D800-DBFF) must be followed by
// \u and a low one (DC00-DFFF), and a low one may not come alone; nlohmann's parser and
// every strict reader refuse them otherwise.
ScanStep hex_digit(Frame& frame, unsigned char byte) {
  const int digit = hex_value(byte);
  if (digit < 0) return ScanStep::kRejected;
  const int read = frame.escape - 2;
  if (frame.surrogate == 2) {
    if (read == 0 && digit != 0xD) return ScanStep::kRejected;
    if (read == 1 && digit < 0xC) return ScanStep::kRejected;
  } else if (read == 1 && frame.unit == 0xD && digit >= 0xC) {
    return ScanStep::kRejected;
  }
  frame.unit = static_cast<std::uint16_t>(frame.unit * 16 + digit);
  if (read < 3) {
    ++frame.escape;
    return ScanStep::kSameCodePoint;
  }
  frame.escape = 0;
  if (frame.surrogate == 2) {
    frame.surrogate = 0;
  } else if (frame.unit >= 0xD800 && frame.unit <= 0xDBFF) {
    frame.surrogate = 1;
  }
  return ScanStep::kSameCodePoint;
}

// One byte of string content (not the closing quote of an idle string).
ScanStep scan_string_byte(Frame& frame, unsigned char byte, bool escapes_allowed) {
  if (frame.utf8_left > 0) return continue_utf8(frame, byte);
  if (frame.escape == 1) return after_backslash(frame, byte);
  if (frame.escape >= 2) return hex_digit(frame, byte);
  if (frame.surrogate == 1) {
    if (byte != '\\') return ScanStep::kRejected;
    frame.surrogate = 2;
    frame.escape = 1;
    return ScanStep::kSameCodePoint;
  }
  if (byte < 0x20 || byte == '"') return ScanStep::kRejected;
  if (byte == '\\') {
    if (!escapes_allowed) return ScanStep::kRejected;
    frame.escape = 1;
    return ScanStep::kNewCodePoint;
  }
  if (byte < 0x80) return ScanStep::kNewCodePoint;
  return start_utf8(frame, byte) ? ScanStep::kNewCodePoint : ScanStep::kRejected;
}

NumberPrefix prefix_of(const Frame& frame) {
  NumberPrefix prefix;
  prefix.negative = frame.flag != 0;
  prefix.has_integer = frame.integer_digits > 0;
  prefix.has_dot = frame.phase == kAfterDot || frame.phase == kFractionDigits;
  prefix.integer_digits = frame.integer_digits;
  prefix.fraction_digits = frame.fraction_digits;
  prefix.integer_value = frame.a;
  prefix.fraction_value = frame.b;
  return prefix;
}

bool integer_only(const Node& node) {
  return (node.types & kNumberBit) == 0;
}

bool number_terminal(const Frame& frame) {
  return frame.phase == kZero || frame.phase == kIntegerDigits || frame.phase == kFractionDigits ||
         frame.phase == kExponentDigits;
}

// A number that could end here: whole in the grammar and inside the schema's range.
bool number_complete(const Frame& frame) {
  if (!number_terminal(frame)) return false;
  const Node& node = node_of(frame);
  if (!node.bounded) return true;
  const Units value = value_units(prefix_of(frame));
  return value >= node.lo && value <= node.hi;
}

bool literal_complete(const Frame& frame) {
  const auto& texts = *static_cast<const std::vector<std::string>*>(frame.ref);
  return texts[frame.lo].size() == frame.pos;
}

bool required_present(const Node& node, std::uint64_t present) {
  return std::any_of(node.required_masks.begin(), node.required_masks.end(),
                     [present](std::uint64_t mask) { return (mask & present) == mask; });
}

bool can_add_key(const Frame& object) {
  const Node& node = node_of(object);
  const std::uint64_t named = key_range_mask(0, static_cast<std::uint32_t>(node.key_texts.size()));
  return (named & ~object.a) != 0 || (node.additional != nullptr && object.count < kMaxFreeMembers);
}

class Feeder {
 public:
  explicit Feeder(StackSet& set) : set_(set) {}

  // Feeds one byte to a stack; false when the stack cannot take it.
  bool feed(Stack& stack, unsigned char byte) {
    while (stack.depth > 0) {
      switch (step(stack, byte)) {
        case Outcome::kConsumed:
          return true;
        case Outcome::kRejected:
          return false;
        case Outcome::kRefeed:
          break;
      }
    }
    return false;  // the document is finished: nothing may follow
  }

 private:
  Outcome step(Stack& stack, unsigned char byte) {
    switch (stack.top().kind) {
      case FrameKind::kValue:
        return on_value(stack, byte);
      case FrameKind::kObject:
        return on_object(stack, byte);
      case FrameKind::kKey:
        return on_key(stack, byte);
      case FrameKind::kArray:
        return on_array(stack, byte);
      case FrameKind::kString:
        return on_string(stack, byte);
      case FrameKind::kNumber:
        return on_number(stack, byte);
      case FrameKind::kLiteral:
        return on_literal(stack, byte);
    }
    return Outcome::kRejected;
  }

  // Continues a copy that is to see `byte` after `outcome`; drops it when it cannot.
  void finish_fork(Stack& fork, Outcome outcome, unsigned char byte) {
    const bool alive =
        outcome == Outcome::kConsumed || (outcome == Outcome::kRefeed && feed(fork, byte));
    if (!alive) fork.depth = kDead;
  }

  Outcome on_value(Stack& stack, unsigned char byte) {
    Frame& frame = stack.top();
    if (byte == ' ' && frame.flag != 0) {
      frame.flag = 0;
      return Outcome::kConsumed;
    }
    // The first byte picks among the alternatives: each one goes on in its own stack.
    const Alternatives& alternatives = *static_cast<const Alternatives*>(frame.ref);
    for (std::size_t i = 1; i < alternatives.size(); ++i) {
      Stack* fork = set_.add_copy(stack);
      if (fork == nullptr) break;
      finish_fork(*fork, start_value(*fork, *alternatives[i], byte), byte);
    }
    return start_value(stack, *alternatives[0], byte);
  }

  // Turns the value frame on top into the frame for what `byte` begins.
  static Outcome start_value(Stack& stack, const Node& node, unsigned char byte) {
    Frame& frame = stack.top();
    const std::uint8_t free_depth = frame.free_depth;
    if (node.has_enum) {
      frame = literal_frame(&node.enum_texts, free_depth);
      return Outcome::kRefeed;
    }
    const bool container_allowed = !node.any || free_depth < kMaxFreeNesting;
    switch (byte) {
      case '{':
        if ((node.types & kObjectBit) == 0 || !container_allowed) return Outcome::kRejected;
        frame = make_frame(FrameKind::kObject, &node, free_depth);
        frame.a = node.forbidden_keys;
        return Outcome::kConsumed;
      case '[':
        if ((node.types & kArrayBit) == 0 || !container_allowed) return Outcome::kRejected;
        frame = make_frame(FrameKind::kArray, &node, free_depth);
        return Outcome::kConsumed;
      case '"':
        if ((node.types & kStringBit) == 0) return Outcome::kRejected;
        frame = make_frame(FrameKind::kString, &node, free_depth);
        return Outcome::kConsumed;
      case 't':
      case 'f':
        if ((node.types & kBooleanBit) == 0) return Outcome::kRejected;
        frame = literal_frame(&kBooleanTexts, free_depth);
        return Outcome::kRefeed;
      case 'n':
        if ((node.types & kNullBit) == 0) return Outcome::kRejected;
        frame = literal_frame(&kNullTexts, free_depth);
        return Outcome::kRefeed;
      default:
        if ((node.types & kIntegerBit) == 0) return Outcome::kRejected;
        if (byte != '-' && (byte < '0' || byte > '9')) return Outcome::kRejected;
        frame = make_frame(FrameKind::kNumber, &node, free_depth);
        return Outcome::kRefeed;
    }
  }

  static Outcome close_object(Stack& stack) {
    const Frame& frame = stack.top();
    if (!required_present(node_of(frame), frame.a)) return Outcome::kRejected;
    --stack.depth;
    return Outcome::kConsumed;
  }

  static Outcome open_key(Stack& stack) {
    const Frame& object = stack.top();
    const Node& node = node_of(object);
    Frame key = make_frame(FrameKind::kKey, &node, object.free_depth);
    key.hi = static_cast<std::uint32_t>(node.key_texts.size());
    key.flag = node.additional != nullptr && object.count < kMaxFreeMembers ? 1 : 0;
    return push(stack, key) ? Outcome::kConsumed : Outcome::kRejected;
  }

  static Outcome on_object(Stack& stack, unsigned char byte) {
    Frame& frame = stack.top();
    switch (frame.phase) {
      case kObjectOpen:
        if (byte == '}') return close_object(stack);
        if (byte == '"' && can_add_key(frame)) return open_key(stack);
        return Outcome::kRejected;
      case kAfterMember:
        if (byte == '}') return close_object(stack);
        if (byte == ',' && can_add_key(frame)) {
          frame.phase = kAfterComma;
          frame.flag = 1;
          return Outcome::kConsumed;
        }
        return Outcome::kRejected;
      default:  // kAfterComma
        if (byte == ' ' && frame.flag != 0) {
          frame.flag = 0;
          return Outcome::kConsumed;
        }
        return byte == '"' ? open_key(stack) : Outcome::kRejected;
    }
  }

  static Outcome on_key(Stack& stack, unsigned char byte) {
    Frame& key = stack.top();
    Frame& object = stack.frames[stack.depth - 2];
    const Node& node = node_of(key);
    if (key.phase == kAfterKey) {
      if (byte != ':') return Outcome::kRejected;
      const Alternatives* values = key.a == kFreeKey ? node.additional : node.key_values[key.a];
      object.phase = kAfterMember;
      key = value_frame(values, child_free_depth(object), true);
      return Outcome::kConsumed;
    }
    // Named keys: their texts end with the closing quote, so a match that ends here is one.
    const auto [lo, hi] = key.lo < key.hi ? narrow(node.key_texts, key.lo, key.hi, key.pos, byte)
                                          : std::pair<std::uint32_t, std::uint32_t>{0, 0};
    if (lo < hi && node.key_texts[lo].size() == key.pos + 1) {
      if ((object.a >> lo & 1) != 0) return Outcome::kRejected;  // present, or never allowed
      object.a |= std::uint64_t{1} << lo;
      key.a = lo;
      key.phase = kAfterKey;
      return Outcome::kConsumed;
    }
    // Keys the schema does not name (no escapes: a key spelt with escapes could equal a
    // named one and dodge its schema).
    if (key.flag != 0) {
      if (byte == '"' && string_idle(key)) {
        ++object.count;
        key.a = kFreeKey;
        key.phase = kAfterKey;
        return Outcome::kConsumed;
      }
      const ScanStep scanned = scan_string_byte(key, byte, false);
      if (scanned == ScanStep::kRejected ||
          (scanned == ScanStep::kNewCodePoint && ++key.count > node.free_key_length)) {
        key.flag = 0;
      }
    }
    key.lo = lo;
    key.hi = hi;
    ++key.pos;
    const bool named_possible = (key_range_mask(lo, hi) & ~object.a) != 0;
    return named_possible || key.flag != 0 ? Outcome::kConsumed : Outcome::kRejected;
  }

  static Outcome on_array(Stack& stack, unsigned char byte) {
    Frame& frame = stack.top();
    const Node& node = node_of(frame);
    if (frame.phase == kArrayOpen) {
      if (byte == ']') {
        if (node.min_items > 0) return Outcome::kRejected;
        --stack.depth;
        return Outcome::kConsumed;
      }
      if (node.max_items == 0) return Outcome::kRejected;
      frame.count = 1;
      frame.phase = kAfterItem;
      return push(stack, value_frame(node.items, child_free_depth(frame), false))
                 ? Outcome::kRefeed
                 : Outcome::kRejected;
    }
    if (byte == ']' && frame.count >= node.min_items) {
      --stack.depth;
      return Outcome::kConsumed;
    }
    if (byte == ',' && frame.count < node.max_items) {
      ++frame.count;
      return push(stack, value_frame(node.items, child_free_depth(frame), true))
                 ? Outcome::kConsumed
                 : Outcome::kRejected;
    }
    return Outcome::kRejected;
  }

  static Outcome on_string(Stack& stack, unsigned char byte) {
    Frame& frame = stack.top();
    const Node& node = node_of(frame);
    if (byte == '"' && string_idle(frame)) {
      if (frame.count < node.min_length) return Outcome::kRejected;
      --stack.depth;
      return Outcome::kConsumed;
    }
    const ScanStep scanned = scan_string_byte(frame, byte, true);
    if (scanned == ScanStep::kRejected) return Outcome::kRejected;
    if (scanned == ScanStep::kNewCodePoint && frame.count++ >= node.max_length) {
      return Outcome::kRejected;
    }
    return Outcome::kConsumed;
  }

  // After a change to a number: can it still end inside the schema's range?
  static Outcome checked(const Frame& frame) {
    const Node& node = node_of(frame);
    if (!node.bounded) return Outcome::kConsumed;
    return can_reach_range(prefix_of(frame), integer_only(node), node.lo, node.hi)
               ? Outcome::kConsumed
               : Outcome::kRejected;
  }

  static Outcome number_digit(Frame& frame, int digit) {
    switch (frame.phase) {
      case kNumberStart:
      case kAfterMinus:
        frame.phase = digit == 0 ? kZero : kIntegerDigits;
        frame.integer_digits = 1;
        frame.a = static_cast<std::uint64_t>(digit);
        return checked(frame);
      case kIntegerDigits:
        if (frame.integer_digits >= kMaxIntegerDigits) return Outcome::kRejected;
        ++frame.integer_digits;
        frame.a = frame.a * 10 + static_cast<std::uint64_t>(digit);
        return checked(frame);
      case kAfterDot:
      case kFractionDigits:
        if (frame.integer_digits + frame.fraction_digits >= kMaxDecimalDigits) {
          return Outcome::kRejected;
        }
        frame.phase = kFractionDigits;
        ++frame.fraction_digits;
        frame.b = frame.b * 10 + static_cast<std::uint64_t>(digit);
        return checked(frame);
      case kAfterE:
      case kAfterExponentSign:
        frame.phase = kExponentDigits;
        frame.exponent_digits = 1;
        return Outcome::kConsumed;
      case kExponentDigits:
        if (frame.exponent_digits >= kMaxExponentDigits) return Outcome::kRejected;
        ++frame.exponent_digits;
        return Outcome::kConsumed;
      default:  // kZero: no leading zeros
        return Outcome::kRejected;
    }
  }

  // A byte that is not part of the number's grammar here: the number ends before it.
  static Outcome end_number(Stack& stack) {
    if (!number_complete(stack.top())) return Outcome::kRejected;
    --stack.depth;
    return Outcome::kRefeed;
  }

  static Outcome on_number(Stack& stack, unsigned char byte) {
    Frame& frame = stack.top();
    const Node& node = node_of(frame);
    const std::uint8_t phase = frame.phase;
    if (byte >= '0' && byte <= '9') {
      if (phase == kZero) return end_number(stack);
      return number_digit(frame, byte - '0');
    }
    if (byte == '-' && phase == kNumberStart) {
      frame.flag = 1;
      frame.phase = kAfterMinus;
      return checked(frame);
    }
    if (byte == '.' && (phase == kZero || phase == kIntegerDigits) && !integer_only(node) &&
        frame.integer_digits < kMaxDecimalDigits) {
      frame.phase = kAfterDot;
      return checked(frame);
    }
    if ((byte == 'e' || byte == 'E') &&
        (phase == kZero || phase == kIntegerDigits || phase == kFractionDigits) &&
        !integer_only(node) && !node.bounded &&
        frame.integer_digits + frame.fraction_digits <= kMaxDecimalDigits) {
      frame.phase = kAfterE;
      return Outcome::kConsumed;
    }
    if ((byte == '+' || byte == '-') && phase == kAfterE) {
      frame.phase = kAfterExponentSign;
      return Outcome::kConsumed;
    }
    return end_number(stack);
  }

  Outcome on_literal(Stack& stack, unsigned char byte) {
    Frame& frame = stack.top();
    const auto& texts = *static_cast<const std::vector<std::string>*>(frame.ref);
    if (texts[frame.lo].size() == frame.pos) {
      // A whole enum number ("1") that a longer one ("12") extends: the value may end here
      // (its container sees the byte) or go on.
      Stack* fork = set_.add_copy(stack);
      if (fork != nullptr) {
        --fork->depth;
        if (!feed(*fork, byte)) fork->depth = kDead;
      }
      ++frame.lo;
    }
    const auto [lo, hi] = narrow(texts, frame.lo, frame.hi, frame.pos, byte);
    if (lo == hi) return Outcome::kRejected;
    frame.lo = lo;
    frame.hi = hi;
    ++frame.pos;
    if (hi - lo == 1 && texts[lo].size() == frame.pos) --stack.depth;  // nothing longer
    return Outcome::kConsumed;
  }

  StackSet& set_;
};

}  // namespace

StackSet::StackSet() : stacks_(new Stack[kMaxStacks]) {}

Stack* StackSet::add_frames(const Frame* frames, std::uint32_t depth) {
  if (size_ >= kMaxStacks) return nullptr;
  Stack& stack = stacks_[size_++];
  stack.depth = depth;
  std::memcpy(stack.frames, frames, depth * sizeof(Frame));
  return &stack;
}

Stack* StackSet::add_copy(const Stack& stack) {
  return add_frames(stack.frames, stack.depth);
}

void StackSet::compact() {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < size_; ++i) {
    const Stack& stack = stacks_[i];
    if (stack.depth == kDead) continue;
    const bool repeated = std::any_of(stacks_.get(), stacks_.get() + kept, [&](const Stack& other) {
      return other.depth == stack.depth &&
             std::memcmp(other.frames, stack.frames, stack.depth * sizeof(Frame)) == 0;
    });
    if (repeated) continue;
    if (kept != i) {
      stacks_[kept].depth = stack.depth;
      std::memcpy(stacks_[kept].frames, stack.frames, stack.depth * sizeof(Frame));
    }
    ++kept;
  }
  size_ = kept;
}

void start_document(const CompiledSchema& schema, StackSet& set) {
  set.clear();
  const Frame root = value_frame(schema.root, 0, false);
  set.add_frames(&root, 1);
}

void feed_byte(StackSet& set, unsigned char byte) {
  Feeder feeder(set);
  const std::size_t count = set.size();
  for (std::size_t i = 0; i < count; ++i) {
    Stack& stack = set[i];
    if (stack.depth != kDead && !feeder.feed(stack, byte)) stack.depth = kDead;
  }
  // Single live stacks (the common case) need no pass over the set.
  if (set.size() == 1 && set[0].depth != kDead) return;
  set.compact();
}

bool is_complete(const Stack& stack) {
  if (stack.depth == 0) return true;
  if (stack.depth != 1) return false;
  const Frame& top = stack.top();
  if (top.kind == FrameKind::kNumber) return number_complete(top);
  if (top.kind == FrameKind::kLiteral) return literal_complete(top);
  return false;
}

Continuation continuation(const Stack& stack) {
  if (stack.depth == 0) return Continuation::kNo;
  const FrameKind kind = stack.top().kind;
  if (stack.depth == 1 && (kind == FrameKind::kNumber || kind == FrameKind::kLiteral)) {
    return Continuation::kTryBytes;
  }
  return Continuation::kYes;
}

}  // namespace codriver::llm::engine::json_schema
