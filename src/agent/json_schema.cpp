#include "agent/json_schema.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "language/utf8.h"

namespace codriver::agent {
namespace {

using nlohmann::json;
using Pointer = json::json_pointer;

// Long strings in messages are cut to this many code points: the message must stay readable
// when a model sends a paragraph where a name belongs.
constexpr std::size_t kQuotedCodePoints = 40;
constexpr std::size_t kListedEnumValues = 8;

// Also replaces invalid UTF-8 with U+FFFD, so the message can be dumped as JSON.
std::string shorten(const std::string& text) {
  const auto code_points = language::decode_utf8(text);
  const auto kept = std::u32string_view(code_points).substr(0, kQuotedCodePoints);
  return language::encode_utf8(kept) + (kept.size() < code_points.size() ? "..." : "");
}

// JSON text of `value`; never throws on strings holding invalid UTF-8.
std::string to_text(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string plural(std::size_t count, std::string_view noun) {
  if (count != 1 && noun == "property") return std::to_string(count) + " properties";
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

// A value as a message quotes it: scalars as JSON, containers by their size only (dumping
// them would recurse and could be long).
std::string describe(const json& value) {
  if (value.is_array()) return "an array of " + plural(value.size(), "item");
  if (value.is_object()) return "an object with " + plural(value.size(), "property");
  if (value.is_string()) return json(shorten(value.get<std::string>())).dump();
  if (value.is_binary()) return "binary data";
  return to_text(value);
}

// A value the schema names (const, enum): written by us, so short, but cut all the same.
std::string quote(const json& value) {
  return shorten(to_text(value));
}

bool is_finite_number(const json& value) {
  return value.is_number() && (!value.is_number_float() || std::isfinite(value.get<double>()));
}

bool is_integral(const json& value) {
  if (value.is_number_integer()) return true;
  if (!is_finite_number(value)) return false;
  const double number = value.get<double>();
  return std::floor(number) == number;
}

bool has_type(const json& value, const std::string& type) {
  if (type == "integer") return is_integral(value);
  if (type == "number") return is_finite_number(value);
  if (type == "string") return value.is_string();
  if (type == "boolean") return value.is_boolean();
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "null") return value.is_null();
  return false;
}

bool type_matches(const json& schema, const json& value) {
  if (!schema.is_object() || !schema.contains("type")) return true;
  const json& type = schema["type"];
  if (type.is_string()) return has_type(value, type.get<std::string>());
  for (const auto& name : type) {
    if (has_type(value, name.get<std::string>())) return true;
  }
  return false;
}

std::string with_article(const std::string& type) {
  if (type == "null") return "null";
  if (type == "integer" || type == "object" || type == "array") return "an " + type;
  return "a " + type;
}

// Exact for every int64, uint64 and double: long double has at least a 64-bit mantissa on
// the targets we build for.
long double as_long_double(const json& number) {
  if (number.is_number_unsigned()) return static_cast<long double>(number.get<std::uint64_t>());
  if (number.is_number_integer()) return static_cast<long double>(number.get<std::int64_t>());
  return static_cast<long double>(number.get<double>());
}

// A key equal for values JSON Schema calls equal (1 and 1.0 included), for uniqueItems.
json canonical(const json& value) {
  if (value.is_number_float() && is_integral(value) && std::fabs(value.get<double>()) < 9.2e18) {
    return static_cast<std::int64_t>(value.get<double>());
  }
  if (value.is_number_unsigned() && value.get<std::uint64_t>() <= INT64_MAX) {
    return static_cast<std::int64_t>(value.get<std::uint64_t>());
  }
  if (value.is_array()) {
    json out = json::array();
    for (const auto& item : value) {
      out.push_back(canonical(item));
    }
    return out;
  }
  if (value.is_object()) {
    json out = json::object();
    for (const auto& [key, item] : value.items()) {
      out[key] = canonical(item);
    }
    return out;
  }
  return value;
}

std::string canonical_text(const json& value) {
  const bool needs_canonical = value.is_number() || value.is_structured();
  return to_text(needs_canonical ? canonical(value) : value);
}

// Whether `value` holds containers more than `limit` levels deep; iterative, so a value a
// model nested ten thousand times is measured without a deep stack.
bool nested_deeper_than(const json& value, int limit) {
  std::vector<std::pair<const json*, int>> pending{{&value, 0}};
  while (!pending.empty()) {
    const auto [node, depth] = pending.back();
    pending.pop_back();
    if (!node->is_structured()) continue;
    if (depth >= limit) return true;
    for (const auto& child : *node) {
      pending.emplace_back(&child, depth + 1);
    }
  }
  return false;
}

class Validator {
 public:
  std::vector<SchemaViolation> take() { return std::move(violations_); }
  bool valid() const { return violations_.empty(); }
  std::size_t count() const { return violations_.size(); }

  void validate(const json& schema, const json& value, const Pointer& path) {
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) report(path, "is not allowed here");
      return;
    }
    check_type(schema, value, path);
    check_enum_and_const(schema, value, path);
    if (value.is_number()) check_number(schema, value, path);
    if (value.is_string()) check_string(schema, value, path);
    if (value.is_array()) check_array(schema, value, path);
    if (value.is_object()) check_object(schema, value, path);
    check_combinators(schema, value, path);
  }

