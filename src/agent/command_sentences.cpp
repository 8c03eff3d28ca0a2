#include "agent/command_sentences.h"

#include <cctype>
#include <set>
#include <string_view>

namespace codriver::agent {
namespace {

constexpr std::string_view kNumbers[] = {"one",     "two",       "three",    "four",     "five",
                                         "six",     "seven",     "eight",    "nine",     "ten",
                                         "eleven",  "twelve",    "thirteen", "fourteen", "fifteen",
                                         "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};

constexpr std::string_view kGoTo[] = {"navigate to", "take me to", "drive to",
                                      "go to",       "route to",   "let's go to"};
constexpr std::string_view kAmenities[] = {"restaurant",       "parking",  "charger",
                                           "charging station", "car park", "cafe"};
constexpr std::string_view kQualities[] = {"",      "cheap ", "covered ", "free ",
                                           "fast ", "good ",  "quiet "};
constexpr std::string_view kNearby[] = {"nearby", "near me", "on the way", "around here"};

// Lower case ASCII, other punctuation to spaces, single spaces between words. Bytes of
// UTF-8 letters pass through: the model builder folds their accents.
std::string spoken_name(std::string_view name) {
  std::string text;
  bool space = false;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    const bool keep = std::isalnum(byte) || byte >= 0x80 || c == '\'';
    if (!keep) {
      space = !text.empty();
      continue;
    }
    if (space) text += ' ';
    space = false;
    text += static_cast<char>(std::tolower(byte));
  }
  return text;
}

std::vector<std::string> spoken_names(const std::vector<std::string>& names) {
  std::vector<std::string> spoken;
  for (const auto& name : names) {
    if (std::string text = spoken_name(name); !text.empty()) spoken.push_back(std::move(text));
  }
  return spoken;
}

std::string join(std::string_view a, std::string_view b) {
  return std::string(a) + " " + std::string(b);
}

class SentenceSet {
 public:
  void add(std::string sentence) {
    if (seen_.insert(sentence).second) sentences_.push_back(std::move(sentence));
  }
  std::vector<std::string> take() { return std::move(sentences_); }

 private:
  std::set<std::string> seen_;
  std::vector<std::string> sentences_;
};

void add_destinations(const std::vector<std::string>& destinations, SentenceSet& out) {
  for (const auto& destination : destinations) {
    for (const auto go_to : kGoTo)
      out.add(join(go_to, destination));
    out.add("set home to " + destination);
    out.add("set work to " + destination);
    out.add("how far is " + destination);
    out.add("how long to " + destination);
    out.add("add a stop at " + destination);
  }
}

struct Ask {
  std::string_view words;
  bool article;  // "find a charger" but "any charger"
};
constexpr Ask kAsks[] = {{"find", true}, {"any", false}, {"is there", true}, {"i need", true}};

std::string with_article(std::string_view thing) {
  return std::string(thing.find_first_of("aeiou") == 0 ? "an " : "a ") + std::string(thing);
}

void add_searches(const std::vector<std::string>& places, SentenceSet& out) {
  for (const auto amenity : kAmenities) {
    for (const auto quality : kQualities) {
      const std::string thing = std::string(quality) + std::string(amenity);
      for (const auto& ask : kAsks) {
        const std::string request =
            std::string(ask.words) + " " + (ask.article ? with_article(thing) : thing);
        for (const auto where : kNearby)
          out.add(join(request, where));
      }
      for (const auto number : {"one", "two", "five", "ten"}) {
        out.add("find " + with_article(thing) + " within " + number + " kilometres");
      }
    }
    // Places multiply everything; pairing them with plain amenities keeps the set small.
    for (const auto& place : places)
      out.add("find " + with_article(amenity) + " near " + place);
  }
}

void add_tastes(const std::vector<std::string>& cuisines, SentenceSet& out) {
  for (const auto& cuisine : cuisines) {
    out.add("i like " + cuisine + " food");
    out.add("i don't like " + cuisine + " food");
    const std::string restaurant = with_article(cuisine + " restaurant");
    out.add("find " + restaurant);
    out.add("find " + restaurant + " nearby");
    out.add("find " + restaurant + " on the way");
    out.add("any " + cuisine + " food nearby");
  }
}

void add_fixed_phrases(SentenceSet& out) {
  for (const std::string_view sentence : {"cancel",
                                          "cancel the route",
                                          "stop navigation",
                                          "never mind",
                                          "how long",
                                          "how far",
                                          "how long until we arrive",
                                          "how far is it",
                                          "when do we arrive",
                                          "when will we get there",
                                          "what's our arrival time",
                                          "how much longer",
                                          "when does the light turn green",
                                          "how fast should i go",
                                          "what speed should i drive",
                                          "what's the speed limit",
                                          "how much battery is left",
                                          "what's my range",
                                          "how far can i drive",
                                          "do i need to charge",
                                          "battery level",
                                          "forget me",
                                          "forget everything about me",
                                          "delete my data",
                                          "yes",
                                          "no",
                                          "yes please",
                                          "no thanks",
                                          "okay",
                                          "the first one",
                                          "the second one",
                                          "the third one",
                                          "the last one",
                                          "take me there",
                                          "go there",
                                          "let's go",
                                          "repeat that",
                                          "say that again",
                                          "where am i",
                                          "what's next",
                                          "go home",
                                          "take me home",
                                          "go to work",
                                          "take me to work",
                                          "half an hour",
                                          "in half an hour",
                                          "go forward",
                                          "turn around",
                                          "avoid tolls",
                                          "avoid the highway"}) {
    out.add(std::string(sentence));
  }
}

void add_numbers(SentenceSet& out) {
  for (const auto number : kNumbers) {
    out.add(std::string(number));
    out.add("in " + std::string(number) + " minutes");
    out.add("within " + std::string(number) + " kilometres");
    out.add("number " + std::string(number));
  }
}

}  // namespace

std::vector<std::string> command_sentences(const std::vector<std::string>& place_names,
                                           const std::vector<std::string>& street_names,
                                           const std::vector<std::string>& cuisine_words) {
  const auto places = spoken_names(place_names);
  const auto streets = spoken_names(street_names);
  SentenceSet out;
  add_fixed_phrases(out);
  add_numbers(out);
  add_destinations(places, out);
  add_destinations(streets, out);
  add_searches(places, out);
  add_tastes(spoken_names(cuisine_words), out);
  return out.take();
}

}  // namespace codriver::agent
