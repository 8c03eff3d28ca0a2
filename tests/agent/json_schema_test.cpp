#include "agent/json_schema.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace codriver::agent {
namespace {

using nlohmann::json;

// The violations as "path: message" lines, so a failing test shows all of them.
std::vector<std::string> lines(const json& schema, const json& value) {
  std::vector<std::string> out;
  for (const auto& violation : validate_json(schema, value)) {
    out.push_back(violation.path + ": " + violation.message);
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST(JsonSchemaType, AcceptsMatchingTypesAndNamesTheMismatch) {
  EXPECT_EQ(lines({{"type", "string"}}, "Casino"), Lines{});
  EXPECT_EQ(lines({{"type", "boolean"}}, true), Lines{});
  EXPECT_EQ(lines({{"type", "null"}}, nullptr), Lines{});
  EXPECT_EQ(lines({{"type", "object"}}, json::object()), Lines{});
  EXPECT_EQ(lines({{"type", "array"}}, json::array()), Lines{});
  EXPECT_EQ(lines({{"type", "string"}}, 3), Lines{": must be a string (got 3)"});
  EXPECT_EQ(lines({{"type", "boolean"}}, "true"), Lines{": must be a boolean (got \"true\")"});
  EXPECT_EQ(lines({{"type", "object"}}, json::array({1, 2})),
            Lines{": must be an object (got an array of 2 items)"});
  EXPECT_EQ(lines({{"type", "array"}}, json{{"a", 1}}),
            Lines{": must be an array (got an object with 1 property)"});
  EXPECT_EQ(lines({{"type", "null"}}, 0), Lines{": must be null (got 0)"});
}

TEST(JsonSchemaType, IntegerAcceptsWholeFloatsButNotFractions) {
  const json integer = {{"type", "integer"}};
  EXPECT_EQ(lines(integer, 3), Lines{});
  EXPECT_EQ(lines(integer, json::parse("3.0")), Lines{});
  EXPECT_EQ(lines(integer, json::parse("-7")), Lines{});
  EXPECT_EQ(lines(integer, json::parse("18446744073709551615")), Lines{});
  EXPECT_EQ(lines(integer, json::parse("3.5")), Lines{": must be an integer (got 3.5)"});
  EXPECT_EQ(lines(integer, "3"), Lines{": must be an integer (got \"3\")"});
  EXPECT_EQ(lines(integer, true), Lines{": must be an integer (got true)"});
}

TEST(JsonSchemaType, NumberAcceptsIntegersAndFloatsButNotNonFiniteValues) {
  const json number = {{"type", "number"}};
  EXPECT_EQ(lines(number, 3), Lines{});
  EXPECT_EQ(lines(number, 3.25), Lines{});
  EXPECT_EQ(lines(number, "3.25"), Lines{": must be a number (got \"3.25\")"});
  // JSON text cannot hold NaN, but a handler-built value can; it is no number to a tool.
  EXPECT_EQ(validate_json(number, std::nan("")).size(), 1u);
  EXPECT_EQ(validate_json({{"type", "integer"}}, INFINITY).size(), 1u);
}

TEST(JsonSchemaType, ArrayOfTypesAcceptsAnyOfThem) {
  const json nullable = {{"type", json::array({"string", "null"})}};
  EXPECT_EQ(lines(nullable, "x"), Lines{});
  EXPECT_EQ(lines(nullable, nullptr), Lines{});
  EXPECT_EQ(lines(nullable, 1), Lines{": must be a string or null (got 1)"});
}

TEST(JsonSchemaNumbers, InclusiveAndExclusiveBoundsQuoteLimitAndValue) {
  const json radius = {{"type", "number"}, {"minimum", 0}, {"maximum", 50000}};
  EXPECT_EQ(lines(radius, 0), Lines{});
  EXPECT_EQ(lines(radius, 50000), Lines{});
  EXPECT_EQ(lines(radius, 90000), Lines{": must be at most 50000 (got 90000)"});
  EXPECT_EQ(lines(radius, -1.5), Lines{": must be at least 0 (got -1.5)"});
  const json open = {{"exclusiveMinimum", 0}, {"exclusiveMaximum", 1.5}};
  EXPECT_EQ(lines(open, 0.001), Lines{});
  EXPECT_EQ(lines(open, 0), Lines{": must be greater than 0 (got 0)"});
  EXPECT_EQ(lines(open, 1.5), Lines{": must be less than 1.5 (got 1.5)"});
  // Bounds apply to numbers only; other types pass them (type is a separate keyword).
  EXPECT_EQ(lines(radius, "far"), Lines{": must be a number (got \"far\")"});
  EXPECT_EQ(lines({{"maximum", 1}}, "far"), Lines{});
}

TEST(JsonSchemaNumbers, CompareLargeIntegersExactly) {
  // 2^53 + 1 is not representable as a double; a double comparison would call it equal.
  const json schema = {{"maximum", json::parse("9007199254740992")}};
  EXPECT_EQ(lines(schema, json::parse("9007199254740992")), Lines{});
  EXPECT_EQ(lines(schema, json::parse("9007199254740993")),
            Lines{": must be at most 9007199254740992 (got 9007199254740993)"});
  EXPECT_EQ(lines({{"minimum", 0}}, json::parse("-9223372036854775808")).size(), 1u);
  EXPECT_EQ(lines({{"minimum", -1}}, json::parse("18446744073709551615")), Lines{});
}

TEST(JsonSchemaStrings, LengthsCountCodePointsNotBytes) {
  const json name = {{"type", "string"}, {"minLength", 2}, {"maxLength", 4}};
  EXPECT_EQ(lines(name, "天安门"), Lines{});  // 9 bytes, 3 code points
  EXPECT_EQ(lines(name, "北京西站"), Lines{});
  EXPECT_EQ(lines(name, "北京南站东"), Lines{": must be at most 4 characters long (got 5)"});
  EXPECT_EQ(lines(name, "站"), Lines{": must be at least 2 characters long (got 1)"});
  EXPECT_EQ(lines(name, "😀😀"), Lines{});  // 4-byte sequences, one code point each
  EXPECT_EQ(lines({{"minLength", 1}}, ""), Lines{": must be at least 1 character long (got 0)"});
}

TEST(JsonSchemaStrings, LongStringsAreCutInMessagesAndInvalidUtf8IsReplaced) {
  const std::string long_text(200, 'a');
  const auto found = validate_json({{"enum", json::array({"a"})}}, long_text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "must be one of \"a\" (got \"" + std::string(40, 'a') + "...\")");
  const auto invalid = validate_json({{"type", "integer"}}, std::string("ab\xff"));
  ASSERT_EQ(invalid.size(), 1u);
  EXPECT_EQ(invalid[0].message, "must be an integer (got \"ab\xEF\xBF\xBD\")");
}

TEST(JsonSchemaEnumConst, ComparesByJsonValueWithOneEqualToOnePointZero) {
  const json modes = {{"enum", json::array({"fastest", "shortest", nullptr, 1})}};
  EXPECT_EQ(lines(modes, "shortest"), Lines{});
  EXPECT_EQ(lines(modes, nullptr), Lines{});
  EXPECT_EQ(lines(modes, 1.0), Lines{});
  EXPECT_EQ(lines(modes, "scenic"),
            Lines{": must be one of \"fastest\", \"shortest\", null, 1 (got \"scenic\")"});
  EXPECT_EQ(lines({{"const", "yes"}}, "yes"), Lines{});
  EXPECT_EQ(lines({{"const", "yes"}}, "no"), Lines{": must be \"yes\" (got \"no\")"});
  EXPECT_EQ(lines({{"const", json{{"a", json::array({1, 2})}}}}, json{{"a", {1.0, 2}}}), Lines{});
}

TEST(JsonSchemaEnumConst, LongEnumListsAreElided) {
  json many = json::array();
  for (int i = 0; i < 12; ++i) {
    many.push_back(i);
  }
  const auto found = validate_json({{"enum", many}}, 99);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "must be one of 0, 1, 2, 3, 4, 5, 6, 7, ... (got 99)");
}

const json kNavigate = json::parse(R"({
  "type": "object",
  "properties": {
    "destination": {"type": "string", "minLength": 1},
    "radius_m": {"type": "number", "minimum": 0, "maximum": 50000},
    "avoid": {"type": "array", "items": {"enum": ["tolls", "highways", "ferries"]},
              "uniqueItems": true},
    "via": {"type": "object", "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}},
            "required": ["lat", "lon"], "additionalProperties": false}
  },
  "required": ["destination"],
  "additionalProperties": false
})");

TEST(JsonSchemaObjects, AcceptsAConformingObject) {
  EXPECT_EQ(lines(kNavigate, json::parse(R"({"destination": "Casino", "radius_m": 800,
      "avoid": ["tolls"], "via": {"lat": 43.7, "lon": 7.4}})")),
            Lines{});
}

TEST(JsonSchemaObjects, ReportsEveryProblemWithItsPointer) {
  const auto found = lines(kNavigate, json::parse(R"({"radius_m": 90000, "speed": 3,
      "avoid": ["tolls", "bridges"], "via": {"lat": "north", "alt": 1}})"));
  EXPECT_EQ(found, (Lines{
                       ": must have the required property \"destination\"",
                       "/avoid/1: must be one of \"tolls\", \"highways\", \"ferries\" (got "
                       "\"bridges\")",
                       "/radius_m: must be at most 50000 (got 90000)",
                       "/speed: is not an allowed property (allowed: avoid, destination, "
                       "radius_m, via)",
                       "/via: must have the required property \"lon\"",
                       "/via/alt: is not an allowed property (allowed: lat, lon)",
                       "/via/lat: must be a number (got \"north\")",
                   }));
}

TEST(JsonSchemaObjects, AdditionalPropertiesAsASchemaValidatesTheExtraOnes) {
  const json schema = {{"properties", {{"name", {{"type", "string"}}}}},
                       {"additionalProperties", {{"type", "integer"}}}};
  EXPECT_EQ(lines(schema, json{{"name", "x"}, {"count", 2}}), Lines{});
  EXPECT_EQ(lines(schema, json{{"name", "x"}, {"count", 2.5}}),
            Lines{"/count: must be an integer (got 2.5)"});
  EXPECT_EQ(lines({{"additionalProperties", false}}, json{{"x", 1}}),
            Lines{"/x: is not an allowed property (none are allowed)"});
}

TEST(JsonSchemaObjects, PointerEscapesSlashAndTilde) {
  EXPECT_EQ(lines({{"additionalProperties", {{"type", "string"}}}}, json{{"a/b~c", 1}}),
            Lines{"/a~1b~0c: must be a string (got 1)"});
}

TEST(JsonSchemaArrays, CountsItemsAndValidatesEachOne) {
  const json stops = {
      {"type", "array"}, {"items", {{"type", "string"}}}, {"minItems", 1}, {"maxItems", 3}};
  EXPECT_EQ(lines(stops, json::array({"a", "b", "c"})), Lines{});
  EXPECT_EQ(lines(stops, json::array()), Lines{": must have at least 1 item (got 0)"});
  EXPECT_EQ(lines(stops, json::array({"a", "b", "c", "d"})),
            Lines{": must have at most 3 items (got 4)"});
  EXPECT_EQ(lines(stops, json::array({"a", 2})), Lines{"/1: must be a string (got 2)"});
}

TEST(JsonSchemaArrays, UniqueItemsTreatsEqualNumbersAndObjectsAsDuplicates) {
  const json unique = {{"uniqueItems", true}};
  EXPECT_EQ(lines(unique, json::array({1, "1", true, nullptr, json::array({1})})), Lines{});
  EXPECT_EQ(lines(unique, json::parse("[1, 2, 1.0]")),
            Lines{": must not repeat items (items 0 and 2 are equal)"});
  EXPECT_EQ(lines(unique, json::parse(R"([{"a": 1, "b": [2]}, {"b": [2.0], "a": 1}])")),
            Lines{": must not repeat items (items 0 and 1 are equal)"});
  EXPECT_EQ(lines({{"uniqueItems", false}}, json::parse("[1, 1]")), Lines{});
}

TEST(JsonSchemaArrays, UniqueItemsFindsTheDuplicateAmongAHundredThousandItems) {
  json many = json::array();
  for (int i = 0; i < 100000; ++i) {
    many.push_back(i);
  }
  many.push_back(99999);
  const auto found = validate_json({{"uniqueItems", true}}, many);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "must not repeat items (items 99999 and 100000 are equal)");
}

