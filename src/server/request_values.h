#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "geo/bounding_box.h"
#include "geo/latlon.h"
#include "routing/instructions.h"

// What a client sent, read strictly: every value that is malformed, of the wrong type or
// out of range becomes a 400 (HttpError) naming the field, in both languages.
namespace codriver::server {

inline constexpr std::size_t kMaxAskTextCharacters = 2000;  // code points, as JSON Schema counts

// Characters in UTF-8 text (code points; `text` must be valid UTF-8).
std::size_t character_count(std::string_view text);
// Whether the text has nothing to read: only spaces of any script (ASCII, no-break,
// ideographic, the typographic ones), controls and format characters.
bool blank_text(std::string_view text);

struct AskRequest {
  std::string text;
  std::optional<routing::Language> language;  // nullopt: follow the question
};

// {"text": "...", "lang": "auto"|"en"|"zh"}; nothing else is accepted.
AskRequest parse_ask_request(std::string_view body);

// A query parameter's value, or nullopt when absent. Each reader below takes the raw text.
using QueryValue = std::optional<std::string>;

// "en" (also when absent) or "zh".
routing::Language language_value(const QueryValue& value);
// "auto" or absent -> nullopt.
std::optional<routing::Language> optional_language_value(const QueryValue& value);
// "lat,lon" on Earth.
std::optional<geo::LatLon> lat_lon_value(const std::string& name, const QueryValue& value);
// "min lon,min lat,max lon,max lat" on Earth, min below max.
std::optional<geo::BoundingBox> bbox_value(const std::string& name, const QueryValue& value);
double number_value(const std::string& name, const QueryValue& value, double fallback, double min,
                    double max);
int integer_value(const std::string& name, const QueryValue& value, int fallback, int min, int max);
bool boolean_value(const std::string& name, const QueryValue& value, bool fallback);
std::string text_value(const std::string& name, const QueryValue& value, std::size_t max_bytes);

}  // namespace codriver::server
