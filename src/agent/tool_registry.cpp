#include "agent/tool_registry.h"

#include <exception>
#include <stdexcept>
#include <utility>

#include "language/utf8.h"

namespace codriver::agent {
namespace {

// Error texts quote at most this many violations: the driver hears the first ones, and a
// model corrects one thing at a time anyway.
constexpr std::size_t kViolationsInError = 3;
constexpr std::size_t kMaxNameLength = 64;

bool is_valid_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameLength) return false;
  for (const char c : name) {
    if (!(c >= 'a' && c <= 'z') && c != '_') return false;
  }
  return true;
}

// A name a model sent, made safe to quote: valid UTF-8, at most 64 code points.
std::string quotable(std::string_view text) {
  const auto code_points = language::decode_utf8(text);
  const auto kept = std::u32string_view(code_points).substr(0, kMaxNameLength);
  return language::encode_utf8(kept) + (kept.size() < code_points.size() ? "..." : "");
}

[[noreturn]] void refuse(const std::string& name, const std::string& problem) {
  throw std::invalid_argument("tool \"" + name + "\": " + problem);
}

void check_tool(const Tool& tool) {
  if (!is_valid_name(tool.name)) {
    refuse(tool.name, "the name must be 1 to 64 characters from a-z and _");
  }
  if (tool.description_en.empty()) refuse(tool.name, "description_en is empty");
  if (tool.description_zh.empty()) refuse(tool.name, "description_zh is empty");
  if (!tool.handler) refuse(tool.name, "has no handler");
  if (!tool.parameters.is_object() || tool.parameters.value("type", "") != "object") {
    refuse(tool.name, "parameters must be a JSON Schema with \"type\": \"object\"");
  }
  try {
    check_schema_supported(tool.parameters);
  } catch (const std::invalid_argument& error) {
    refuse(tool.name, error.what());
  }
}

ToolResult violation_error(const std::string& name, const std::vector<SchemaViolation>& found) {
  std::string en = name + ": ";
  std::string zh = name + " 的";
  for (std::size_t i = 0; i < found.size() && i < kViolationsInError; ++i) {
    const auto& [path, message] = found[i];
    en += (i == 0 ? "" : "; ") + (path.empty() ? std::string("arguments") : path) + " " + message;
    zh += (i == 0 ? "" : "；") + std::string("参数") + (path.empty() ? "" : " " + path + " ") +
          "不对：" + message;
  }
  if (found.size() > kViolationsInError) {
    const auto more = std::to_string(found.size() - kViolationsInError);
    en += "; and " + more + " more";
    zh += "；还有 " + more + " 处";
  }
  return tool_error(std::move(en), std::move(zh));
}

ToolResult run_handler(const Tool& tool, const nlohmann::json& arguments) {
  try {
    ToolResult result = tool.handler(arguments);
    if (!result.ok && result.error_en.empty()) result.error_en = tool.name + " failed";
    if (!result.ok && result.error_zh.empty()) result.error_zh = tool.name + " 没有成功";
    return result;
  } catch (const std::exception& error) {
    return tool_error(tool.name + " failed: " + error.what(),
                      tool.name + " 出错了：" + error.what());
  } catch (...) {
    return tool_error(tool.name + " failed with an unknown error", tool.name + " 出错了");
  }
}

}  // namespace

ToolResult tool_error(std::string en, std::string zh) {
  ToolResult result;
  result.ok = false;
  result.error_en = std::move(en);
  result.error_zh = std::move(zh);
  return result;
}

void ToolRegistry::add(Tool tool) {
  check_tool(tool);
  if (find(tool.name) != nullptr) refuse(tool.name, "is already registered");
  tools_.push_back(std::move(tool));
}

const Tool* ToolRegistry::find(std::string_view name) const {
  for (const auto& tool : tools_) {
    if (tool.name == name) return &tool;
  }
  return nullptr;
}

std::vector<std::string> ToolRegistry::names() const {
  std::vector<std::string> out;
  out.reserve(tools_.size());
  for (const auto& tool : tools_) {
    out.push_back(tool.name);
  }
  return out;
}

std::vector<SchemaViolation> ToolRegistry::validate(std::string_view name,
                                                    const nlohmann::json& arguments) const {
  const Tool* tool = find(name);
  if (tool == nullptr) {
    std::string known;
    for (const auto& each : tools_) {
      known += (known.empty() ? "" : ", ") + each.name;
    }
    return {{"", "names no known tool \"" + quotable(name) + "\" (known: " + known + ")"}};
  }
  return validate_json(tool->parameters, arguments);
}

ToolResult ToolRegistry::call(const ToolCall& tool_call) const {
  const Tool* tool = find(tool_call.name);
  if (tool == nullptr) {
    const auto name = quotable(tool_call.name);
    return tool_error("unknown tool \"" + name + "\"", "没有叫 \"" + name + "\" 的工具");
  }
  try {
    const auto violations = validate_json(tool->parameters, tool_call.arguments);
    if (!violations.empty()) return violation_error(tool->name, violations);
  } catch (const std::exception& error) {  // out of memory; the schema was checked in add()
    return tool_error(tool->name + " could not check its arguments: " + error.what(),
                      tool->name + " 无法检查参数：" + error.what());
  }
  return run_handler(*tool, tool_call.arguments);
}

nlohmann::json ToolRegistry::openai_tools(routing::Language language) const {
  auto tools = nlohmann::json::array();
  for (const auto& tool : tools_) {
    const auto& description =
        language == routing::Language::kChinese ? tool.description_zh : tool.description_en;
    tools.push_back(
        {{"type", "function"},
         {"function",
          {{"name", tool.name}, {"description", description}, {"parameters", tool.parameters}}}});
  }
  return tools;
}

}  // namespace codriver::agent
