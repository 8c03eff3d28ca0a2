#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "signals/signal_model.h"

// ISO 8601 / RFC 3339 instants with fractions of a second, which signal times need
// (a TimeMark is a tenth of a second; feeds::format_rfc3339 keeps whole seconds).
namespace codriver::signals {

// "2024-12-10T17:36:52.100Z": UTC, always milliseconds.
std::string format_iso8601(Instant instant);

// RFC 3339 with a zone (Z or ±hh:mm) and any number of fraction digits (nanoseconds kept),
// in the years 1900..2199; nullopt for anything else.
std::optional<Instant> parse_iso8601(std::string_view text);

}  // namespace codriver::signals