TEST(JsonSchemaCombinators, AnyOfNeedsOneMatchAndQuotesTheClosestAlternative) {
  const json place = {{"anyOf", json::array({{{"type", "string"}, {"minLength", 1}},
                                             {{"type", "object"}, {"required", {"lat"}}}})}};
  EXPECT_EQ(lines(place, "Casino"), Lines{});
  EXPECT_EQ(lines(place, json{{"lat", 1}}), Lines{});
  EXPECT_EQ(lines(place, json{{"lon", 1}}),
            Lines{": must match at least one anyOf alternative; closest is alternative 1: "
                  "the value must have the required property \"lat\""});
}

TEST(JsonSchemaCombinators, NestedAnyOfQuotesPathsBelowItsOwn) {
  const json place = {{"anyOf", json::array({{{"type", "string"}},
                                             {{"type", "object"},
                                              {"properties", {{"lat", {{"type", "number"}}}}}}})}};
  const json schema = {{"properties", {{"place", place}}}};
  EXPECT_EQ(lines(schema, json{{"place", {{"lat", "north"}}}}),
            Lines{"/place: must match at least one anyOf alternative; closest is alternative 1: "
                  "/place/lat must be a number (got \"north\")"});
  EXPECT_EQ(lines(schema, json{{"place", 3}}),
            Lines{"/place: must match at least one anyOf alternative; closest is alternative 0: "
                  "the value must be a string (got 3)"});
}

