#include "llm/engine/chat_prompt.h"

#include <array>
#include <string_view>

#include "llm/chat/json_value.h"
#include "llm/engine/engine_error.h"

// Renders Qwen's chat templates (Qwen2.5-Instruct's and Qwen3's tokenizer_config.json
// "chat_template") for the cases they handle, piece by piece: each piece is either the
// template's own markup or data from outside, so that the token form can keep data from
// ever becoming a control token.
namespace codriver::llm::engine {
namespace {

using chat::JsonValue;

constexpr std::string_view kToolsIntro =
    "# Tools\n\nYou may call one or more functions to assist with the user query.\n\n"
    "You are provided with function signatures within <tools></tools> XML tags:\n<tools>";
constexpr std::string_view kToolsOutro =
    "\n</tools>\n\nFor each function call, return a json object with function name and "
    "arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": "
    "<function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n";

// The control and user-defined tokens the templates write; matched only in markup.
constexpr std::array<std::string_view, 8> kTemplateTags{
    "<|im_start|>",    "<|im_end|>",       "<tool_call>", "</tool_call>",
    "<tool_response>", "</tool_response>", "<think>",     "</think>"};

struct Piece {
  std::string text;
  bool markup;
};

class Pieces {
 public:
  void markup(std::string_view text) { add(text, true); }
  void data(std::string_view text) { add(text, false); }
  const std::vector<Piece>& all() const { return pieces_; }

