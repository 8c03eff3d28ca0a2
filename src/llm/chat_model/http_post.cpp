#include "llm/chat_model/http_post.h"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>

namespace codriver::llm {
namespace {

using Clock = std::chrono::steady_clock;

// How often a transfer looks at its cancel flag, deadline and silence.
constexpr std::chrono::milliseconds kPollInterval{50};
// A proxy from the environment must not capture the on-board server.
constexpr const char* kLocalHosts = "127.0.0.1,localhost,::1";

// libcurl's global set-up is not thread-safe; do it once before the first handle.
void ensure_curl_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Open connections, DNS answers and TLS sessions shared by every request, so the second
// question to a cloud model does not pay for a new TLS handshake. Never freed: requests
// may run on other threads until the process ends.
class ConnectionCache {
 public:
  static CURLSH* handle() {
    static ConnectionCache* cache = new ConnectionCache();
    return cache->share_;
  }

 private:
  ConnectionCache() : share_(curl_share_init()) {
    curl_share_setopt(share_, CURLSHOPT_LOCKFUNC, &ConnectionCache::lock);
    curl_share_setopt(share_, CURLSHOPT_UNLOCKFUNC, &ConnectionCache::unlock);
    curl_share_setopt(share_, CURLSHOPT_USERDATA, this);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }

  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* user) {
    static_cast<ConnectionCache*>(user)->mutexes_[static_cast<std::size_t>(data)].lock();
  }
  static void unlock(CURL*, curl_lock_data data, void* user) {
    static_cast<ConnectionCache*>(user)->mutexes_[static_cast<std::size_t>(data)].unlock();
  }

  CURLSH* share_;
  std::array<std::mutex, CURL_LOCK_DATA_LAST> mutexes_;
};

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct MultiDeleter {
  void operator()(CURLM* handle) const { curl_multi_cleanup(handle); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// What the callbacks learn during one transfer.
struct Transfer {
  const HttpPostRequest* request = nullptr;
  CURL* easy = nullptr;
  HttpPostResult result;
  std::size_t received = 0;
  Clock::time_point last_activity;
  bool too_large = false;
  bool stopped_by_reader = false;
  std::exception_ptr reader_error;
};

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  return std::string(text);
}

bool header_is(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return false;
  }
  return true;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  const std::string_view line(data, bytes);
  transfer.last_activity = Clock::now();
  if (line.rfind("HTTP/", 0) == 0) {  // a new head (after "100 Continue", say)
    transfer.result.content_type.clear();
    transfer.result.retry_after.clear();
  } else if (header_is(line, "content-type")) {
    transfer.result.content_type = trimmed(line.substr(13));
  } else if (header_is(line, "retry-after")) {
    transfer.result.retry_after = trimmed(line.substr(12));
  }
  return bytes;
}

std::size_t on_data(char* data, std::size_t size, std::size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  transfer.last_activity = Clock::now();
  transfer.received += bytes;
  if (transfer.received > transfer.request->max_response_bytes) {
    transfer.too_large = true;
    return 0;  // makes libcurl fail the transfer
  }
  long status = 0;
  curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
  const bool streamed = transfer.request->on_body && status >= 200 && status < 300;
  if (!streamed) {
    transfer.result.body.append(data, bytes);
    return bytes;
  }
  transfer.result.body_started = true;
  try {  // an exception must not cross libcurl's C frames
    if (!transfer.request->on_body(std::string_view(data, bytes))) {
      transfer.stopped_by_reader = true;
      return 0;
    }
  } catch (...) {
    transfer.reader_error = std::current_exception();
    return 0;
  }
  return bytes;
}

bool is_unreachable(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return true;
    default:
      return false;
  }
}

bool is_connection_lost(CURLcode code) {
  return code == CURLE_GOT_NOTHING || code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR ||
         code == CURLE_PARTIAL_FILE || code == CURLE_HTTP2 || code == CURLE_HTTP2_STREAM;
}

HttpOutcome outcome_of(CURLcode code, const Transfer& transfer, bool connect_limited_by_deadline) {
  if (code == CURLE_OK) return HttpOutcome::kCompleted;
  if (transfer.too_large) return HttpOutcome::kTooLarge;
  if (transfer.stopped_by_reader) return HttpOutcome::kCancelled;
  if (code == CURLE_OPERATION_TIMEDOUT) {
    // Only the connect phase has a libcurl timeout; the rest is watched by the poll loop.
    return connect_limited_by_deadline ? HttpOutcome::kTimedOut : HttpOutcome::kUnreachable;
  }
  if (is_unreachable(code)) return HttpOutcome::kUnreachable;
  if (is_connection_lost(code)) return HttpOutcome::kConnectionLost;
  return HttpOutcome::kFailed;
}