 private:
  bool full() const { return violations_.size() >= kMaxViolations; }

  void report(const Pointer& path, std::string message) {
    if (full()) return;
    // Keys come from the model: invalid UTF-8 in them must not reach the JSON we answer with.
    const auto sanitized = language::encode_utf8(language::decode_utf8(path.to_string()));
    violations_.push_back({sanitized, std::move(message)});
  }

  void check_type(const json& schema, const json& value, const Pointer& path) {
    if (type_matches(schema, value)) return;
    const json& type = schema["type"];
    const json types = type.is_array() ? type : json::array({type});
    std::string expected;
    for (const auto& name : types) {
      expected += (expected.empty() ? "" : " or ") + with_article(name.get<std::string>());
    }
    report(path, "must be " + expected + " (got " + describe(value) + ")");
  }

  void check_enum_and_const(const json& schema, const json& value, const Pointer& path) {
    if (const auto constant = schema.find("const");
        constant != schema.end() && *constant != value) {
      report(path, "must be " + quote(*constant) + " (got " + describe(value) + ")");
    }
    const auto allowed = schema.find("enum");
    if (allowed == schema.end()) return;
    std::string listed;
    for (std::size_t i = 0; i < allowed->size(); ++i) {
      if ((*allowed)[i] == value) return;
      if (i < kListedEnumValues) listed += (i == 0 ? "" : ", ") + quote((*allowed)[i]);
    }
    if (allowed->size() > kListedEnumValues) listed += ", ...";
    report(path, "must be one of " + listed + " (got " + describe(value) + ")");
  }

  void check_number(const json& schema, const json& value, const Pointer& path) {
    if (!is_finite_number(value)) return;  // the type keyword reports NaN and infinities
    const long double number = as_long_double(value);
    const auto bound = [&](const char* keyword, auto broken, const char* wording) {
      const auto limit = schema.find(keyword);
      if (limit == schema.end() || !broken(number, as_long_double(*limit))) return;
      report(path, std::string("must be ") + wording + " " + to_text(*limit) + " (got " +
                       to_text(value) + ")");
    };
    bound("minimum", std::less<long double>(), "at least");
    bound("maximum", std::greater<long double>(), "at most");
    bound("exclusiveMinimum", std::less_equal<long double>(), "greater than");
    bound("exclusiveMaximum", std::greater_equal<long double>(), "less than");
  }

  void check_string(const json& schema, const json& value, const Pointer& path) {
    const auto min_length = schema.find("minLength");
    const auto max_length = schema.find("maxLength");
    if (min_length == schema.end() && max_length == schema.end()) return;
    const std::size_t length = language::decode_utf8(value.get_ref<const std::string&>()).size();
    if (min_length != schema.end() && length < min_length->get<double>()) {
      report(path, "must be at least " + plural(min_length->get<std::size_t>(), "character") +
                       " long (got " + std::to_string(length) + ")");
    }
    if (max_length != schema.end() && length > max_length->get<double>()) {
      report(path, "must be at most " + plural(max_length->get<std::size_t>(), "character") +
                       " long (got " + std::to_string(length) + ")");
    }
  }

  void check_array(const json& schema, const json& value, const Pointer& path) {
    const auto min_items = schema.find("minItems");
    if (min_items != schema.end() && value.size() < min_items->get<double>()) {
      report(path, "must have at least " + plural(min_items->get<std::size_t>(), "item") +
                       " (got " + std::to_string(value.size()) + ")");
    }
    const auto max_items = schema.find("maxItems");
    if (max_items != schema.end() && value.size() > max_items->get<double>()) {
      report(path, "must have at most " + plural(max_items->get<std::size_t>(), "item") + " (got " +
                       std::to_string(value.size()) + ")");
    }
    if (const auto unique = schema.find("uniqueItems"); unique != schema.end() && *unique) {
      check_unique(value, path);
    }
    const auto items = schema.find("items");
    if (items == schema.end()) return;
    for (std::size_t i = 0; i < value.size() && !full(); ++i) {
      validate(*items, value[i], path / i);
    }
  }

