#include "llm/engine/json_schema_compiler.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <unordered_map>
#include <utility>

#include "llm/engine/engine_error.h"
#include "llm/engine/json_schema_keywords.h"
#include "llm/engine/json_text.h"

namespace codriver::llm::engine::json_schema {
namespace {

using json_text::JsonValue;
using Conjuncts = std::vector<const JsonValue*>;  // schemas that all must hold

std::size_t code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::uint32_t count_of(const JsonValue& value) {
  return static_cast<std::uint32_t>(
      std::min<long double>(validator_number(value.text), kLargestCount));
}

std::uint8_t type_bits(std::string_view name) {
  if (name == "null") return kNullBit;
  if (name == "boolean") return kBooleanBit;
  if (name == "integer") return kIntegerBit;
  if (name == "number") return kIntegerBit | kNumberBit;
  if (name == "string") return kStringBit;
  if (name == "array") return kArrayBit;
  return kObjectBit;
}

std::uint8_t type_bits(const JsonValue& type) {
  if (type.is_string()) return type_bits(type.text);
  std::uint8_t bits = 0;
  for (const auto& name : type.items)
    bits |= type_bits(name.text);
  return bits;
}

// The keywords of one conjunction of schemas (their combinators already expanded), merged.
struct Plain {
  bool trivial = true;  // nothing but annotations: the universal schema
  std::uint8_t types = kAllTypes;
  std::vector<std::vector<const JsonValue*>> enum_sets;
  std::uint32_t min_length = 0;
  std::uint32_t max_length = kLargestCount;
  bool has_max_length = false;
  std::vector<std::pair<std::string_view, const JsonValue*>> bounds;
  Conjuncts items;
  std::uint32_t min_items = 0;
  std::uint32_t max_items = kLargestCount;
  bool has_max_items = false;
  Conjuncts object_parts;  // the schemas with properties or additionalProperties
  std::vector<std::string> required;
};

void merge_keyword(Plain& plain, const JsonValue* schema, std::string_view keyword,
                   const JsonValue& value) {
  if (is_annotation(keyword) || keyword == "anyOf" || keyword == "oneOf" || keyword == "allOf" ||
      keyword == "uniqueItems") {
    return;  // combinators were expanded; uniqueItems can only be false here
  }
  plain.trivial = false;
  if (keyword == "type") {
    plain.types &= type_bits(value);
  } else if (keyword == "enum") {
    std::vector<const JsonValue*> set;
    for (const auto& item : value.items)
      set.push_back(&item);
    plain.enum_sets.push_back(std::move(set));
  } else if (keyword == "const") {
    plain.enum_sets.push_back({&value});
  } else if (keyword == "minLength") {
    plain.min_length = std::max(plain.min_length, count_of(value));
  } else if (keyword == "maxLength") {
    plain.max_length = std::min(plain.max_length, count_of(value));
    plain.has_max_length = true;
  } else if (keyword == "minItems") {
    plain.min_items = std::max(plain.min_items, count_of(value));
  } else if (keyword == "maxItems") {
    plain.max_items = std::min(plain.max_items, count_of(value));
    plain.has_max_items = true;
  } else if (keyword == "items") {
    plain.items.push_back(&value);
  } else if (keyword == "required") {
    for (const auto& name : value.items)
      plain.required.push_back(name.text);
  } else if (keyword == "properties" || keyword == "additionalProperties") {
    if (plain.object_parts.empty() || plain.object_parts.back() != schema) {
      plain.object_parts.push_back(schema);
    }
  } else {  // minimum, maximum, exclusiveMinimum, exclusiveMaximum
    plain.bounds.emplace_back(keyword, &value);
  }
}

Plain merge(const Conjuncts& schemas) {
  Plain plain;
  for (const JsonValue* schema : schemas) {
    for (const auto& [keyword, value] : schema->members) {
      merge_keyword(plain, schema, keyword, value);
    }
  }
  return plain;
}

bool scalar_equal(const JsonValue& a, const JsonValue& b) {
  if (a.kind != b.kind) return false;
  if (a.is_number()) return validator_number(a.text) == validator_number(b.text);
  if (a.is_bool()) return a.boolean == b.boolean;
  return a.text == b.text;  // strings; null has no text
}

bool within_bounds(const Plain& plain, long double number) {
  for (const auto& [keyword, limit_value] : plain.bounds) {
    const long double limit = validator_number(limit_value->text);
    if (keyword == "minimum" && number < limit) return false;
    if (keyword == "maximum" && number > limit) return false;
    if (keyword == "exclusiveMinimum" && number <= limit) return false;
    if (keyword == "exclusiveMaximum" && number >= limit) return false;
  }
  return true;
}

// Whether the agent's validator finds the enum/const value valid for the other keywords.
bool satisfies(const Plain& plain, const JsonValue& value) {
  switch (value.kind) {
    case JsonValue::Kind::kNull:
      return (plain.types & kNullBit) != 0;
    case JsonValue::Kind::kBool:
      return (plain.types & kBooleanBit) != 0;
    case JsonValue::Kind::kString: {
      const std::size_t length = code_points(value.text);
      return (plain.types & kStringBit) != 0 && length >= plain.min_length &&
             (!plain.has_max_length || length <= plain.max_length);
    }
    case JsonValue::Kind::kNumber: {
      const long double number = validator_number(value.text);
      if (!std::isfinite(number)) return false;
      const bool type_ok = (plain.types & kNumberBit) != 0 ||
                           ((plain.types & kIntegerBit) != 0 && validator_integral(value.text));
      return type_ok && within_bounds(plain, number);
    }
    default:
      return false;  // objects and arrays were refused when checking keywords
  }
}

std::string literal_text(const JsonValue& value) {
  switch (value.kind) {
    case JsonValue::Kind::kNull:
      return "null";
    case JsonValue::Kind::kBool:
      return value.boolean ? "true" : "false";
    case JsonValue::Kind::kString:
      return json_text::quote_json_string(value.text);
    default:
      return value.text;
  }
}

void apply_bounds(const Plain& plain, Node& node) {
  node.bounded = !plain.bounds.empty();
  for (const auto& [keyword, limit] : plain.bounds) {
    bool exact = false;
    if (keyword == "minimum") {
      node.lo = std::max(node.lo, units_of(limit->text, Rounding::kCeil));
    } else if (keyword == "exclusiveMinimum") {
      const Units units = units_of(limit->text, Rounding::kCeil, &exact);
      node.lo = std::max(node.lo, exact ? units + 1 : units);
    } else if (keyword == "maximum") {
      node.hi = std::min(node.hi, units_of(limit->text, Rounding::kFloor));
    } else {
      const Units units = units_of(limit->text, Rounding::kFloor, &exact);
      node.hi = std::min(node.hi, exact ? units - 1 : units);
    }
  }
}

bool number_reachable(const Node& node) {
  const bool integer_only = (node.types & kNumberBit) == 0;
  NumberPrefix positive, negative;
  negative.negative = true;
  return can_reach_range(positive, integer_only, node.lo, node.hi) ||
         can_reach_range(negative, integer_only, node.lo, node.hi);
}

// Drops masks that hold another one: the object is complete once the smaller one is.
std::vector<std::uint64_t> minimal_masks(std::vector<std::uint64_t> masks) {
  std::sort(masks.begin(), masks.end());
  masks.erase(std::unique(masks.begin(), masks.end()), masks.end());
  std::vector<std::uint64_t> kept;
  for (const auto mask : masks) {
    const bool covered = std::any_of(
        kept.begin(), kept.end(), [mask](std::uint64_t other) { return (mask & other) == other; });
    if (!covered) kept.push_back(mask);
  }
  return kept;
}

bool is_trivial(const JsonValue& schema) {
  if (schema.is_bool()) return schema.boolean;
  return std::all_of(schema.members.begin(), schema.members.end(),
                     [](const auto& member) { return is_annotation(member.first); });
}

class Compiler {
 public:
  explicit Compiler(CompiledSchema& out) : out_(out) {
    Alternatives& any_alternatives = out_.alternatives.emplace_back();
    Node& any = out_.nodes.emplace_back();
    any.any = true;
    any.items = &any_alternatives;
    any.additional = &any_alternatives;
    any_alternatives.push_back(&any);
    out_.any = &any_alternatives;
  }