TEST(JsonSchemaCombinators, OneOfCountsMatchesExactly) {
  const json schema = {{"oneOf", json::array({{{"type", "integer"}}, {{"minimum", 10}}})}};
  EXPECT_EQ(lines(schema, 3), Lines{});     // integer, below 10
  EXPECT_EQ(lines(schema, 10.5), Lines{});  // not an integer, at least 10
  EXPECT_EQ(lines(schema, 12), Lines{": must match exactly one oneOf alternative (matched 2: "
                                     "alternatives 0, 1)"});
  // Both alternatives fail once; the one whose type fits is quoted as the closer.
  EXPECT_EQ(lines(schema, 2.5), Lines{": must match exactly one oneOf alternative (matched "
                                      "none; closest is alternative 1: the value must be at "
                                      "least 10 (got 2.5))"});
}

TEST(JsonSchemaCombinators, AllOfReportsEachBranchAndNotInverts) {
  const json schema = {{"allOf", json::array({{{"minimum", 1}}, {{"maximum", 5}}})}};
  EXPECT_EQ(lines(schema, 3), Lines{});
  EXPECT_EQ(lines(schema, 9), Lines{": must be at most 5 (got 9)"});
  const json not_empty = {{"not", {{"const", ""}}}};
  EXPECT_EQ(lines(not_empty, "x"), Lines{});
  EXPECT_EQ(lines(not_empty, ""), Lines{": must not match the schema under \"not\""});
}

