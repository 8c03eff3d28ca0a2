#include <gtest/gtest.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "agent/json_schema.h"
#include "constraint_test_support.h"
#include "llm/engine/engine_error.h"

// The property constrained decoding exists for: whatever a model picks among the tokens
// the constraint allows, the result is JSON valid for the schema, and it ends.
namespace codriver::llm::engine::testing {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxSteps = 200000;
// No document may be longer: a free value's size is bounded by the limits (strings of 256
// code points, 32 items, 4 levels), far below this for the schemas here.
constexpr std::size_t kMaxDocumentBytes = 400000;

bool has_exponent(const json& value) {
  if (value.is_number_float()) return value.dump().find_first_of("eE") != std::string::npos;
  if (!value.is_structured()) return false;
  for (const auto& item : value) {
    if (has_exponent(item)) return true;
  }
  return false;
}

// Writes `writes` random documents for `schema` and checks each; returns how many
// finished (all of them, unless a check failed).
int check_random_writes(const json& schema, std::uint64_t seed, int writes) {
  const std::string text = schema.dump();
  auto constraint = JsonSchemaConstraint::from_schema(text);
  static const std::vector<std::string> tokens = random_writer_tokens();
  std::mt19937_64 rng(seed);
  int finished = 0;
  for (int i = 0; i < writes; ++i) {
    const RandomWrite write = write_randomly(constraint, tokens, rng, kMaxSteps);
    EXPECT_EQ(write.problem, "")
        << "schema " << text << "\nsize " << write.text.size() << " tail "
        << write.text.substr(write.text.size() - std::min<std::size_t>(write.text.size(), 400));
    if (!write.problem.empty()) return finished;
    EXPECT_LT(write.text.size(), kMaxDocumentBytes);
    json value;
    try {
      value = json::parse(write.text);
    } catch (const json::exception& error) {
      ADD_FAILURE() << "not JSON: " << write.text << "\nschema " << text << "\n" << error.what();
      return finished;
    }
    const auto violations = agent::validate_json(schema, value);
    if (!violations.empty()) {
      ADD_FAILURE() << "invalid: " << write.text << "\nschema " << text << "\n"
                    << violations.front().path << " " << violations.front().message;
      return finished;
    }
    // The same value as nlohmann writes it (compact, its own key order and number
    // spelling) is accepted too, unless it chose an exponent where a range forbids one.
    const std::string rewritten = value.dump();
    if (!has_exponent(value)) {
      EXPECT_TRUE(whole(text, rewritten)) << "refused " << rewritten << "\nschema " << text;
    }
    ++finished;
  }
  return finished;
}

class RandomSchemas {
 public:
  explicit RandomSchemas(std::uint64_t seed) : rng_(seed) {}

  json schema(int depth) {
    const int kinds = depth >= 3 ? 6 : 13;
    switch (pick(kinds)) {
      case 0:
        return string_schema();
      case 1:
        return integer_schema();
      case 2:
        return number_schema();
      case 3:
        return json{{"type", "boolean"}};
      case 4:
        return json{{"type", pick(2) == 0 ? "null" : "string"}, {"maxLength", pick(4)}};
      case 5:
        return enum_schema();
      case 6:
        return array_schema(depth);
      case 7:
      case 8:
        return object_schema(depth);
      case 9:
        return json{{"anyOf", {schema(depth + 1), schema(depth + 1)}}};
      case 10:
        return json{{"type", json::array({"string", "null"})}, {"minLength", 1}};
      case 11:
        return pick(3) == 0 ? json::object() : json{{"type", pick(2) == 0 ? "object" : "array"}};
      default:
        return json{{"allOf", {object_schema(depth), json{{"required", {name()}}}}}};
    }
  }

 private:
  int pick(int n) { return static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); }

  std::string name() {
    static const std::vector<std::string> names = {
        "a", "b", "name", "na", "名字", "say \"x\"", "tab\there", "k", "place_id", "x/y"};
    return names[static_cast<std::size_t>(pick(static_cast<int>(names.size())))];
  }

