# codriver_llm_testmodel writes the vocabulary-only GGUF files that testmodel_vocabulary_test
# reads back; BZip2 reads Unicode's NormalizationTest.txt.bz2 (Debian: unicode-data).
set(llm_test_libraries codriver_llm_tokenizer codriver_llm_gguf codriver_llm_testmodel
    nlohmann_json::nlohmann_json BZip2::BZip2)
set(llm_test_definitions
  CODRIVER_NORMALIZATION_TEST="${CODRIVER_UNICODE_DIR}/NormalizationTest.txt.bz2")