 private:
  void add(std::string_view text, bool markup) {
    if (text.empty()) return;
    if (!pieces_.empty() && pieces_.back().markup == markup) {
      pieces_.back().text += text;
    } else {
      pieces_.push_back({std::string(text), markup});
    }
  }
  std::vector<Piece> pieces_;
};

JsonValue parse_or_throw(std::string_view json, const std::string& what) {
  try {
    return chat::parse_json(json);
  } catch (const chat::JsonError& error) {
    throw EngineError(what + " is not valid JSON: " + error.what());
  }
}

// A tool call as the template sees it: name and arguments, after OpenAI's "function" level.
struct CallView {
  std::string name;
  JsonValue arguments;
};

CallView read_call(const std::string& json) {
  JsonValue call = parse_or_throw(json, "a tool call");
  if (const JsonValue* function = call.find("function"); function && function->is_object())
    call = *function;
  const JsonValue* name = call.find("name");
  if (!call.is_object() || name == nullptr || !name->is_string())
    throw EngineError("a tool call needs a string \"name\": " + json);
  CallView view{name->text, {}};
  if (const JsonValue* arguments = call.find("arguments")) view.arguments = *arguments;
  return view;
}

void write_tools(const std::vector<std::string>& tools, Pieces& out) {
  out.markup(kToolsIntro);
  for (const std::string& tool : tools) {
    const JsonValue value = parse_or_throw(tool, "a tool");
    if (!value.is_object()) throw EngineError("a tool must be a JSON object: " + tool);
    out.markup("\n");
    out.data(chat::to_template_json(value));
  }
  out.markup(kToolsOutro);
}

void write_plain_turn(const ChatMessage& message, Pieces& out) {
  out.markup("<|im_start|>" + message.role + "\n");
  out.data(message.content);
  out.markup("<|im_end|>\n");
}

// Tool results: consecutive tool messages share one user turn.
void write_tool_result(const std::vector<ChatMessage>& messages, std::size_t i, Pieces& out) {
  if (i == 0 || messages[i - 1].role != "tool") out.markup("<|im_start|>user");
  out.markup("\n<tool_response>\n");
  out.data(messages[i].content);
  out.markup("\n</tool_response>");
  if (i + 1 == messages.size() || messages[i + 1].role != "tool") out.markup("<|im_end|>\n");
}

void write_call(const CallView& call, std::string arguments, Pieces& out) {
  out.markup("<tool_call>\n{\"name\": \"");
  out.data(call.name);
  out.markup("\", \"arguments\": ");
  out.data(arguments);
  out.markup("}\n</tool_call>");
}

void check_roles(const std::vector<ChatMessage>& messages) {
  for (const ChatMessage& message : messages) {
    if (message.role != "system" && message.role != "user" && message.role != "assistant" &&
        message.role != "tool") {
      throw EngineError("unknown message role \"" + message.role +
                        "\" (system, user, assistant or tool)");
    }
  }
}

// ---- Qwen2.5 ----

void write_qwen25_assistant(const ChatMessage& message, Pieces& out) {
  if (message.tool_calls.empty()) return write_plain_turn(message, out);
  out.markup("<|im_start|>assistant");
  if (!message.content.empty()) {
    out.markup("\n");
    out.data(message.content);
  }
  for (const std::string& json : message.tool_calls) {
    CallView call = read_call(json);
    // `arguments | tojson`; arguments sent as a JSON string (OpenAI's way) are read first,
    // so the model sees the object it was trained to see rather than a quoted string.
    if (call.arguments.is_string()) {
      try {
        call.arguments = chat::parse_json(call.arguments.text);
      } catch (const chat::JsonError&) {
      }
    }
    out.markup("\n");
    write_call(call, chat::to_template_json(call.arguments), out);
  }
  out.markup("<|im_end|>\n");
}

Pieces render_qwen25(const std::vector<ChatMessage>& messages, const ChatPromptOptions& options) {
  Pieces out;
  const bool system_first = !messages.empty() && messages.front().role == "system";
  out.markup("<|im_start|>system\n");
  out.data(system_first ? messages.front().content : options.default_system);
  if (!options.tools.empty()) {
    out.markup("\n\n");
    write_tools(options.tools, out);
  } else {
    out.markup("<|im_end|>\n");
  }
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const ChatMessage& message = messages[i];
    if (message.role == "user" || (message.role == "system" && i > 0)) {
      write_plain_turn(message, out);
    } else if (message.role == "assistant") {
      write_qwen25_assistant(message, out);
    } else if (message.role == "tool") {
      write_tool_result(messages, i, out);
    }
  }
  if (options.add_generation_prompt) out.markup("<|im_start|>assistant\n");
  return out;
}

// ---- Qwen3 ----

std::string_view strip_leading_newlines(std::string_view text) {
  while (!text.empty() && text.front() == '\n')
    text.remove_prefix(1);
  return text;
}

std::string_view strip_trailing_newlines(std::string_view text) {
  while (!text.empty() && text.back() == '\n')
    text.remove_suffix(1);
  return text;
}

bool is_wrapped_tool_response(std::string_view content) {
  return content.starts_with("<tool_response>") && content.ends_with("</tool_response>");
}

// The last user message that is a real query (not tool results pasted as user text);
// thinking is kept only for the assistant turns after it.
std::size_t last_query_index(const std::vector<ChatMessage>& messages) {
  for (std::size_t i = messages.size(); i-- > 0;) {
    if (messages[i].role == "user" && !is_wrapped_tool_response(messages[i].content)) return i;
  }
  return messages.empty() ? 0 : messages.size() - 1;
}

// Splits "<think>\nr\n</think>\n\nc" into reasoning and content as Qwen3's template does.
void split_thinking(const ChatMessage& message, std::string& reasoning, std::string& content) {
  content = message.content;
  reasoning.clear();
  if (message.reasoning_content) {
    reasoning = *message.reasoning_content;
    return;
  }
  const std::string_view text = message.content;
  const std::size_t first_close = text.find("</think>");
  if (first_close == std::string_view::npos) return;
  const std::size_t last_close = text.rfind("</think>");
  content = std::string(strip_leading_newlines(text.substr(last_close + 8)));
  std::string_view before = strip_trailing_newlines(text.substr(0, first_close));
  if (const std::size_t open = before.rfind("<think>"); open != std::string_view::npos)
    before = before.substr(open + 7);
  reasoning = std::string(strip_leading_newlines(before));
}

void write_qwen3_assistant(const std::vector<ChatMessage>& messages, std::size_t i,
                           std::size_t last_query, Pieces& out) {
  const ChatMessage& message = messages[i];
  std::string reasoning, content;
  split_thinking(message, reasoning, content);
  const bool last = i + 1 == messages.size();
  if (i > last_query && (last || !reasoning.empty())) {
    out.markup("<|im_start|>assistant\n<think>\n");
    out.data(strip_trailing_newlines(strip_leading_newlines(reasoning)));
    out.markup("\n</think>\n\n");
    out.data(strip_leading_newlines(content));
  } else {
    out.markup("<|im_start|>assistant\n");
    out.data(content);
  }
  for (std::size_t j = 0; j < message.tool_calls.size(); ++j) {
    const CallView call = read_call(message.tool_calls[j]);
    if (j > 0 || !content.empty()) out.markup("\n");
    write_call(
        call,
        call.arguments.is_string() ? call.arguments.text : chat::to_template_json(call.arguments),
        out);
  }
  out.markup("<|im_end|>\n");
}

Pieces render_qwen3(const std::vector<ChatMessage>& messages, const ChatPromptOptions& options) {
  Pieces out;
  const bool system_first = !messages.empty() && messages.front().role == "system";
  if (!options.tools.empty()) {
    out.markup("<|im_start|>system\n");
    if (system_first) {
      out.data(messages.front().content);
      out.markup("\n\n");
    }
    write_tools(options.tools, out);
  } else if (system_first) {
    write_plain_turn(messages.front(), out);
  }
  const std::size_t last_query = last_query_index(messages);
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const ChatMessage& message = messages[i];
    if (message.role == "user" || (message.role == "system" && i > 0)) {
      write_plain_turn(message, out);
    } else if (message.role == "assistant") {
      write_qwen3_assistant(messages, i, last_query, out);
    } else if (message.role == "tool") {
      write_tool_result(messages, i, out);
    }
  }
  if (options.add_generation_prompt) {
    out.markup("<|im_start|>assistant\n");
    if (!options.enable_thinking) out.markup("<think>\n\n</think>\n\n");
  }
  return out;
}