TEST(JsonSchemaBooleanSchemas, TrueAcceptsAllFalseRefusesAll) {
  EXPECT_EQ(lines(true, json{{"anything", 1}}), Lines{});
  EXPECT_EQ(lines(false, 1), Lines{": is not allowed here"});
  EXPECT_EQ(lines({{"items", false}}, json::array({1})), Lines{"/0: is not allowed here"});
}

TEST(JsonSchemaAnnotations, DescriptionTitleDefaultExamplesAreIgnored) {
  const json schema = {{"type", "integer"},
                       {"description", "metres"},
                       {"title", "Radius"},
                       {"default", "not even an integer"},
                       {"examples", json::array({1, 2})}};
  EXPECT_NO_THROW(check_schema_supported(schema));
  EXPECT_EQ(lines(schema, 5), Lines{});
}

TEST(JsonSchemaLimits, DeeplyNestedValuesAreRefusedWithoutRecursing) {
  // Built and parsed iteratively by nlohmann; 10 000 levels would overflow a recursive walk
  // in a debug build with a small stack.
  const std::string text = std::string(10000, '[') + std::string(10000, ']');
  const json deep = json::parse(text);
  const json schema = {{"items", {{"items", {{"type", "array"}}}}}};
  EXPECT_EQ(lines(schema, deep), Lines{": is nested more than 64 levels deep (arrays or objects "
                                       "inside each other)"});
  const json two_deep = json::parse("[" + text + "," + text + "]");
  EXPECT_EQ(lines({{"uniqueItems", true}}, two_deep).size(), 1u);
  // 64 levels are fine.
  const json ok = json::parse(std::string(64, '[') + std::string(64, ']'));
  EXPECT_EQ(lines({{"type", "array"}}, ok), Lines{});
  const json too_deep = json::parse(std::string(65, '[') + std::string(65, ']'));
  EXPECT_EQ(lines({{"type", "array"}}, too_deep).size(), 1u);
}

