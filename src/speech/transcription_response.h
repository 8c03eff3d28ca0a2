#pragma once

#include <string>
#include <string_view>

#include "speech/asr.h"

// Reading what an OpenAI-compatible transcription server answered: the JSON body of a
// success, and an actionable message for a failure status.
namespace codriver::speech {

// The hypothesis form asr.h promises: lower case, words separated by single spaces, with
// punctuation (ASCII and the full-width marks of Chinese text) removed except inside
// numbers ("10.5", "10:30") and contractions ("don't").
std::string normalise_transcript_text(std::string_view text);

// Parses {"text": ...} and, for verbose_json, "segments" with avg_logprob and
// no_speech_prob. Confidence is the duration-weighted mean over segments of
// exp(avg_logprob) * (1 - no_speech_prob), so text the model itself thinks is silence or
// a guess scores low; without segments it is kUnscoredRemoteConfidence (0.9).
// Blank text gives an empty transcript. Throws AsrError for a body that is not such JSON.
Transcript parse_transcription_response(std::string_view body);

// Message for an HTTP failure status saying what to check; includes the server's own
// error message when the body carries one. Never includes credentials.
std::string describe_http_failure(long status, std::string_view body, std::string_view endpoint,
                                  std::string_view model);

}  // namespace codriver::speech
