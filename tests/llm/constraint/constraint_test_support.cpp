#include "constraint_test_support.h"

#include <algorithm>
#include <climits>
#include <utility>

#include "llm/engine/engine_error.h"

namespace codriver::llm::engine::testing {

std::string schema_error(std::string_view schema) {
  try {
    JsonSchemaConstraint::from_schema(schema);
  } catch (const EngineError& error) {
    return error.what();
  }
  return "";
}

std::vector<std::string> random_writer_tokens() {
  std::vector<std::string> tokens;
  for (int byte = 0; byte < 256; ++byte)
    tokens.emplace_back(1, static_cast<char>(byte));
  for (const char* piece : {"{\"",
                            "\":",
                            "\": ",
                            "\", \"",
                            "\",\"",
                            ", \"",
                            "\"}",
                            "}}",
                            "]}",
                            "\"]",
                            "[\"",
                            "[{",
                            "true",
                            "false",
                            "null",
                            "12",
                            "0.5",
                            "-3",
                            "1e5",
                            "100",
                            "\"rest",
                            "aurant\"",
                            "aurant",
                            "destination",
                            "\"place_id\": ",
                            "\"category\": \"",
                            "caf",
                            "é",
                            "北京",
                            "😀",
                            "\\n",
                            "\\u00e9",
                            "\\ud83d\\ude00",
                            "\\\"",
                            "  ",
                            " \"",
                            "\"\"",
                            "{}",
                            "[]",
                            "0",
                            "-",
                            ".",
                            "e",
                            "\"home\"",
                            "\"work\"",
                            "lat",
                            "lon",
                            "\": 4",
                            "5}",
                            ", "}) {
    tokens.emplace_back(piece);
  }
  return tokens;
}

namespace {

// Where a JSON text stands lexically: inside a string (after a backslash) or not.
struct Lexer {
  bool in_string = false;
  bool escaped = false;

  // Reads `text`; returns how many strings, objects and arrays it closed.
  int read(std::string_view text) {
    int closed = 0;
    for (const char c : text) {
      if (in_string) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          in_string = false;
          ++closed;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '}' || c == ']') {
        ++closed;
      }
    }
    return closed;
  }
};

RandomWrite write(JsonSchemaConstraint constraint, const std::vector<std::string>& tokens,
                  std::mt19937_64& rng, std::size_t max_steps, bool stubborn) {
  RandomWrite result;
  Lexer lexer;
  std::vector<const std::string*> allowed;
  while (result.steps < max_steps) {
    const bool complete = constraint.complete();
    const bool can_continue = constraint.can_continue();
    if (!complete && !can_continue) {
      result.problem = "neither complete nor able to continue after: " + result.text;
      return result;
    }
    if (complete && (!can_continue || (!stubborn && rng() % 2 == 0))) {
      result.finished = true;
      return result;
    }
    allowed.clear();
    for (const auto& token : tokens) {
      if (constraint.accepts(token)) allowed.push_back(&token);
    }
    if (stubborn) {  // keep only the tokens that close the fewest things
      int fewest = INT_MAX;
      for (const std::string* token : allowed)
        fewest = std::min(fewest, Lexer(lexer).read(*token));
      std::erase_if(allowed,
                    [&](const std::string* token) { return Lexer(lexer).read(*token) > fewest; });
    }
    if (allowed.empty()) {
      result.problem = "no token accepted although can_continue() after: " + result.text;
      return result;
    }
    const std::string& token = *allowed[rng() % allowed.size()];
    constraint.advance(token);
    lexer.read(token);
    result.text += token;
    ++result.steps;
  }
  result.problem = "did not finish within " + std::to_string(max_steps) + " tokens";
  return result;
}

}  // namespace

RandomWrite write_randomly(JsonSchemaConstraint constraint, const std::vector<std::string>& tokens,
                           std::mt19937_64& rng, std::size_t max_steps) {
  return write(std::move(constraint), tokens, rng, max_steps, false);
}

RandomWrite write_stubbornly(JsonSchemaConstraint constraint,
                             const std::vector<std::string>& tokens, std::mt19937_64& rng,
                             std::size_t max_steps) {
  return write(std::move(constraint), tokens, rng, max_steps, true);
}

}  // namespace codriver::llm::engine::testing
