#include "speech/transcription_response.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "speech/remote_asr.h"

namespace codriver::speech {
namespace {

constexpr std::size_t kMaxQuotedBody = 200;

std::string trimmed(std::string_view text) {
  const auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!text.empty() && is_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_space(text.back()))
    text.remove_suffix(1);
  return std::string(text);
}

// A short, printable excerpt of a body for error messages.
std::string excerpt(std::string_view body) {
  std::string out = trimmed(body.substr(0, kMaxQuotedBody));
  std::replace_if(
      out.begin(), out.end(), [](unsigned char c) { return c < 0x20; }, ' ');
  if (body.size() > kMaxQuotedBody) out += "...";
  return out;
}

bool is_ascii_punctuation(char c) {
  return c >= 0 && c < 0x80 && std::ispunct(c) != 0;
}

bool is_digit_at(std::string_view text, std::size_t i) {
  return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0;
}

bool is_letter_at(std::string_view text, std::size_t i) {
  return i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) != 0;
}

// Punctuation that should survive: "10.5", "10:30", "don't".
bool keeps_punctuation(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (i == 0) return false;
  if (c == '.' || c == ':') return is_digit_at(text, i - 1) && is_digit_at(text, i + 1);
  if (c == '\'') return is_letter_at(text, i - 1) && is_letter_at(text, i + 1);
  return false;
}

// Full-width punctuation Whisper puts in Chinese text, as UTF-8 byte sequences.
constexpr std::string_view kWidePunctuation[] = {"\uFF0C", "\u3002", "\uFF01", "\uFF1F",
                                                 "\u3001", "\uFF1B", "\uFF1A", "\u201C",
                                                 "\u201D", "\u2018", "\u2019", "\u2026"};

std::size_t wide_punctuation_length(std::string_view text, std::size_t i) {
  for (const std::string_view mark : kWidePunctuation) {
    if (text.compare(i, mark.size(), mark) == 0) return mark.size();
  }
  return 0;
}

double number_or(const nlohmann::json& object, const char* key, double fallback) {
  const auto found = object.find(key);
  return found != object.end() && found->is_number() ? found->get<double>() : fallback;
}

// Duration-weighted mean of each segment's probability of being right; nullopt when the
// segments carry no scores (plain "json" or a server that omits them).
std::optional<double> confidence_from_segments(const nlohmann::json& segments) {
  double weighted = 0;
  double total_weight = 0;
  for (const auto& segment : segments) {
    if (!segment.is_object() || !segment.contains("avg_logprob")) continue;
    const double avg_logprob = number_or(segment, "avg_logprob", 0);
    const double no_speech = std::clamp(number_or(segment, "no_speech_prob", 0), 0.0, 1.0);
    const double duration = number_or(segment, "end", 0) - number_or(segment, "start", 0);
    // Segments without times still count, equally.
    const double weight = duration > 0 ? duration : 1.0;
    weighted += weight * std::exp(std::min(avg_logprob, 0.0)) * (1.0 - no_speech);
    total_weight += weight;
  }
  if (total_weight <= 0) return std::nullopt;
  return std::clamp(weighted / total_weight, 0.0, 1.0);
}

// The "message" of an OpenAI-style {"error": {"message": ...}} body, else an excerpt.
std::string server_message(std::string_view body) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_object()) {
    const auto error = json.find("error");
    if (error != json.end() && error->is_object() && error->contains("message") &&
        (*error)["message"].is_string()) {
      return excerpt((*error)["message"].get<std::string>());
    }
    if (error != json.end() && error->is_string()) return excerpt(error->get<std::string>());
    const auto detail = json.find("detail");
    if (detail != json.end() && detail->is_string()) return excerpt(detail->get<std::string>());
  }
  return excerpt(body);
}

std::string advice_for(long status, std::string_view endpoint, std::string_view model) {
  const std::string where(endpoint);
  if (status == 401 || status == 403) {
    return "the server rejected the API key: set RemoteAsrOptions::api_key to a key it accepts";
  }
  if (status == 404) {
    return "nothing found at " + where + " for model '" + std::string(model) +
           "': check base_url (scheme, host, port, no extra path) and that the server serves "
           "this model";
  }
  if (status == 413) {
    return "the audio is too large for the server: send shorter utterances (trim with the "
           "front end) or raise the server's upload limit";
  }
  if (status == 429) return "the server is rate limiting: wait and ask again";
  if (status >= 500) {
    return "the transcription server at " + where +
           " failed internally: check its log, restart it or fall back to the on-board "
           "recognizer";
  }
  return "the server refused the request: check model, language and response_format";
}

}  // namespace

std::string normalise_transcript_text(std::string_view text) {
  std::string spaced;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (const std::size_t wide = wide_punctuation_length(text, i); wide > 0) {
      spaced.push_back(' ');
      i += wide - 1;
    } else if (is_ascii_punctuation(text[i]) && !keeps_punctuation(text, i)) {
      spaced.push_back(' ');
    } else {
      spaced.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
    }
  }
  std::string words;
  for (std::size_t i = 0; i < spaced.size(); ++i) {
    const bool space = std::isspace(static_cast<unsigned char>(spaced[i])) != 0;
    if (!space) {
      words.push_back(spaced[i]);
    } else if (!words.empty() && words.back() != ' ') {
      words.push_back(' ');
    }
  }
  if (!words.empty() && words.back() == ' ') words.pop_back();
  return words;
}

Transcript parse_transcription_response(std::string_view body) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("text") || !json["text"].is_string()) {
    throw AsrError(
        "transcription server answered something other than JSON with a \"text\" "
        "field ('" +
        excerpt(body) +
        "'): check that base_url points at an OpenAI-compatible server and "
        "response_format is json or verbose_json");
  }
  Transcript transcript;
  std::string text = normalise_transcript_text(json["text"].get<std::string>());
  if (text.empty()) return transcript;
  double confidence = kUnscoredRemoteConfidence;
  if (const auto segments = json.find("segments"); segments != json.end() && segments->is_array()) {
    confidence = confidence_from_segments(*segments).value_or(kUnscoredRemoteConfidence);
  }
  transcript.nbest.push_back(Hypothesis{std::move(text), confidence});
  return transcript;
}

std::string describe_http_failure(long status, std::string_view body, std::string_view endpoint,
                                  std::string_view model) {
  std::string message = "transcription request failed with HTTP " + std::to_string(status) + ": " +
                        advice_for(status, endpoint, model);
  // Servers echo part of a rejected key in their message: leave it out for auth failures.
  const bool may_echo_key = status == 401 || status == 403;
  const std::string said = may_echo_key ? std::string() : server_message(body);
  if (!said.empty()) message += " (server said: " + said + ")";
  return message;
}

}  // namespace codriver::speech