TEST(JsonSchemaLimits, StopsAfterTwentyViolations) {
  json numbers = json::array();
  for (int i = 0; i < 1000; ++i) {
    numbers.push_back(std::to_string(i));
  }
  const auto found = validate_json({{"items", {{"type", "integer"}}}}, numbers);
  ASSERT_EQ(found.size(), kMaxViolations);
  EXPECT_EQ(found.back().path, "/19");
}

TEST(JsonSchemaSupport, RefusesPatternAndOtherUnknownKeywordsNamingThem) {
  const json with_pattern = {
      {"type", "object"},
      {"properties", {{"plate", {{"type", "string"}, {"pattern", "^[A-Z]+$"}}}}}};
  try {
    check_schema_supported(with_pattern);
    FAIL() << "pattern was accepted";
  } catch (const std::invalid_argument& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("\"pattern\""), std::string::npos) << message;
    EXPECT_NE(message.find("/properties/plate"), std::string::npos) << message;
    EXPECT_NE(message.find("not supported"), std::string::npos) << message;
  }
  EXPECT_THROW(check_schema_supported({{"$ref", "#/defs/x"}}), std::invalid_argument);
  EXPECT_THROW(check_schema_supported({{"maxLenght", 3}}), std::invalid_argument);  // typo
  EXPECT_THROW(check_schema_supported({{"format", "email"}}), std::invalid_argument);
  EXPECT_THROW(validate_json({{"pattern", "x"}}, "x"), std::invalid_argument);
}

TEST(JsonSchemaSupport, RefusesMalformedKeywordValues) {
  const auto refused = [](const json& schema) {
    EXPECT_THROW(check_schema_supported(schema), std::invalid_argument) << schema.dump();
  };
  refused({{"type", "float"}});
  refused({{"type", json::array()}});
  refused({{"type", json::array({"string", "string"})}});
  refused({{"minimum", "0"}});
  refused({{"maxLength", -1}});
  refused({{"maxItems", 2.5}});
  refused({{"required", "name"}});
  refused({{"required", json::array({"a", "a"})}});
  refused({{"properties", json::array()}});
  refused({{"properties", {{"x", 3}}}});
  refused({{"items", json::array({{{"type", "string"}}})}});  // the old tuple form
  refused({{"anyOf", json::array()}});
  refused({{"enum", json::array()}});
  refused({{"uniqueItems", "yes"}});
  refused({{"additionalProperties", "no"}});
  refused("string");
  EXPECT_NO_THROW(check_schema_supported({{"maxLength", 3.0}}));
  EXPECT_NO_THROW(check_schema_supported(json::object()));
}

TEST(JsonSchemaSupport, RefusesSchemasNestedBeyondTheLimit) {
  json schema = {{"type", "string"}};
  for (int i = 0; i < kMaxSchemaDepth + 1; ++i) {
    schema = json{{"not", schema}};
  }
  EXPECT_THROW(check_schema_supported(schema), std::invalid_argument);
}

}  // namespace
}  // namespace codriver::agent
