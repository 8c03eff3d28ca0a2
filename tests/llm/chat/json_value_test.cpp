// The chat library's JSON reader and its writer in the style of Qwen's template `tojson`
// (Python's json.dumps defaults).
#include "llm/chat/json_value.h"

#include <gtest/gtest.h>

#include <string>

namespace codriver::llm::chat {
namespace {

std::string rewritten(const std::string& json) {
  return to_template_json(parse_json(json));
}

TEST(JsonValueTest, WritesWithPythonSeparatorsAndKeepsMemberOrder) {
  EXPECT_EQ(rewritten(R"({"type":"function","function":{"name":"f","b":[1,2,{"z":null}]}})"),
            R"({"type": "function", "function": {"name": "f", "b": [1, 2, {"z": null}]}})");
  EXPECT_EQ(rewritten(" [ true ,false , \"x\" ] "), R"([true, false, "x"])");
  EXPECT_EQ(rewritten("{}"), "{}");
  EXPECT_EQ(rewritten("[]"), "[]");
}

TEST(JsonValueTest, EscapesLikePythonWithoutAsciiEscapes) {
  // Non-ASCII stays as it is (ensure_ascii=False); \u escapes are decoded first.
  EXPECT_EQ(rewritten(R"("咖啡 \u00e9 \ud83d\ude97")"), "\"咖啡 é 🚗\"");
  EXPECT_EQ(rewritten(R"("a\"b\\c\/d\n\t\r\b\f")"), R"("a\"b\\c/d\n\t\r\b\f")");
  EXPECT_EQ(rewritten(R"("\u001b\u0000\u007f")"), "\"\\u001b\\u0000\x7f\"");
  EXPECT_EQ(rewritten(R"("<|im_start|>")"), R"("<|im_start|>")");  // no HTML escaping
  EXPECT_EQ(rewritten(R"("\ud800x")"), "\"\xEF\xBF\xBDx\"");       // lone surrogate
}

TEST(JsonValueTest, WritesNumbersAsPythonReadsThem) {
  EXPECT_EQ(rewritten("[0, -7, 12345678901234567890, -0]"), "[0, -7, 12345678901234567890, 0]");
  EXPECT_EQ(rewritten("[1.0, 1.50, 0.1, 2.5e3, 1E5, 1e16, 1e15, 0.0001, 0.00001, -0.0]"),
            "[1.0, 1.5, 0.1, 2500.0, 100000.0, 1e+16, 1000000000000000.0, 0.0001, 1e-05, -0.0]");
  EXPECT_EQ(rewritten("[1.5e-7, 123456789012345678.0, 3.14159]"),
            "[1.5e-07, 1.2345678901234568e+17, 3.14159]");
}

TEST(JsonValueTest, RepeatedKeysKeepTheFirstPlaceAndTheLastValue) {
  EXPECT_EQ(rewritten(R"({"a":1,"b":2,"a":3})"), R"({"a": 3, "b": 2})");
  EXPECT_EQ(parse_json(R"({"a":1,"a":3})").find("a")->text, "3");
}

TEST(JsonValueTest, RecordsWhereEachValueStands) {
  const std::string text = R"({"name": "f", "arguments": {"x": [1, 2]} })";
  const JsonValue value = parse_json(text);
  const JsonValue* arguments = value.find("arguments");
  ASSERT_NE(arguments, nullptr);
  EXPECT_EQ(text.substr(arguments->begin, arguments->end - arguments->begin), R"({"x": [1, 2]})");
}

TEST(JsonValueTest, RejectsMalformedText) {
  for (const char* bad :
       {"", "{", "{\"a\" 1}", "{\"a\":1,}", "[1,]", "01", "1.", "-", "1e", "tru", "\"abc",
        "\"a\nb\"", "\"\\x\"", "\"\\u12\"", "{a:1}", "[1] 2", "'a'", "nul", "{\"a\":}"}) {
    EXPECT_THROW(parse_json(bad), JsonError) << bad;
  }
}

TEST(JsonValueTest, DeepNestingIsAnErrorNotACrash) {
  EXPECT_THROW(parse_json(std::string(100000, '[')), JsonError);
  EXPECT_NO_THROW(parse_json(std::string(200, '[') + std::string(200, ']')));
}

TEST(JsonValueTest, ErrorsSayWhere) {
  try {
    parse_json(R"({"name": "f" "x"})");
    FAIL();
  } catch (const JsonError& error) {
    EXPECT_NE(std::string(error.what()).find("byte 13"), std::string::npos) << error.what();
  }
}

TEST(JsonValueTest, QuotesStrings) {
  EXPECT_EQ(quote_json_string("say \"hi\"\n"), R"("say \"hi\"\n")");
}

}  // namespace
}  // namespace codriver::llm::chat
