# The reference forward pass is a library of its own, so that other test folders can link it:
# tests/llm/engine/libraries.cmake names `codriver_llm_reference` in llm_test_libraries (the
# target may be defined after that folder's; CMake resolves link names at generate time).
if(NOT TARGET codriver_llm_reference)
  add_library(codriver_llm_reference STATIC
    ${CMAKE_CURRENT_LIST_DIR}/reference_dequantize.cpp
    ${CMAKE_CURRENT_LIST_DIR}/reference_model.cpp)
  target_include_directories(codriver_llm_reference PUBLIC
    ${PROJECT_SOURCE_DIR}/tests ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(codriver_llm_reference PUBLIC codriver_llm_gguf)
endif()

# This folder's test executable globs every .cpp here; the library's sources come from the
# library instead of being compiled twice.
list(REMOVE_ITEM sources
  ${CMAKE_CURRENT_LIST_DIR}/reference_dequantize.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reference_model.cpp)

# The generator only feeds this folder's tests; the reference library never links it.
set(llm_test_libraries codriver_llm_reference codriver_llm_testmodel codriver_llm_gguf)