  void check_unique(const json& value, const Pointer& path) {
    std::unordered_map<std::string, std::size_t> first_index;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto [seen, inserted] = first_index.emplace(canonical_text(value[i]), i);
      if (!inserted) {
        report(path, "must not repeat items (items " + std::to_string(seen->second) + " and " +
                         std::to_string(i) + " are equal)");
        return;
      }
    }
  }

  void check_object(const json& schema, const json& value, const Pointer& path) {
    static const json kNoProperties = json::object();
    const auto properties_it = schema.find("properties");
    const json& properties = properties_it == schema.end() ? kNoProperties : *properties_it;
    if (const auto required = schema.find("required"); required != schema.end()) {
      for (const auto& name : *required) {
        if (!value.contains(name.get<std::string>())) {
          report(path, "must have the required property \"" + name.get<std::string>() + "\"");
        }
      }
    }
    const auto additional = schema.find("additionalProperties");
    for (const auto& [key, item] : value.items()) {
      if (full()) return;
      if (const auto property = properties.find(key); property != properties.end()) {
        validate(*property, item, path / key);
      } else if (additional != schema.end()) {
        check_additional(*additional, properties, item, path / key);
      }
    }
  }

  void check_additional(const json& additional, const json& properties, const json& item,
                        const Pointer& path) {
    if (!additional.is_boolean()) return validate(additional, item, path);
    if (additional.get<bool>()) return;
    std::string allowed;
    for (const auto& property : properties.items()) {
      allowed += (allowed.empty() ? "" : ", ") + property.key();
    }
    report(path, allowed.empty() ? "is not an allowed property (none are allowed)"
                                 : "is not an allowed property (allowed: " + allowed + ")");
  }

  void check_combinators(const json& schema, const json& value, const Pointer& path) {
    if (const auto all_of = schema.find("allOf"); all_of != schema.end()) {
      for (const auto& subschema : *all_of) {
        validate(subschema, value, path);
      }
    }
    if (const auto any_of = schema.find("anyOf"); any_of != schema.end()) {
      check_any_of(*any_of, value, path);
    }
    if (const auto one_of = schema.find("oneOf"); one_of != schema.end()) {
      check_one_of(*one_of, value, path);
    }
    if (const auto negated = schema.find("not"); negated != schema.end()) {
      Validator inner;
      inner.validate(*negated, value, path);
      if (inner.valid()) report(path, "must not match the schema under \"not\"");
    }
  }

  // Validates `value` against each alternative; returns the indices that match and, for the
  // message when none does, the first violation of the alternative that came closest.
  static std::vector<std::size_t> matching(const json& alternatives, const json& value,
                                           const Pointer& path, std::string& closest) {
    std::vector<std::size_t> matches;
    std::size_t fewest = SIZE_MAX;
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
      Validator inner;
      inner.validate(alternatives[i], value, path);
      // An alternative for another type is further off than any number of smaller problems.
      const std::size_t distance =
          inner.count() + (type_matches(alternatives[i], value) ? 0 : kMaxViolations + 1);
      if (inner.valid()) {
        matches.push_back(i);
      } else if (distance < fewest) {
        fewest = distance;
        const auto& first = inner.violations_.front();
        const bool here = first.path == path.to_string();
        closest = "; closest is alternative " + std::to_string(i) + ": " +
                  (here ? "the value" : first.path) + " " + first.message;
      }
    }
    return matches;
  }

  void check_any_of(const json& alternatives, const json& value, const Pointer& path) {
    std::string closest;
    if (matching(alternatives, value, path, closest).empty()) {
      report(path, "must match at least one anyOf alternative" + closest);
    }
  }

  void check_one_of(const json& alternatives, const json& value, const Pointer& path) {
    std::string closest;
    const auto matches = matching(alternatives, value, path, closest);
    if (matches.empty()) {
      report(path, "must match exactly one oneOf alternative (matched none" + closest + ")");
    } else if (matches.size() > 1) {
      std::string listed;
      for (const auto index : matches) {
        listed += (listed.empty() ? "" : ", ") + std::to_string(index);
      }
      report(path, "must match exactly one oneOf alternative (matched " +
                       std::to_string(matches.size()) + ": alternatives " + listed + ")");
    }
  }

  std::vector<SchemaViolation> violations_;
};

}  // namespace

std::vector<SchemaViolation> validate_json(const json& schema, const json& value) {
  check_schema_supported(schema);
  if (nested_deeper_than(value, kMaxValueDepth)) {
    return {{"", "is nested more than " + std::to_string(kMaxValueDepth) +
                     " levels deep (arrays or objects inside each other)"}};
  }
  Validator validator;
  validator.validate(schema, value, Pointer());
  return validator.take();
}

}  // namespace codriver::agent
