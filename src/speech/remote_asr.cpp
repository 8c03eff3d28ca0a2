#include "speech/remote_asr.h"

#include <curl/curl.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "speech/audio_file.h"
#include "speech/transcription_response.h"

namespace codriver::speech {
namespace {

// A transcription answer is a few kilobytes; more means the URL points at something else.
constexpr std::size_t kMaxResponseBytes = 4 * 1024 * 1024;
constexpr const char* kLocalHosts = "127.0.0.1,localhost,::1";

struct CurlEasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct CurlMimeDeleter {
  void operator()(curl_mime* mime) const { curl_mime_free(mime); }
};
struct CurlListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using CurlHandle = std::unique_ptr<CURL, CurlEasyDeleter>;
using CurlMime = std::unique_ptr<curl_mime, CurlMimeDeleter>;
using CurlList = std::unique_ptr<curl_slist, CurlListDeleter>;

// libcurl's global set-up is not thread-safe; do it once before the first handle.
void ensure_curl_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t collect_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const std::size_t bytes = size * count;
  if (body->size() + bytes > kMaxResponseBytes) return 0;  // makes curl fail the transfer
  body->append(data, bytes);
  return bytes;
}

std::string endpoint_for(std::string base_url) {
  const bool http = base_url.rfind("http://", 0) == 0 || base_url.rfind("https://", 0) == 0;
  if (!http) {
    throw AsrError(
        "RemoteAsrOptions::base_url must start with http:// or https:// (e.g. "
        "http://127.0.0.1:8080), got '" +
        base_url + "'");
  }
  while (!base_url.empty() && base_url.back() == '/')
    base_url.pop_back();
  const std::string_view version_suffix = "/v1";
  if (base_url.size() >= version_suffix.size() &&
      base_url.compare(base_url.size() - version_suffix.size(), version_suffix.size(),
                       version_suffix) == 0) {
    base_url.resize(base_url.size() - version_suffix.size());
  }
  return base_url + "/v1/audio/transcriptions";
}

void add_field(curl_mime* mime, const char* name, const std::string& value) {
  curl_mimepart* part = curl_mime_addpart(mime);
  curl_mime_name(part, name);
  curl_mime_data(part, value.c_str(), value.size());
}

std::string describe_transport_failure(CURLcode code, const char* detail,
                                       const RemoteAsrOptions& options,
                                       const std::string& endpoint) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return "no answer from " + endpoint + " within " + std::to_string(options.timeout_s) +
             " s: the transcription server is stuck or overloaded; check it, or raise "
             "RemoteAsrOptions::timeout_s";
    case CURLE_COULDNT_CONNECT:
      return "could not connect to " + endpoint +
             " (connection refused or unreachable): start the transcription server or fix "
             "the host and port in RemoteAsrOptions::base_url";
    case CURLE_COULDNT_RESOLVE_HOST:
      return "cannot resolve the host of " + endpoint + ": fix RemoteAsrOptions::base_url";
    case CURLE_WRITE_ERROR:
      return "the answer from " + endpoint +
             " is larger than any transcription: check that base_url points at a "
             "transcription server";
    default:
      return "transcription request to " + endpoint + " failed: " + curl_easy_strerror(code) +
             (detail[0] != '\0' ? std::string(" (") + detail + ")" : std::string());
  }
}

}  // namespace

RemoteRecognizer::RemoteRecognizer(RemoteAsrOptions options)
    : options_(std::move(options)), endpoint_(endpoint_for(options_.base_url)) {
  if (!(options_.timeout_s > 0)) {
    throw AsrError("RemoteAsrOptions::timeout_s must be positive, e.g. 5");
  }
  if (options_.model.empty()) {
    throw AsrError("RemoteAsrOptions::model is empty: name the server's model, e.g. whisper-1");
  }
  ensure_curl_initialised();
}

Transcript RemoteRecognizer::transcribe(const AudioBuffer& audio) {
  if (audio.samples.empty()) return {};
  if (audio.sample_rate <= 0) {
    throw AsrError("audio has no sample rate: set AudioBuffer::sample_rate (16000)");
  }
  const auto started = std::chrono::steady_clock::now();

  CurlHandle curl(curl_easy_init());
  if (!curl) throw AsrError("libcurl could not create a handle: the process is out of memory");
  CurlMime form(curl_mime_init(curl.get()));
  // 16-bit PCM WAV: the one upload format every Whisper server accepts.
  const std::vector<std::uint8_t> wav = encode_wav(audio);
  curl_mimepart* file = curl_mime_addpart(form.get());
  curl_mime_name(file, "file");
  curl_mime_filename(file, "audio.wav");
  curl_mime_type(file, "audio/wav");
  curl_mime_data(file, reinterpret_cast<const char*>(wav.data()), wav.size());
  add_field(form.get(), "model", options_.model);
  if (!options_.language.empty()) add_field(form.get(), "language", options_.language);
  add_field(form.get(), "response_format", options_.response_format);

  // No "Expect: 100-continue": it costs a round trip (or a 1 s wait) on every utterance.
  curl_slist* raw_headers = curl_slist_append(nullptr, "Expect:");
  raw_headers = curl_slist_append(raw_headers, "Accept: application/json");
  if (!options_.api_key.empty()) {
    raw_headers =
        curl_slist_append(raw_headers, ("Authorization: Bearer " + options_.api_key).c_str());
  }
  CurlList headers(raw_headers);

  std::string body;
  char error_detail[CURL_ERROR_SIZE] = "";
  const auto timeout_ms = static_cast<long>(options_.timeout_s * 1000.0);
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, endpoint_.c_str());
  curl_easy_setopt(handle, CURLOPT_MIMEPOST, form.get());
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
  curl_easy_setopt(handle, CURLOPT_NOPROXY, kLocalHosts);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: thread-safe
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, collect_body);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_detail);

  const CURLcode code = curl_easy_perform(handle);
  if (code != CURLE_OK) {
    throw AsrError(describe_transport_failure(code, error_detail, options_, endpoint_));
  }
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300) {
    throw AsrError(describe_http_failure(status, body, endpoint_, options_.model));
  }
  Transcript transcript = parse_transcription_response(body);
  transcript.decode_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return transcript;
}

}  // namespace codriver::speech