  // The alternatives for a place whose value must satisfy all of `schemas`.
  const Alternatives* compile(const Conjuncts& schemas, int nesting) {
    if (std::all_of(schemas.begin(), schemas.end(),
                    [](const JsonValue* schema) { return is_trivial(*schema); })) {
      return out_.any;
    }
    if (nesting > kMaxSchemaNesting) {
      throw EngineError("JSON Schema nests objects and arrays more than " +
                        std::to_string(kMaxSchemaNesting) +
                        " levels deep: constrained decoding supports no more");
    }
    std::vector<const Node*> nodes;
    for (const Conjuncts& flat : expand(schemas)) {
      const Node* node = compile_flat(flat, nesting);
      if (node == nullptr) continue;
      if (node->any) return out_.any;
      nodes.push_back(node);
    }
    return intern(merge_required_variants(nodes));
  }

 private:
  // anyOf/oneOf/allOf multiplied out: each result lists the schemas whose own keywords hold.
  std::vector<Conjuncts> expand(const Conjuncts& schemas) {
    std::vector<Conjuncts> result{{}};
    for (const JsonValue* schema : schemas)
      result = product(result, expand_one(*schema));
    return result;
  }

  std::vector<Conjuncts> expand_one(const JsonValue& schema) {
    if (schema.is_bool())
      return schema.boolean ? std::vector<Conjuncts>{{}} : std::vector<Conjuncts>{};
    std::vector<Conjuncts> result{{&schema}};
    for (const auto& [keyword, value] : schema.members) {
      if (keyword == "allOf") {
        for (const auto& member : value.items)
          result = product(result, expand_one(member));
      } else if (keyword == "anyOf" || keyword == "oneOf") {
        std::vector<Conjuncts> choices;
        for (const auto& member : value.items) {
          for (auto& choice : expand_one(member))
            choices.push_back(std::move(choice));
          check_alternative_count(choices.size());
        }
        result = product(result, choices);
      }
    }
    return result;
  }

