#include "llm/chat_model/http_url.h"

#include <stdexcept>
#include <string_view>

namespace codriver::llm {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Where the authority (user info, host, port) starts: after "scheme://".
std::size_t authority_start(const std::string& url) {
  const auto scheme_end = url.find("://");
  return scheme_end == std::string::npos ? std::string::npos : scheme_end + 3;
}

}  // namespace

std::string url_host(const std::string& url) {
  const std::size_t start = authority_start(url);
  if (start == std::string::npos) return {};
  const std::size_t end = url.find_first_of("/?#", start);
  std::string authority = url.substr(start, end == std::string::npos ? end : end - start);
  const auto at = authority.rfind('@');
  if (at != std::string::npos) authority.erase(0, at + 1);
  return authority;
}

std::string chat_completions_url(std::string base_url) {
  const bool http = base_url.rfind("http://", 0) == 0 || base_url.rfind("https://", 0) == 0;
  if (!http || url_host(base_url).empty()) {
    throw std::invalid_argument(
        "the model's base URL must start with http:// or https:// and name a host, e.g. "
        "http://127.0.0.1:8080/v1");
  }
  if (base_url.find_first_of("?#") != std::string::npos) {
    throw std::invalid_argument(
        "the model's base URL must not have a query or fragment, e.g. "
        "https://dashscope.aliyuncs.com/compatible-mode/v1");
  }
  while (ends_with(base_url, "/"))
    base_url.pop_back();
  if (ends_with(base_url, "/chat/completions")) return base_url;
  const bool has_path = base_url.find('/', authority_start(base_url)) != std::string::npos;
  if (!has_path) base_url += "/v1";
  return base_url + "/chat/completions";
}

}  // namespace codriver::llm
