#include <gtest/gtest.h>

#include <string>

#include "constraint_test_support.h"
#include "llm/engine/engine_error.h"

namespace codriver::llm::engine::testing {
namespace {

constexpr const char* kString = R"({"type": "string"})";
constexpr const char* kNumber = R"({"type": "number"})";
constexpr const char* kInteger = R"({"type": "integer"})";

TEST(ConstraintStrings, AcceptsPrefixesOfAStringAndEndsAtItsQuote) {
  EXPECT_TRUE(allows(kString, ""));
  EXPECT_TRUE(allows(kString, "\""));
  EXPECT_TRUE(allows(kString, "\"abc"));
  EXPECT_TRUE(allows(kString, "\"abc\""));
  EXPECT_FALSE(allows(kString, "abc"));
  EXPECT_FALSE(allows(kString, " \"a\""));  // no whitespace before the document
  EXPECT_FALSE(allows(kString, "\"abc\"x"));
  EXPECT_FALSE(allows(kString, "\"abc\" "));
  EXPECT_FALSE(allows(kString, "1"));

  auto open = after(kString, "\"ab");
  EXPECT_FALSE(open.complete());
  EXPECT_TRUE(open.can_continue());
  auto closed = after(kString, "\"ab\"");
  EXPECT_TRUE(closed.complete());
  EXPECT_FALSE(closed.can_continue());
}

TEST(ConstraintStrings, AcceptsEveryJsonEscapeAndNothingElse) {
  EXPECT_TRUE(whole(kString, R"("\" \\ \/ \b \f \n \r \t \u00e9 \u00E9")"));
  EXPECT_FALSE(allows(kString, R"("\x)"));
  EXPECT_FALSE(allows(kString, R"("\u12G)"));
  EXPECT_FALSE(allows(kString, "\"a\nb"));  // raw control characters
  EXPECT_FALSE(allows(kString, std::string("\"a\0", 3)));
  EXPECT_TRUE(allows(kString, "\"a\x7f\""));  // DEL is not a control character in JSON
}

TEST(ConstraintStrings, SurrogateEscapesMustPair) {
  EXPECT_TRUE(whole(kString, R"("\ud83d\ude00")"));
  EXPECT_TRUE(allows(kString, R"("\uD83D\uDE)"));
  EXPECT_FALSE(allows(kString, R"("\ud83d")"));       // high surrogate alone
  EXPECT_FALSE(allows(kString, R"("\ud83dx)"));       // ... followed by text
  EXPECT_FALSE(allows(kString, R"("\ud83d\n)"));      // ... followed by another escape
  EXPECT_FALSE(allows(kString, R"("\ud83d\u0041)"));  // ... followed by a non-surrogate
  EXPECT_FALSE(allows(kString, R"("\ude00)"));        // low surrogate alone
}

TEST(ConstraintStrings, RawUtf8MustBeWellFormedButMaySplitAcrossTokens) {
  EXPECT_TRUE(whole(kString, "\"é北京😀\""));
  EXPECT_TRUE(allows(kString, "\"\xC3"));          // first byte of é: a token may end there
  EXPECT_TRUE(allows(kString, "\"\xF0\x9F\x98"));  // three of 😀's four bytes
  EXPECT_FALSE(allows(kString, "\"\xC3\""));       // cut short
  EXPECT_FALSE(allows(kString, "\"\xC3\x28"));
  EXPECT_FALSE(allows(kString, "\"\xC0\x80"));  // overlong
  EXPECT_FALSE(allows(kString, "\"\xE0\x80"));  // overlong
  EXPECT_FALSE(allows(kString, "\"\xED\xA0"));  // a surrogate
  EXPECT_FALSE(allows(kString, "\"\xF4\x90"));  // past U+10FFFF
  EXPECT_FALSE(allows(kString, "\"\xF5"));
  EXPECT_FALSE(allows(kString, "\"\x80"));  // a lone continuation byte
}

TEST(ConstraintStrings, LengthsCountCodePoints) {
  constexpr const char* kShort = R"({"type": "string", "minLength": 2, "maxLength": 3})";
  EXPECT_FALSE(allows(kShort, "\"a\""));
  EXPECT_TRUE(whole(kShort, "\"ab\""));
  EXPECT_TRUE(whole(kShort, "\"abc\""));
  EXPECT_FALSE(allows(kShort, "\"abcd"));
  EXPECT_TRUE(whole(kShort, "\"北京😀\""));
  EXPECT_FALSE(allows(kShort, "\"北京😀\xC3"));
  EXPECT_TRUE(whole(kShort, R"("\n\ud83d\ude00\t")"));
  EXPECT_FALSE(allows(kShort, R"("\n\n\n\)"));
}

TEST(ConstraintStrings, StringsWithoutMaxLengthStopAt256CodePoints) {
  const std::string longest = "\"" + std::string(256, 'a');
  EXPECT_TRUE(allows(kString, longest + "\""));
  EXPECT_FALSE(allows(kString, longest + "a"));
  auto full = after(kString, longest);
  EXPECT_TRUE(full.can_continue());
  EXPECT_FALSE(full.accepts("a"));
  EXPECT_TRUE(full.accepts("\""));
  // minLength beyond the default raises the cap instead of making the schema impossible.
  EXPECT_TRUE(
      whole(R"({"type": "string", "minLength": 300})", "\"" + std::string(300, 'b') + "\""));
}

TEST(ConstraintStrings, EnumAllowsOnlyPrefixesOfItsValues) {
  constexpr const char* kCategory =
      R"({"type": "string", "enum": ["restaurant", "cafe", "fast_food"]})";
  EXPECT_TRUE(allows(kCategory, "\"rest"));
  EXPECT_TRUE(allows(kCategory, "\"f"));
  EXPECT_FALSE(allows(kCategory, "\"resx"));
  EXPECT_FALSE(allows(kCategory, "\"caf\""));
  EXPECT_TRUE(whole(kCategory, "\"cafe\""));
  EXPECT_FALSE(after(kCategory, "\"cafe\"").can_continue());
  // Values are written in one spelling: quotes and control characters escaped, nothing else.
  constexpr const char* kOdd = R"({"enum": ["say \"hi\"", "tab\there", "é"]})";
  EXPECT_TRUE(whole(kOdd, R"("say \"hi\"")"));
  EXPECT_TRUE(whole(kOdd, R"("tab\there")"));
  EXPECT_TRUE(whole(kOdd, "\"é\""));
  EXPECT_FALSE(allows(kOdd, R"("\u00e9)"));
}

TEST(ConstraintStrings, ConstIsAOneValueEnum) {
  EXPECT_TRUE(whole(R"({"const": "x"})", "\"x\""));
  EXPECT_FALSE(allows(R"({"const": "x"})", "\"y"));
  EXPECT_TRUE(whole(R"({"const": 42})", "42"));
  EXPECT_FALSE(allows(R"({"const": 42})", "43"));
  EXPECT_TRUE(whole(R"({"const": null})", "null"));
}

TEST(ConstraintNumbers, FollowsTheJsonGrammarExactly) {
  for (const char* good :
       {"0", "-0", "12", "-12", "1.5", "0.25", "1e5", "1E+05", "2.5e-3", "-0.0"}) {
    EXPECT_TRUE(whole(kNumber, good)) << good;
  }
  for (const char* bad :
       {"01", "+1", ".5", "1.", "1e", "1e+", "-", "NaN", "Infinity", "0x1", "1.e5", "--1", "1 "}) {
    EXPECT_FALSE(whole(kNumber, bad)) << bad;
  }
  EXPECT_TRUE(allows(kNumber, "-"));
  EXPECT_TRUE(allows(kNumber, "1."));
  EXPECT_FALSE(allows(kNumber, "01"));
  EXPECT_FALSE(allows(kNumber, "1.e"));
}

TEST(ConstraintNumbers, ATopLevelNumberIsCompleteButCanGrow) {
  auto twelve = after(kNumber, "12");
  EXPECT_TRUE(twelve.complete());
  EXPECT_TRUE(twelve.can_continue());
  EXPECT_TRUE(twelve.accepts("3"));
  EXPECT_FALSE(twelve.accepts(" "));
  EXPECT_FALSE(twelve.accepts(","));
  auto minus = after(kNumber, "-");
  EXPECT_FALSE(minus.complete());
  EXPECT_TRUE(minus.can_continue());
  // A number that nothing can extend any more is complete and finished.
  auto seven = after(R"({"type": "integer", "minimum": 0, "maximum": 7})", "7");
  EXPECT_TRUE(seven.complete());
  EXPECT_FALSE(seven.can_continue());
}

TEST(ConstraintNumbers, SizesAreBounded) {
  EXPECT_TRUE(whole(kInteger, std::string(18, '9')));
  EXPECT_FALSE(allows(kInteger, std::string(19, '9')));
  EXPECT_TRUE(whole(kNumber, "1." + std::string(14, '5')));  // 15 digits with a fraction
  EXPECT_FALSE(allows(kNumber, "1." + std::string(15, '5')));
  EXPECT_FALSE(allows(kNumber, std::string(15, '1') + "."));  // no room for a decimal
  EXPECT_TRUE(whole(kNumber, "1e99"));
  EXPECT_FALSE(allows(kNumber, "1e100"));  // nothing overflows a double
}

TEST(ConstraintNumbers, IntegersHaveNoFractionOrExponent) {
  EXPECT_TRUE(whole(kInteger, "-42"));
  EXPECT_FALSE(allows(kInteger, "1."));
  EXPECT_FALSE(allows(kInteger, "1e"));
}

TEST(ConstraintNumbers, IntegerRangesAreCheckedOnEveryDigit) {
  constexpr const char* kLevel = R"({"type": "integer", "minimum": 1, "maximum": 4})";
  for (const char* good : {"1", "2", "3", "4"})
    EXPECT_TRUE(whole(kLevel, good)) << good;
  for (const char* bad : {"0", "5", "-", "10", "9"})
    EXPECT_FALSE(allows(kLevel, bad)) << bad;
  constexpr const char* kPlaceId = R"({"type": "integer", "minimum": 1})";
  EXPECT_TRUE(whole(kPlaceId, "123456789012345678"));
  EXPECT_FALSE(allows(kPlaceId, "-"));
  EXPECT_FALSE(allows(kPlaceId, "0"));
}

TEST(ConstraintNumbers, DecimalRangesAreCheckedExactly) {
  constexpr const char* kLat = R"({"type": "number", "minimum": -90, "maximum": 90})";
  for (const char* good : {"-90", "90", "90.0", "89.99", "-45.5", "0", "9"}) {
    EXPECT_TRUE(whole(kLat, good)) << good;
  }
  for (const char* bad : {"-91", "91", "90.1", "-90.5", "100", "1e1"}) {
    EXPECT_FALSE(allows(kLat, bad)) << bad;
  }
  EXPECT_TRUE(allows(kLat, "90.00"));  // still 90

  constexpr const char* kRadius = R"({"type": "number", "exclusiveMinimum": 0, "maximum": 50000})";
  EXPECT_TRUE(allows(kRadius, "0"));  // 0.5 is still ahead
  EXPECT_FALSE(whole(kRadius, "0"));  // but 0 itself is excluded
  EXPECT_FALSE(allows(kRadius, "-"));
  EXPECT_TRUE(whole(kRadius, "50000.0"));
  EXPECT_FALSE(allows(kRadius, "50000.01"));
  EXPECT_FALSE(allows(kRadius, "50001"));
  // The smallest positive number with 15 digits is 0.00000000000001.
  EXPECT_TRUE(whole(kRadius, "0.00000000000001"));
  EXPECT_FALSE(allows(kRadius, "0.00000000000000"));

  constexpr const char* kHalf = R"({"type": "number", "minimum": 0.5, "exclusiveMaximum": 0.75})";
  EXPECT_TRUE(whole(kHalf, "0.5"));
  EXPECT_TRUE(whole(kHalf, "0.749"));
  EXPECT_FALSE(allows(kHalf, "0.75"));
  EXPECT_FALSE(allows(kHalf, "0.4"));
  EXPECT_FALSE(allows(kHalf, "1"));
}

TEST(ConstraintNumbers, NumberEnumsMayBePrefixesOfEachOther) {
  constexpr const char* kSizes = R"({"enum": [1, 12, 1.5]})";
  auto one = after(kSizes, "1");
  EXPECT_TRUE(one.complete());
  EXPECT_TRUE(one.can_continue());
  EXPECT_TRUE(whole(kSizes, "12"));
  EXPECT_FALSE(after(kSizes, "12").can_continue());
  EXPECT_TRUE(whole(kSizes, "1.5"));
  EXPECT_FALSE(allows(kSizes, "13"));

  constexpr const char* kInObject =
      R"({"type": "object", "properties": {"a": {"enum": [1, 12]}}, "additionalProperties": false})";
  EXPECT_TRUE(whole(kInObject, R"({"a":1})"));
  EXPECT_TRUE(whole(kInObject, R"({"a": 12})"));
  EXPECT_FALSE(allows(kInObject, R"({"a":13)"));
  EXPECT_FALSE(allows(kInObject, R"({"a":2)"));
}

TEST(ConstraintLiterals, BooleansAndNull) {
  constexpr const char* kBoolean = R"({"type": "boolean"})";
  EXPECT_TRUE(whole(kBoolean, "true"));
  EXPECT_TRUE(whole(kBoolean, "false"));
  EXPECT_FALSE(whole(kBoolean, "tru"));
  EXPECT_TRUE(allows(kBoolean, "tr"));
  EXPECT_FALSE(allows(kBoolean, "null"));
  EXPECT_FALSE(after(kBoolean, "true").can_continue());

  constexpr const char* kMaybe = R"({"type": ["string", "null"]})";
  EXPECT_TRUE(whole(kMaybe, "null"));
  EXPECT_TRUE(whole(kMaybe, "\"x\""));
  EXPECT_FALSE(allows(kMaybe, "1"));
  EXPECT_FALSE(allows(kMaybe, "t"));
}

}  // namespace
}  // namespace codriver::llm::engine::testing