  json string_schema() {
    json schema = {{"type", "string"}};
    const int min = pick(3);
    if (pick(2) == 0) schema["minLength"] = min;
    if (pick(2) == 0) schema["maxLength"] = min + pick(12);
    return schema;
  }

  json integer_schema() {
    json schema = {{"type", "integer"}};
    const int lo = pick(100) - 50;
    if (pick(2) == 0) schema[pick(2) == 0 ? "minimum" : "exclusiveMinimum"] = lo;
    if (pick(2) == 0) schema[pick(2) == 0 ? "maximum" : "exclusiveMaximum"] = lo + 2 + pick(300);
    return schema;
  }

  json number_schema() {
    json schema = {{"type", "number"}};
    const double lo = (pick(2000) - 1000) / 8.0;
    if (pick(2) == 0) schema[pick(2) == 0 ? "minimum" : "exclusiveMinimum"] = lo;
    if (pick(2) == 0) {
      schema[pick(2) == 0 ? "maximum" : "exclusiveMaximum"] = lo + 0.125 + pick(400) / 4.0;
    }
    return schema;
  }

  json enum_schema() {
    static const std::vector<json> values = {"restaurant", "rest", "cafe",  "é北京", "say \"hi\"",
                                             "tab\t",      1,      12,      1.5,     -3,
                                             true,         false,  nullptr, 0};
    json listed = json::array();
    const int count = 1 + pick(5);
    for (int i = 0; i < count; ++i)
      listed.push_back(values[static_cast<std::size_t>(pick(14))]);
    if (count == 1 && pick(2) == 0) return json{{"const", listed[0]}};
    return json{{"enum", listed}};
  }

  json array_schema(int depth) {
    json schema = {{"type", "array"}};
    if (pick(4) != 0) schema["items"] = this->schema(depth + 1);
    const int min = pick(3);
    if (pick(2) == 0) schema["minItems"] = min;
    if (pick(2) == 0) schema["maxItems"] = min + pick(4);
    return schema;
  }

  json object_schema(int depth) {
    json schema = {{"type", "object"}};
    json properties = json::object();
    const int count = pick(5);
    for (int i = 0; i < count; ++i)
      properties[name()] = this->schema(depth + 1);
    schema["properties"] = properties;
    json required = json::array();
    for (const auto& [key, value] : properties.items()) {
      if (pick(2) == 0) required.push_back(key);
    }
    if (!required.empty()) schema["required"] = required;
    switch (pick(3)) {
      case 0:
        schema["additionalProperties"] = false;
        break;
      case 1:
        schema["additionalProperties"] = this->schema(depth + 1);
        break;
      default:
        break;
    }
    if (pick(5) == 0 && count >= 2) {
      schema["anyOf"] = {{{"required", {properties.begin().key()}}},
                         {{"required", {std::next(properties.begin()).key()}}}};
    }
    return schema;
  }

  std::mt19937_64 rng_;
};

TEST(ConstraintRandomWriter, RandomSchemasYieldValidJsonThatEnds) {
  int compiled = 0, impossible = 0, documents = 0;
  for (std::uint64_t seed = 1; seed <= 120; ++seed) {
    RandomSchemas schemas(seed);
    const json schema = schemas.schema(0);
    ASSERT_NO_THROW(agent::check_schema_supported(schema)) << schema.dump();
    try {
      JsonSchemaConstraint::from_schema(schema.dump());
    } catch (const EngineError& error) {
      // Random keywords can contradict each other; nothing else may go wrong.
      ASSERT_NE(std::string(error.what()).find("admits no value"), std::string::npos)
          << error.what() << "\n"
          << schema.dump();
      ++impossible;
      continue;
    }
    ++compiled;
    const int writes = 6;
    documents += check_random_writes(schema, seed * 1000, writes);
    ASSERT_FALSE(::testing::Test::HasFailure()) << "seed " << seed;
  }
  EXPECT_GE(compiled, 100);
  EXPECT_EQ(documents, compiled * 6);
  std::cout << compiled << " random schemas, " << impossible << " impossible, " << documents
            << " documents\n";
}

}  // namespace
}  // namespace codriver::llm::engine::testing