  static std::vector<Conjuncts> product(const std::vector<Conjuncts>& left,
                                        const std::vector<Conjuncts>& right) {
    check_alternative_count(left.size() * right.size());
    std::vector<Conjuncts> result;
    for (const auto& a : left) {
      for (const auto& b : right) {
        Conjuncts both = a;
        both.insert(both.end(), b.begin(), b.end());
        result.push_back(std::move(both));
      }
    }
    return result;
  }

  static void check_alternative_count(std::size_t count) {
    if (count > kMaxAlternatives) {
      throw EngineError("JSON Schema combines anyOf/oneOf/allOf into more than " +
                        std::to_string(kMaxAlternatives) +
                        " alternatives for one value: constrained decoding supports no more");
    }
  }

  // The node for one conjunction without combinators; nullptr when no value satisfies it.
  const Node* compile_flat(const Conjuncts& flat, int nesting) {
    if (++compiled_ > kMaxNodes) {
      throw EngineError(
          "JSON Schema is too large for constrained decoding (it expands to more than " +
          std::to_string(kMaxNodes) + " sub-schemas)");
    }
    const Plain plain = merge(flat);
    if (plain.trivial) return out_.any->front();
    if (!plain.enum_sets.empty()) return compile_enum(plain);
    Node node;
    node.types = plain.types;
    compile_string(plain, node);
    compile_number(plain, node);
    if ((node.types & kArrayBit) != 0 && !compile_array(plain, nesting, node)) {
      node.types &= ~kArrayBit;
    }
    if ((node.types & kObjectBit) != 0 && !compile_object(plain, nesting, node)) {
      node.types &= ~kObjectBit;
    }
    if (node.types == 0) return nullptr;
    return intern(std::move(node));
  }

  const Node* compile_enum(const Plain& plain) {
    Node node;
    node.has_enum = true;
    for (const JsonValue* value : plain.enum_sets.front()) {
      const bool in_all =
          std::all_of(plain.enum_sets.begin() + 1, plain.enum_sets.end(), [&](const auto& set) {
            return std::any_of(set.begin(), set.end(), [&](const JsonValue* other) {
              return scalar_equal(*value, *other);
            });
          });
      if (in_all && satisfies(plain, *value)) node.enum_texts.push_back(literal_text(*value));
    }
    std::sort(node.enum_texts.begin(), node.enum_texts.end());
    node.enum_texts.erase(std::unique(node.enum_texts.begin(), node.enum_texts.end()),
                          node.enum_texts.end());
    if (node.enum_texts.empty()) return nullptr;
    return intern(std::move(node));
  }

