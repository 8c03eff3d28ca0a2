# The engine's forward pass against the double-precision reference, on generated models.
set(llm_test_libraries codriver_llm_engine codriver_llm_reference codriver_llm_testmodel
    codriver_llm_tokenizer codriver_llm_gguf)
