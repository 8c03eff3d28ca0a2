#include "speech/espeak_lock.h"

#include <espeak-ng/espeak_ng.h>

#include <cstdlib>
#include <string>

#include "speech/audio_buffer.h"

namespace codriver::speech {
namespace {

std::string status_message(espeak_ng_STATUS status) {
  char message[512] = {};
  espeak_ng_GetStatusCodeMessage(status, message, sizeof(message));
  return message;
}

std::string data_location_hint() {
  const char* configured = std::getenv("ESPEAK_DATA_PATH");
  const std::string where = configured != nullptr
                                ? std::string(" (ESPEAK_DATA_PATH=") + configured + ")"
                                : std::string(" (default location)");
  return where +
         ": install the espeak-ng-data package, or set ESPEAK_DATA_PATH to the folder that "
         "contains espeak-ng-data";
}

}  // namespace

std::unique_lock<std::mutex> lock_espeak() {
  static std::mutex mutex;
  return std::unique_lock<std::mutex>(mutex);
}

int ensure_espeak_initialised() {
  // The output rate is 0 until espeak-ng is initialised. Code outside this helper may have
  // initialised it first (which must not be repeated), possibly in asynchronous mode, where
  // synthesis would run on espeak's own thread after the call returned: switch the output
  // back to synchronous, which is cheap and safe to repeat.
  if (espeak_ng_GetSampleRate() > 0) {
    const espeak_ng_STATUS status =
        espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
    if (status != ENS_OK) {
      throw AudioError("espeak-ng could not switch to synchronous output: " +
                       status_message(status));
    }
    return espeak_ng_GetSampleRate();
  }
  espeak_ng_InitializePath(nullptr);
  espeak_ng_ERROR_CONTEXT context = nullptr;
  espeak_ng_STATUS status = espeak_ng_Initialize(&context);
  espeak_ng_ClearErrorContext(&context);
  if (status != ENS_OK) {
    throw AudioError("espeak-ng could not load its voice data: " + status_message(status) +
                     data_location_hint());
  }
  status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
  if (status != ENS_OK) {
    throw AudioError("espeak-ng could not start synthesis: " + status_message(status));
  }
  const int rate = espeak_ng_GetSampleRate();
  if (rate <= 0) throw AudioError("espeak-ng reported no output sample rate");
  return rate;
}

}  // namespace codriver::speech
