set(llm_test_libraries codriver_llm_engine codriver_agent nlohmann_json::nlohmann_json GTest::gmock)
