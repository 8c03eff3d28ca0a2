# The OpenAI-compatible client, tested against the speech tests' local HTTP server
# (tests/speech/local_http_server.h) and, when built, `codriver llm serve`.
set(llm_test_libraries codriver_llm_chat_model codriver_llm_chat codriver_llm_testmodel nlohmann_json::nlohmann_json
    Threads::Threads)
