#include "speech/speech_text.h"

#include "speech/speech_text_en.h"
#include "speech/speech_text_sanitise.h"
#include "speech/speech_text_zh.h"

namespace codriver::speech {

std::string normalise_for_speech(std::string_view text, routing::Language language) {
  const std::string sanitised = sanitise_for_speech(text, language);
  return language == routing::Language::kChinese ? expand_chinese_for_speech(sanitised)
                                                 : expand_english_for_speech(sanitised);
}

}  // namespace codriver::speech