  static void compile_string(const Plain& plain, Node& node) {
    node.min_length = plain.min_length;
    node.max_length =
        plain.has_max_length ? plain.max_length : std::max(kDefaultMaxLength, plain.min_length);
    if (node.min_length > node.max_length) node.types &= ~kStringBit;
  }

  static void compile_number(const Plain& plain, Node& node) {
    if ((node.types & kIntegerBit) == 0) node.types &= ~kNumberBit;
    apply_bounds(plain, node);
    if ((node.types & kIntegerBit) != 0 && !number_reachable(node)) {
      node.types &= ~(kIntegerBit | kNumberBit);
    }
  }

  bool compile_array(const Plain& plain, int nesting, Node& node) {
    node.items = compile(plain.items, nesting + 1);
    node.min_items = plain.min_items;
    node.max_items =
        plain.has_max_items ? plain.max_items : std::max(kDefaultMaxItems, plain.min_items);
    if (node.items->empty()) node.max_items = 0;
    return node.min_items <= node.max_items;
  }

  // For a key, what each object part demands: its property schema, else its
  // additionalProperties (an exact reading of allOf over properties/additionalProperties).
  static Conjuncts key_schemas(const Plain& plain, const std::string& key) {
    Conjuncts schemas;
    for (const JsonValue* part : plain.object_parts) {
      const JsonValue* properties = part->find("properties");
      const JsonValue* named = properties != nullptr ? properties->find(key) : nullptr;
      const JsonValue* additional = part->find("additionalProperties");
      if (named != nullptr) {
        schemas.push_back(named);
      } else if (additional != nullptr) {
        schemas.push_back(additional);
      }
    }
    return schemas;
  }

  static std::vector<std::string> key_names(const Plain& plain) {
    std::vector<std::string> names;
    const auto add = [&](const std::string& name) {
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    };
    for (const JsonValue* part : plain.object_parts) {
      if (const JsonValue* properties = part->find("properties")) {
        for (const auto& member : properties->members)
          add(member.first);
      }
    }
    for (const auto& name : plain.required)
      add(name);
    if (names.size() > kMaxProperties) {
      throw EngineError("JSON Schema object names " + std::to_string(names.size()) +
                        " properties: constrained decoding supports at most " +
                        std::to_string(kMaxProperties) + " per object");
    }
    return names;
  }

  bool compile_object(const Plain& plain, int nesting, Node& node) {
    std::vector<std::string> names = key_names(plain);
    std::vector<std::size_t> order(names.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<std::string> texts;
    for (const auto& name : names)
      texts.push_back(json_text::quote_json_string(name).substr(1));
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return texts[a] < texts[b]; });
    std::uint32_t longest = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
      const std::string& name = names[order[i]];
      const Alternatives* values = compile(key_schemas(plain, name), nesting + 1);
      node.key_texts.push_back(texts[order[i]]);
      node.key_values.push_back(values);
      if (values->empty()) node.forbidden_keys |= std::uint64_t{1} << i;
      longest = std::max(longest, static_cast<std::uint32_t>(code_points(name)));
    }
    Conjuncts additional;
    for (const JsonValue* part : plain.object_parts) {
      if (const JsonValue* schema = part->find("additionalProperties"))
        additional.push_back(schema);
    }
    const Alternatives* free_values = compile(additional, nesting + 1);
    node.additional = free_values->empty() ? nullptr : free_values;
    node.free_key_length = std::max(kFreeKeyLength, longest + 1);
    std::uint64_t required = 0;
    for (const auto& name : plain.required) {
      const auto sorted = std::find(node.key_texts.begin(), node.key_texts.end(),
                                    json_text::quote_json_string(name).substr(1));
      required |= std::uint64_t{1} << (sorted - node.key_texts.begin());
    }
    node.required_masks = {required};
    return (required & node.forbidden_keys) == 0;
  }

