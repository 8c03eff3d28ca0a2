# The server tests run `codriver llm serve`'s library in-process on a tiny random model that
# the test-model generator writes, and talk to it over raw sockets.
set(llm_test_libraries codriver_llm_serve codriver_llm_engine codriver_llm_chat
    codriver_llm_tokenizer codriver_llm_testmodel codriver_llm_gguf nlohmann_json::nlohmann_json
    Threads::Threads)
