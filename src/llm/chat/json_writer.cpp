#include <charconv>
#include <cmath>
#include <cstdlib>
#include <system_error>
#include <unordered_map>

#include "llm/chat/json_value.h"

// Writes values the way Python's json.dumps does with its defaults, which is what Qwen's
// chat template (through Hugging Face's `tojson`) put in the prompts the model learnt from.
namespace codriver::llm::chat {
namespace {

bool is_integer_text(std::string_view number) {
  return number.find_first_of(".eE") == std::string_view::npos;
}

// Python's repr of a float: the shortest digits that read back to the same double, fixed
// notation for exponents -4..15 ("0.0001", "100.0"), scientific otherwise ("1e-05",
// "1.5e+16").
std::string python_float_repr(double value) {
  char buffer[64];
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  if (error != std::errc()) return "0.0";
  const std::string_view scientific(buffer, static_cast<std::size_t>(end - buffer));
  const std::size_t e = scientific.find('e');
  const bool negative = scientific.front() == '-';
  std::string digits;
  for (char c : scientific.substr(0, e)) {
    if (c >= '0' && c <= '9') digits += c;
  }
  while (digits.size() > 1 && digits.back() == '0')
    digits.pop_back();
  const int exponent = std::atoi(std::string(scientific.substr(e + 1)).c_str());

  std::string out = negative ? "-" : "";
  if (exponent < -4 || exponent >= 16) {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    const int magnitude = std::abs(exponent);
    out += exponent < 0 ? "e-" : "e+";
    out += (magnitude < 10 ? "0" : "") + std::to_string(magnitude);
  } else if (exponent >= 0) {
    const auto whole = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= whole) {
      out += digits + std::string(whole - digits.size(), '0') + ".0";
    } else {
      out += digits.substr(0, whole) + "." + digits.substr(whole);
    }
  } else {
    out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  }
  return out;
}

// Python reads an integer literal as an int (written back as is, "-0" as "0") and any
// other number as a float.
std::string python_number(const std::string& number) {
  if (is_integer_text(number)) return number == "-0" ? "0" : number;
  double value = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error != std::errc() || end != number.data() + number.size() || !std::isfinite(value))
    return number;
  return python_float_repr(value);
}

void write_string(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void write_value(const JsonValue& value, std::string& out);

// A repeated key appears once, where it first appeared, with its last value: what a
// Python dict built by json.loads holds.
void write_object(const JsonValue& value, std::string& out) {
  std::unordered_map<std::string_view, std::size_t> last;
  for (std::size_t i = 0; i < value.members.size(); ++i)
    last[value.members[i].first] = i;
  out += '{';
  bool first = true;
  for (const auto& [key, member] : value.members) {
    const auto found = last.find(key);
    if (found == last.end()) continue;  // written already
    if (!first) out += ", ";
    first = false;
    write_string(key, out);
    out += ": ";
    write_value(value.members[found->second].second, out);
    last.erase(found);
  }
  out += '}';
}

void write_value(const JsonValue& value, std::string& out) {
  switch (value.type) {
    case JsonValue::Type::kNull:
      out += "null";
      break;
    case JsonValue::Type::kBool:
      out += value.boolean ? "true" : "false";
      break;
    case JsonValue::Type::kNumber:
      out += python_number(value.text);
      break;
    case JsonValue::Type::kString:
      write_string(value.text, out);
      break;
    case JsonValue::Type::kArray:
      out += '[';
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i > 0) out += ", ";
        write_value(value.items[i], out);
      }
      out += ']';
      break;
    case JsonValue::Type::kObject:
      write_object(value, out);
      break;
  }
}

}  // namespace

std::string to_template_json(const JsonValue& value) {
  std::string out;
  write_value(value, out);
  return out;
}

std::string quote_json_string(std::string_view text) {
  std::string out;
  write_string(text, out);
  return out;
}

}  // namespace codriver::llm::chat
