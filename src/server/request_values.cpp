#include "server/request_values.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "llm/tokenizer/utf8.h"
#include "server/http_error.h"

namespace codriver::server {
namespace {

using nlohmann::json;

std::string range_text(double min, double max) {
  const auto text = [](double v) {
    return v == std::floor(v) ? std::to_string(static_cast<long long>(v)) : std::to_string(v);
  };
  return text(min) + " and " + text(max);
}

std::optional<double> parse_number(const std::string& text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

bool invisible(char32_t c) {
  return c <= 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0x1680 || (c >= 0x2000 && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF;
}

}  // namespace

std::size_t character_count(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text)
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

bool blank_text(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    if (!invisible(llm::tokenizer::next_code_point(text, at))) return false;
  }
  return true;
}

AskRequest parse_ask_request(std::string_view body) {
  const json request = json::parse(body, nullptr, false);
  if (request.is_discarded()) {
    throw bad_request("The request body is not valid JSON: send {\"text\": \"...\"}.",
                      "请求内容不是有效的JSON，请发送 {\"text\": \"...\"}。");
  }
  if (!request.is_object())
    throw bad_request("The request body must be a JSON object.", "请求内容必须是JSON对象。");
  for (const auto& [key, value] : request.items()) {
    if (key != "text" && key != "lang") {
      throw bad_request("Unknown field \"" + key + "\": an ask takes \"text\" and \"lang\".",
                        "未知字段“" + key + "”：只接受 text 和 lang。");
    }
  }
  const auto text = request.find("text");
  if (text == request.end() || !text->is_string())
    throw bad_request("\"text\" must be a string.", "“text”必须是字符串。");
  AskRequest ask;
  ask.text = text->get<std::string>();
  if (blank_text(ask.text))
    throw bad_request("\"text\" is empty: say what you need.", "“text”为空，请说出您的需求。");
  if (character_count(ask.text) > kMaxAskTextCharacters) {
    throw bad_request(
        "\"text\" is longer than " + std::to_string(kMaxAskTextCharacters) + " characters.",
        "“text”超过" + std::to_string(kMaxAskTextCharacters) + "个字符。");
  }
  const auto lang = request.find("lang");
  if (lang != request.end()) {
    if (!lang->is_string())
      throw bad_request("\"lang\" must be \"auto\", \"en\" or \"zh\".",
                        "“lang”必须是 auto、en 或 zh。");
    ask.language = optional_language_value(lang->get<std::string>());
  }
  return ask;
}

routing::Language language_value(const QueryValue& value) {
  return optional_language_value(value).value_or(routing::Language::kEnglish);
}

std::optional<routing::Language> optional_language_value(const QueryValue& value) {
  if (!value || *value == "auto") return std::nullopt;
  if (*value == "en") return routing::Language::kEnglish;
  if (*value == "zh") return routing::Language::kChinese;
  throw bad_request("lang must be en or zh.", "lang 必须是 en 或 zh。");
}

std::optional<geo::LatLon> lat_lon_value(const std::string& name, const QueryValue& value) {
  if (!value) return std::nullopt;
  const std::string shown = llm::tokenizer::is_valid_utf8(*value) ? *value : "?";
  const auto comma = value->find(',');
  const auto lat = parse_number(value->substr(0, comma));
  const auto lon =
      comma == std::string::npos ? std::nullopt : parse_number(value->substr(comma + 1));
  if (!lat.has_value() || !lon.has_value())
    throw bad_request(name + " must be lat,lon (e.g. 43.7384,7.4246), not \"" + shown + "\".",
                      name + " 必须是“纬度,经度”（例如 43.7384,7.4246）。");
  const geo::LatLon position{lat.value(), lon.value()};
  if (std::abs(position.lat) > 90 || std::abs(position.lon) > 180)
    throw bad_request(name + " " + shown + " is not on Earth.",
                      name + " " + shown + " 不在地球上。");
  return position;
}

std::optional<geo::BoundingBox> bbox_value(const std::string& name, const QueryValue& value) {
  if (!value) return std::nullopt;
  std::vector<double> numbers;
  std::size_t start = 0;
  while (numbers.size() < 5 && start <= value->size()) {
    const std::size_t end = std::min(value->find(',', start), value->size());
    const auto number = parse_number(value->substr(start, end - start));
    if (!number) break;
    numbers.push_back(*number);
    start = end + 1;
  }
  const bool shaped = numbers.size() == 4 && start > value->size();
  if (!shaped || std::abs(numbers[0]) > 180 || std::abs(numbers[2]) > 180 ||
      std::abs(numbers[1]) > 90 || std::abs(numbers[3]) > 90 || numbers[0] > numbers[2] ||
      numbers[1] > numbers[3]) {
    throw bad_request(
        name + " must be min lon,min lat,max lon,max lat on Earth (e.g. 7.41,43.72,7.44,43.75).",
        name + " 必须是“最小经度,最小纬度,最大经度,最大纬度”（例如 7.41,43.72,7.44,43.75）。");
  }
  geo::BoundingBox box;
  box.extend(geo::LatLon{numbers[1], numbers[0]});
  box.extend(geo::LatLon{numbers[3], numbers[2]});
  return box;
}

double number_value(const std::string& name, const QueryValue& value, double fallback, double min,
                    double max) {
  if (!value) return fallback;
  const auto number = parse_number(*value);
  if (!number || *number < min || *number > max) {
    throw bad_request(name + " must be a number between " + range_text(min, max) + ".",
                      name + " 必须是介于" + range_text(min, max) + "之间的数字。");
  }
  return *number;
}

int integer_value(const std::string& name, const QueryValue& value, int fallback, int min,
                  int max) {
  if (!value) return fallback;
  const double number = number_value(name, value, fallback, min, max);
  if (number != std::floor(number)) {
    throw bad_request(name + " must be a whole number.", name + " 必须是整数。");
  }
  return static_cast<int>(number);
}

bool boolean_value(const std::string& name, const QueryValue& value, bool fallback) {
  if (!value) return fallback;
  if (*value == "true" || *value == "1") return true;
  if (*value == "false" || *value == "0") return false;
  throw bad_request(name + " must be true or false.", name + " 必须是 true 或 false。");
}

std::string text_value(const std::string& name, const QueryValue& value, std::size_t max_bytes) {
  if (!value) return "";
  if (value->size() > max_bytes || !llm::tokenizer::is_valid_utf8(*value)) {
    throw bad_request(
        name + " must be UTF-8 text of at most " + std::to_string(max_bytes) + " bytes.",
        name + " 必须是不超过" + std::to_string(max_bytes) + "字节的UTF-8文本。");
  }
  return *value;
}

}  // namespace codriver::server
