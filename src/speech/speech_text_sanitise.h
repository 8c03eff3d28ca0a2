#pragma once

#include <string>
#include <string_view>

#include "routing/instructions.h"

// First step of normalise_for_speech: what the agent writes for a screen (markdown,
// emoji, stray control bytes, full-width digits) reduced to plain sentences a voice can
// read. Line breaks become sentence ends so that list items are not run together.
namespace codriver::speech {

// Always valid UTF-8 with single spaces and no control characters; invalid UTF-8 bytes
// are dropped. Full-width digits and ％ become ASCII so number rules see them.
std::string sanitise_for_speech(std::string_view text, routing::Language language);

}  // namespace codriver::speech