  // Alternatives that differ only in which keys they require become one node that accepts
  // any of those key sets ({"anyOf": [{"required": ["a"]}, {"required": ["b"]}]}), so the
  // recogniser follows one path instead of one per alternative.
  std::vector<const Node*> merge_required_variants(const std::vector<const Node*>& nodes) {
    std::vector<const Node*> result;
    std::vector<std::string> prints;
    for (const Node* node : nodes) {
      const std::string print = fingerprint(*node, false);
      const auto same = std::find(prints.begin(), prints.end(), print);
      if (same == prints.end()) {
        prints.push_back(print);
        result.push_back(node);
        continue;
      }
      const std::size_t index = static_cast<std::size_t>(same - prints.begin());
      Node merged = *result[index];
      merged.required_masks.insert(merged.required_masks.end(), node->required_masks.begin(),
                                   node->required_masks.end());
      merged.required_masks = minimal_masks(std::move(merged.required_masks));
      result[index] = intern(std::move(merged));
    }
    return result;
  }

  static std::string id(const void* pointer) {
    return std::to_string(reinterpret_cast<std::uintptr_t>(pointer));
  }

  static std::string units_text(Units value) {
    const bool negative = value < 0;
    Units magnitude = negative ? -value : value;
    std::string digits;
    do {
      digits += static_cast<char>('0' + static_cast<int>(magnitude % 10));
      magnitude /= 10;
    } while (magnitude != 0);
    std::reverse(digits.begin(), digits.end());
    return (negative ? "-" : "") + digits;
  }

  // Everything the recogniser reads from a node, as text: equal prints, equal nodes.
  static std::string fingerprint(const Node& node, bool with_required) {
    std::string print = std::to_string(node.types) + (node.any ? "A" : "") + "|";
    if (node.has_enum) {
      print += "E";
      for (const auto& text : node.enum_texts)
        print += std::to_string(text.size()) + ":" + text;
      return print;
    }
    print += std::to_string(node.min_length) + "," + std::to_string(node.max_length) + "|" +
             (node.bounded ? "B" : "") + units_text(node.lo) + "," + units_text(node.hi) + "|" +
             id(node.items) + "," + std::to_string(node.min_items) + "," +
             std::to_string(node.max_items) + "|" + id(node.additional) + "," +
             std::to_string(node.free_key_length) + "," + std::to_string(node.forbidden_keys);
    for (std::size_t i = 0; i < node.key_texts.size(); ++i) {
      print += "|" + std::to_string(node.key_texts[i].size()) + ":" + node.key_texts[i] + "=" +
               id(node.key_values[i]);
    }
    if (with_required) {
      print += "|R";
      for (const auto mask : node.required_masks)
        print += std::to_string(mask) + ",";
    }
    return print;
  }

  const Node* intern(Node node) {
    std::string print = fingerprint(node, true);
    if (const auto found = nodes_.find(print); found != nodes_.end()) return found->second;
    const Node* stored = &out_.nodes.emplace_back(std::move(node));
    nodes_.emplace(std::move(print), stored);
    return stored;
  }

  const Alternatives* intern(const std::vector<const Node*>& nodes) {
    std::string print;
    for (const Node* node : nodes)
      print += id(node) + ",";
    if (const auto found = alternatives_.find(print); found != alternatives_.end()) {
      return found->second;
    }
    const Alternatives* stored = &out_.alternatives.emplace_back(nodes);
    alternatives_.emplace(std::move(print), stored);
    return stored;
  }

  CompiledSchema& out_;
  std::size_t compiled_ = 0;
  std::unordered_map<std::string, const Node*> nodes_;
  std::unordered_map<std::string, const Alternatives*> alternatives_;
};

}  // namespace

std::shared_ptr<const CompiledSchema> compile_schema(std::string_view schema_text) {
  const JsonValue schema = json_text::parse_json(schema_text);
  check_keywords(schema);
  auto compiled = std::make_shared<CompiledSchema>();
  Compiler compiler(*compiled);
  compiled->root = compiler.compile({&schema}, 0);
  if (compiled->root->empty()) {
    throw EngineError(
        "JSON Schema admits no value constrained decoding could write (contradicting keywords, "
        "a required property that is not allowed, or limits no value meets)");
  }
  return compiled;
}

}  // namespace codriver::llm::engine::json_schema
