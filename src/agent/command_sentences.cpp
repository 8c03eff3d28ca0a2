#include "agent/command_sentences.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

#include "language/cue_lexicon.h"

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

// Collects sentences without duplicates, each weighted by its template's share (see the
// header): a template filled `fillings` ways gives each sentence total / fillings.
class SentenceSet {
 public:
  explicit SentenceSet(long template_weight) : template_weight_(template_weight) {}

  void add(std::string sentence, std::size_t fillings = 1) {
    const long weight =
        std::max(1L, template_weight_ / static_cast<long>(std::max<std::size_t>(fillings, 1)));
    const auto [found, inserted] = index_.try_emplace(sentence, sentences_.size());
    if (inserted) {
      sentences_.push_back({std::move(sentence), weight});
    } else {
      auto& kept = sentences_[found->second].weight;
      kept = std::max(kept, weight);
    }
  }
  std::vector<speech::TrainingSentence> take() { return std::move(sentences_); }

 private:
  long template_weight_;
  std::map<std::string, std::size_t> index_;
  std::vector<speech::TrainingSentence> sentences_;
};

void add_destinations(const std::vector<std::string>& destinations, std::size_t all_destinations,
                      SentenceSet& out) {
  for (const auto& destination : destinations) {
    for (const auto go_to : kGoTo)
      out.add(join(go_to, destination), all_destinations);
    out.add("set home to " + destination, all_destinations);
    out.add("set work to " + destination, all_destinations);
    out.add("how far is " + destination, all_destinations);
    out.add("how long to " + destination, all_destinations);
    out.add("add a stop at " + destination, all_destinations);
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
  constexpr std::size_t kAskWays = std::size(kQualities) * std::size(kAsks) * std::size(kNearby);
  constexpr std::string_view kRadii[] = {"one", "two", "five", "ten"};
  constexpr std::size_t kRadiusWays = std::size(kQualities) * std::size(kRadii);
  for (const auto amenity : kAmenities) {
    for (const auto quality : kQualities) {
      const std::string thing = std::string(quality) + std::string(amenity);
      for (const auto& ask : kAsks) {
        const std::string request =
            std::string(ask.words) + " " + (ask.article ? with_article(thing) : thing);
        for (const auto where : kNearby)
          out.add(join(request, where), kAskWays);
      }
      for (const auto radius : kRadii) {
        out.add("find " + with_article(thing) + " within " + std::string(radius) + " kilometres",
                kRadiusWays);
      }
    }
    // Places multiply everything; pairing them with plain amenities keeps the set small.
    for (const auto& place : places)
      out.add("find " + with_article(amenity) + " near " + place, places.size());
  }
}

void add_tastes(const std::vector<std::string>& cuisines, SentenceSet& out) {
  const std::size_t ways = cuisines.size();
  for (const auto& cuisine : cuisines) {
    out.add("i like " + cuisine + " food", ways);
    out.add("i don't like " + cuisine + " food", ways);
    const std::string restaurant = with_article(cuisine + " restaurant");
    out.add("find " + restaurant, ways);
    out.add("find " + restaurant + " nearby", ways);
    out.add("find " + restaurant + " on the way", ways);
    out.add("any " + cuisine + " food nearby", ways);
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

// The parser's own English cue phrases ("state of charge", "where can i charge"): what
// the agent understands, the recogniser should be able to hear, in any order around the
// templates above. Each is a small share, since they are pieces rather than sentences.
void add_cue_phrases(SentenceSet& out) {
  constexpr std::size_t kPhraseShare = 20;  // a phrase weighs 1/20 of a template
  for (auto& phrase : language::CueLexicon::standard().latin_phrases())
    out.add(std::move(phrase), kPhraseShare);
}

void add_numbers(SentenceSet& out) {
  const std::size_t ways = std::size(kNumbers);
  for (const auto number : kNumbers) {
    out.add(std::string(number), ways);
    out.add("in " + std::string(number) + " minutes", ways);
    out.add("within " + std::string(number) + " kilometres", ways);
    out.add("number " + std::string(number), ways);
  }
}

}  // namespace

std::vector<speech::TrainingSentence> command_sentences(
    const std::vector<std::string>& place_names, const std::vector<std::string>& street_names,
    const std::vector<std::string>& cuisine_words) {
  const auto places = spoken_names(place_names);
  const auto streets = spoken_names(street_names);
  const std::size_t destinations = places.size() + streets.size();
  // A multiple of the number of names, so a name sentence's share is a whole number, and
  // large enough that the other templates' shares round little.
  constexpr std::size_t kMinimumTemplateWeight = 1000;
  const std::size_t names = std::max<std::size_t>(destinations, 1);
  const std::size_t template_weight = names * ((kMinimumTemplateWeight + names - 1) / names);
  SentenceSet out(static_cast<long>(template_weight));
  add_fixed_phrases(out);
  add_cue_phrases(out);
  add_numbers(out);
  add_destinations(places, destinations, out);
  add_destinations(streets, destinations, out);
  add_searches(places, out);
  add_tastes(spoken_names(cuisine_words), out);
  return out.take();
}

}  // namespace codriver::agent