curl_slist* header_list(const HttpPostRequest& request) {
  // No "Expect: 100-continue": it costs a round trip on larger bodies.
  curl_slist* list = curl_slist_append(nullptr, "Expect:");
  for (const std::string& header : request.headers)
    list = curl_slist_append(list, header.c_str());
  return list;
}

long milliseconds_until(Clock::time_point when, Clock::time_point now) {
  return static_cast<long>(std::max<long long>(
      1, std::chrono::duration_cast<std::chrono::milliseconds>(when - now).count()));
}

// Drives the transfer until it ends or a limit passes; returns libcurl's result, or
// nothing when the loop stopped it (then `stopped` says why).
std::optional<CURLcode> drive(CURLM* multi, Transfer& transfer, HttpOutcome& stopped) {
  const HttpPostRequest& request = *transfer.request;
  while (true) {
    int running = 0;
    curl_multi_perform(multi, &running);
    if (running == 0) {
      int left = 0;
      while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
        if (message->msg == CURLMSG_DONE) return message->data.result;
      }
      return CURLE_FAILED_INIT;
    }
    const auto now = Clock::now();
    if (request.cancel != nullptr && request.cancel->load()) {
      stopped = HttpOutcome::kCancelled;
      return std::nullopt;
    }
    if (now >= request.deadline) {
      stopped = HttpOutcome::kTimedOut;
      return std::nullopt;
    }
    if (now - transfer.last_activity >= request.stall_timeout) {
      stopped = HttpOutcome::kStalled;
      return std::nullopt;
    }
    const auto wake = std::min(
        {now + kPollInterval, request.deadline, transfer.last_activity + request.stall_timeout});
    curl_multi_poll(multi, nullptr, 0, static_cast<int>(milliseconds_until(wake, now)), nullptr);
  }
}

}  // namespace

HttpPostResult http_post(const HttpPostRequest& request) {
  ensure_curl_initialised();
  Transfer transfer;
  transfer.request = &request;
  const auto started = Clock::now();
  transfer.last_activity = started;
  if (request.cancel != nullptr && request.cancel->load()) {
    transfer.result.outcome = HttpOutcome::kCancelled;
    return transfer.result;
  }
  if (started >= request.deadline) {
    transfer.result.outcome = HttpOutcome::kTimedOut;
    return transfer.result;
  }

  std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
  std::unique_ptr<CURLM, MultiDeleter> multi(curl_multi_init());
  if (!easy || !multi) {
    transfer.result.detail = "libcurl could not create a handle (out of memory)";
    return transfer.result;
  }
  transfer.easy = easy.get();
  std::unique_ptr<curl_slist, ListDeleter> headers(header_list(request));
  char error_detail[CURL_ERROR_SIZE] = "";
  const long until_deadline = milliseconds_until(request.deadline, started);
  const long connect_ms =
      std::min<long>(static_cast<long>(request.connect_timeout.count()), until_deadline);

  CURL* handle = easy.get();
  curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(handle, CURLOPT_POST, 1L);
  curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE,
                   static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
  curl_easy_setopt(handle, CURLOPT_NOPROXY, kLocalHosts);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: thread-safe
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_VERBOSE, 0L);  // verbose output would show the key
  curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(handle, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, on_data);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_detail);
  curl_easy_setopt(handle, CURLOPT_SHARE, ConnectionCache::handle());
  curl_multi_add_handle(multi.get(), handle);

  HttpOutcome stopped = HttpOutcome::kFailed;
  const std::optional<CURLcode> code = drive(multi.get(), transfer, stopped);
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &transfer.result.status);
  curl_multi_remove_handle(multi.get(), handle);
  if (transfer.reader_error) std::rethrow_exception(transfer.reader_error);

  if (!code) {
    transfer.result.outcome = stopped;
  } else {
    transfer.result.outcome = outcome_of(
        *code, transfer, connect_ms < static_cast<long>(request.connect_timeout.count()));
    if (*code != CURLE_OK) {
      transfer.result.detail = error_detail[0] != '\0' ? error_detail : curl_easy_strerror(*code);
    }
  }
  return transfer.result;
}

}  // namespace codriver::llm
