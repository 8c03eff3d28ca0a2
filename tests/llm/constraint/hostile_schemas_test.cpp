#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "constraint_test_support.h"

namespace codriver::llm::engine::testing {
namespace {

using ::testing::HasSubstr;

std::string nested_items(int levels) {
  std::string schema;
  for (int i = 0; i < levels; ++i)
    schema += R"({"type": "array", "items": )";
  schema += R"({"type": "integer"})";
  schema += std::string(static_cast<std::size_t>(levels), '}');
  return schema;
}

TEST(ConstraintSchemaErrors, TextThatIsNotJson) {
  EXPECT_THAT(schema_error("not json"), HasSubstr("JSON Schema is not valid JSON"));
  EXPECT_THAT(schema_error(R"({"type": "string")"), HasSubstr("not valid JSON"));
  EXPECT_THAT(schema_error(R"({"type": "string"} x)"), HasSubstr("after the JSON value"));
  EXPECT_THAT(schema_error(R"({"type": "string", "type": "integer"})"), HasSubstr("twice"));
  EXPECT_THAT(schema_error(""), HasSubstr("not valid JSON"));
  EXPECT_THAT(schema_error("42"), HasSubstr("must be an object or a boolean"));
}

TEST(ConstraintSchemaErrors, DeepNestingIsAClearErrorNotACrash) {
  EXPECT_THAT(schema_error(nested_items(1000)), HasSubstr("nesting deeper than 128 levels"));
  EXPECT_THAT(schema_error(std::string(100000, '[')), HasSubstr("nesting deeper than 128"));
  EXPECT_THAT(schema_error(nested_items(30)), HasSubstr("more than 24 levels deep"));
  EXPECT_EQ(schema_error(nested_items(24)), "");
  EXPECT_TRUE(whole(nested_items(24), std::string(24, '[') + "7" + std::string(24, ']')));
}

TEST(ConstraintSchemaErrors, UnsupportedKeywordsAreNamedWithTheirPlace) {
  EXPECT_EQ(schema_error(R"({"properties": {"name": {"type": "string", "pattern": "^a"}}})"),
            "JSON Schema keyword \"pattern\" at /properties/name is not supported by constrained "
            "decoding");
  for (const char* keyword : {"format", "$ref", "not", "if", "then", "propertyNames", "multipleOf",
                              "prefixItems", "dependentRequired", "minProperties"}) {
    const std::string schema = std::string(R"({"type": "string", ")") + keyword + R"(": {}})";
    EXPECT_THAT(schema_error(schema),
                HasSubstr("\"" + std::string(keyword) + "\" at the schema root"))
        << keyword;
  }
  EXPECT_THAT(schema_error(R"({"uniqueItems": true})"), HasSubstr("\"uniqueItems\""));
  EXPECT_EQ(schema_error(R"({"uniqueItems": false})"), "");
  EXPECT_THAT(schema_error(R"({"items": [{"type": "string"}]})"), HasSubstr("\"items\""));
  EXPECT_THAT(schema_error(R"({"enum": [{"a": 1}]})"), HasSubstr("\"enum\""));
  EXPECT_THAT(schema_error(R"({"type": "text"})"), HasSubstr("\"type\""));
  EXPECT_THAT(schema_error(R"({"minLength": -1})"), HasSubstr("\"minLength\""));
  EXPECT_THAT(schema_error(R"({"maximum": "10"})"), HasSubstr("\"maximum\""));
  EXPECT_THAT(schema_error(R"({"anyOf": []})"), HasSubstr("\"anyOf\""));
  EXPECT_THAT(schema_error(R"({"anyOf": [{"format": "date"}]})"), HasSubstr("/anyOf/0"));
  // Annotations are fine.
  EXPECT_EQ(schema_error(R"({"type": "string", "description": "d", "title": "t", "default": "x",
                            "examples": ["y"], "$comment": "c",
                            "$schema": "https://json-schema.org/draft/2020-12/schema"})"),
            "");
}

TEST(ConstraintSchemaErrors, SchemasNoValueSatisfies) {
  for (const char* impossible :
       {R"(false)", R"({"type": "string", "minLength": 5, "maxLength": 2})",
        R"({"type": "integer", "minimum": 1.5, "maximum": 1.9})",
        R"({"type": "number", "minimum": 3, "exclusiveMaximum": 3})",
        R"({"type": "object", "properties": {"a": false}, "required": ["a"]})",
        R"({"type": "object", "additionalProperties": false, "required": ["a"]})",
        R"({"enum": ["a", "b"], "type": "integer"})", R"({"enum": []})",
        R"({"type": "array", "items": false, "minItems": 1})",
        R"({"allOf": [{"type": "string"}, {"type": "number"}]})",
        R"({"anyOf": [{"type": "string", "maxLength": 0, "minLength": 1}, false]})"}) {
    EXPECT_THAT(schema_error(impossible), HasSubstr("admits no value")) << impossible;
  }
}

TEST(ConstraintSchemaErrors, CombinatorsThatMultiplyTooFar) {
  std::string schema = R"({"allOf": [)";
  for (int i = 0; i < 7; ++i) {
    schema += std::string(i == 0 ? "" : ",") + R"({"anyOf": [{"minimum": 0}, {"maximum": 10}]})";
  }
  schema += "]}";
  EXPECT_THAT(schema_error(schema), HasSubstr("more than 64 alternatives"));
}

TEST(ConstraintSchemaErrors, TooManyPropertiesInOneObject) {
  std::string schema = R"({"properties": {)";
  for (int i = 0; i < 65; ++i) {
    schema += std::string(i == 0 ? "" : ",") + "\"p" + std::to_string(i) + "\": {}";
  }
  schema += "}}";
  EXPECT_THAT(schema_error(schema), HasSubstr("at most 64"));
}

TEST(ConstraintSchemaErrors, AHugeEnumCompilesAndStaysFast) {
  std::string schema = R"({"enum": [)";
  for (int i = 0; i < 20000; ++i) {
    schema += std::string(i == 0 ? "" : ",") + "\"value" + std::to_string(i * 7919 % 100003) + "\"";
  }
  schema += "]}";
  const auto start = std::chrono::steady_clock::now();
  auto constraint = JsonSchemaConstraint::from_schema(schema);
  EXPECT_TRUE(constraint.accepts("\"value7919\""));
  EXPECT_FALSE(constraint.accepts("\"value7918\""));
  EXPECT_TRUE(constraint.accepts("\"value1"));
  constraint.advance("\"value1583");
  EXPECT_TRUE(constraint.accepts("8\""));  // 1583 * ... = one of them
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
}

}  // namespace
}  // namespace codriver::llm::engine::testing
