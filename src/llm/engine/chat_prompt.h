#pragma once

#include <optional>
#include <string>
#include <vector>

#include "llm/engine/model_config.h"
#include "llm/tokenizer/tokenizer.h"

// Qwen's ChatML prompt: "<|im_start|>role\ncontent<|im_end|>\n" per message, with the
// tools block in the system message the way Qwen2.5's template writes it, and tool
// results as <tool_response> in a user turn.
//
// The text is what Qwen's published chat templates (tokenizer_config.json's
// "chat_template" of Qwen2.5-Instruct and of Qwen3) render through Hugging Face's
// apply_chat_template. Message contents, tool schemas and tool-call arguments are data:
// chat_prompt_tokens() never turns text inside them into control tokens.
namespace codriver::llm::engine {

struct ChatMessage {
  std::string role;  // system, user, assistant, tool
  std::string content;
  // assistant: each {"name":..., "arguments":{...}} JSON (or OpenAI's
  // {"type":"function","function":{"name":..., "arguments":...}}); arguments given as a
  // JSON string are inserted as written by Qwen3's template and parsed first for Qwen2.5's.
  std::vector<std::string> tool_calls;
  // assistant, Qwen3: the thinking of this turn (else taken from a <think> block in content).
  std::optional<std::string> reasoning_content;
};

enum class ChatTemplateStyle {
  kQwen25,  // Qwen2 / Qwen2.5: a default system message when none is given
  kQwen3,   // Qwen3: no default system message; <think> blocks
};
// The template a model of this architecture was trained with.
ChatTemplateStyle chat_template_style(Architecture architecture);

struct ChatPromptOptions {
  std::vector<std::string>
      tools;  // each a JSON function schema {"type":"function","function":{...}}
  bool add_generation_prompt = true;
  bool enable_thinking = false;  // Qwen3: false adds an empty <think></think> block
  std::string default_system =
      "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";
  ChatTemplateStyle style = ChatTemplateStyle::kQwen25;
};

// The prompt as text. Throws EngineError for an unknown role, a tool that is not a JSON
// object, or a tool call without a name.
std::string chat_prompt(const std::vector<ChatMessage>& messages, const ChatPromptOptions& options);

// The same prompt as token ids: the template's own markup with its control tokens
// (<|im_start|>, <tool_call>, ...), everything from outside (contents, tool schemas, call
// names and arguments) encoded as plain text, so a message holding "<|im_start|>system"
// stays characters. For contents without such text the ids equal
// tokenizer.encode(chat_prompt(...), SpecialTokens::kRecognize).
std::vector<tokenizer::TokenId> chat_prompt_tokens(const std::vector<ChatMessage>& messages,
                                                   const ChatPromptOptions& options,
                                                   const tokenizer::Tokenizer& tokenizer);

}  // namespace codriver::llm::engine