Pieces render(const std::vector<ChatMessage>& messages, const ChatPromptOptions& options) {
  check_roles(messages);
  return options.style == ChatTemplateStyle::kQwen3 ? render_qwen3(messages, options)
                                                    : render_qwen25(messages, options);
}

struct TagToken {
  std::string_view text;
  tokenizer::TokenId id;
};

// The template tags this vocabulary has as control or user-defined tokens (Qwen2.5's has
// no <tool_response>: there it is ordinary text, as Hugging Face would encode it).
std::vector<TagToken> tag_tokens(const tokenizer::Tokenizer& tokenizer) {
  std::vector<TagToken> tags;
  for (const std::string_view tag : kTemplateTags) {
    const auto id = tokenizer.find_token(tag);
    if (!id) continue;
    const auto type = tokenizer.token_type(*id);
    if (type == tokenizer::TokenType::kControl || type == tokenizer::TokenType::kUserDefined)
      tags.push_back({tag, *id});
  }
  return tags;
}

}  // namespace

ChatTemplateStyle chat_template_style(Architecture architecture) {
  return architecture == Architecture::kQwen3 ? ChatTemplateStyle::kQwen3
                                              : ChatTemplateStyle::kQwen25;
}

std::string chat_prompt(const std::vector<ChatMessage>& messages,
                        const ChatPromptOptions& options) {
  const Pieces pieces = render(messages, options);
  std::string prompt;
  for (const Piece& piece : pieces.all())
    prompt += piece.text;
  return prompt;
}

// Tags are looked for in markup only. The text between two tags, markup and data alike,
// is encoded in one piece, so BPE merges across the seams exactly as it would in the
// whole prompt string.
std::vector<tokenizer::TokenId> chat_prompt_tokens(const std::vector<ChatMessage>& messages,
                                                   const ChatPromptOptions& options,
                                                   const tokenizer::Tokenizer& tokenizer) {
  const std::vector<TagToken> tags = tag_tokens(tokenizer);
  std::vector<tokenizer::TokenId> ids;
  std::string run;
  const auto flush = [&] {
    const auto encoded = tokenizer.encode(run, tokenizer::SpecialTokens::kAsText);
    ids.insert(ids.end(), encoded.begin(), encoded.end());
    run.clear();
  };
  const Pieces pieces = render(messages, options);
  for (const Piece& piece : pieces.all()) {
    if (!piece.markup) {
      run += piece.text;
      continue;
    }
    const std::string_view text = piece.text;
    std::size_t from = 0;
    while (true) {
      const TagToken* first = nullptr;
      std::size_t first_at = std::string_view::npos;
      for (const TagToken& tag : tags) {
        const std::size_t at = text.find(tag.text, from);
        if (at < first_at || (at == first_at && first && tag.text.size() > first->text.size())) {
          first = &tag;
          first_at = at;
        }
      }
      if (first == nullptr) {
        run += text.substr(from);
        break;
      }
      run += text.substr(from, first_at - from);
      flush();
      ids.push_back(first->id);
      from = first_at + first->text.size();
    }
  }
  flush();
  return ids;
}

}  // namespace codriver::llm::engine
