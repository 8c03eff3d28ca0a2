#pragma once

#include <string>
#include <vector>

#include "speech/domain_model.h"

// What a driver says to the co-driver, as English sentences generated from templates and
// the names on this map. They train the embedded recogniser's language model
// (speech/domain_model.h): it can only hear sentences like these, so they must cover the
// requests the agent's tools serve, and stay few enough (a few thousand) to build fast.
namespace codriver::agent {

// Names are lower-cased and stripped of punctuation the way the language model tokenises
// them ("Boulevard Princesse-Charlotte" -> "boulevard princesse charlotte"); accents are
// left for the model builder to fold. Empty names are skipped; the result has no
// duplicates and a stable order.
//
// Weights: every template ("navigate to <name>", "cancel the route", "find a cheap
// <amenity> nearby") carries the same total weight, shared among its fillings, so the
// map's hundreds of names widen what can be heard without drowning the commands that
// name nothing. A sentence's weight is that total divided by its template's fillings,
// at least 1.
std::vector<speech::TrainingSentence> command_sentences(
    const std::vector<std::string>& place_names, const std::vector<std::string>& street_names,
    const std::vector<std::string>& cuisine_words);

}  // namespace codriver::agent
