# The chat format: the tool-call parser and JSON (codriver_llm_chat), and the ChatML prompt
# (chat_prompt in codriver_llm_engine) checked on Qwen's real vocabulary, which
# tests/llm/tokenizer/qwen3_tokenizer_json.h reads with nlohmann_json.
set(llm_test_libraries codriver_llm_chat codriver_llm_engine codriver_llm_tokenizer
    nlohmann_json::nlohmann_json)
