#pragma once

#include <string_view>

namespace codriver::llm::testmodel {

// A few kilobytes of English, Mandarin, mixed text, numbers, JSON tool calls and code, written
// for this project: what the synthetic vocabulary's merges are learned from, so that common
// pieces of each exist as tokens.
std::string_view bpe_training_text();

}  // namespace codriver::llm::testmodel
