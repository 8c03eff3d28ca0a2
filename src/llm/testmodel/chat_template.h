#pragma once

#include <string_view>

namespace codriver::llm::testmodel {

// The Jinja chat template written as tokenizer.chat_template: Qwen2.5's ChatML template
// with tools (<tools> in the system message, <tool_call> JSON in assistant turns,
// <tool_response> in user turns).
std::string_view qwen_chat_template();

}  // namespace codriver::llm::testmodel
