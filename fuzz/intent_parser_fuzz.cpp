// libFuzzer target for the embedded understanding (src/language/intent_parser.h): each
// input is an utterance, its first byte choosing the conversation context. parse()
// promises never to throw, to keep its confidence in [0, 1], and to return arguments
// that serialise as valid JSON (so hostile text cannot break an answer or a card).
// Any breach is reported through __builtin_trap.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "language/intent_parser.h"

namespace {

using codriver::language::CueLexicon;
using codriver::language::Gazetteer;
using codriver::language::IntentParser;
using codriver::language::ParserContext;

void check(bool condition) {
  if (!condition) __builtin_trap();
}

const Gazetteer& gazetteer() {
  static const Gazetteer names = [] {
    Gazetteer g;
    g.add(1, "Casino de Monte-Carlo", "place");
    g.add(2, "Café de Paris", "restaurant");
    g.add(3, "Parking des Pêcheurs", "parking");
    g.add(4, "台北車站", "place");
    return g;
  }();
  return names;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const IntentParser parser(CueLexicon::standard(), &gazetteer());
  if (size == 0) return 0;
  const ParserContext context{(data[0] & 1) != 0, (data[0] & 2) != 0,
                              (data[0] & 4) != 0 ? "find_restaurants" : ""};
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto result = parser.parse(text, context);
  check(result.confidence >= 0.0 && result.confidence <= 1.0);
  check(!result.intent.empty());
  (void)to_json(result).dump();  // throws on invalid UTF-8: an escaping exception is a finding
  return 0;
}
