# The guards' native build (scripts/sanitize, scripts/fuzz), clang only, in its own build dir:
#   CC=clang CXX=clang++ cmake -S . -B build/sanitize -DNNPLAY_SANITIZE=ON
# Every target of the top directory (engine, CLI, Catch2 tests, ...) is built and linked with
# AddressSanitizer and UndefinedBehaviorSanitizer; a finding aborts (no recovery), so a test
# that triggers one fails. The engine library alone also gets libFuzzer's coverage
# instrumentation (fuzzer-no-link), so one compile of the engine serves both the sanitized
# tests and the fuzz targets (tests/fuzz/*_fuzz.cpp -> build/sanitize/fuzz/<name>).
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "NNPLAY_SANITIZE needs clang (libFuzzer): configure with CXX=clang++")
endif()

# -O1 keeps the sanitized tests fast enough; no NDEBUG, so asserts stay on.
set(NNPLAY_SAN_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all
    -fno-omit-frame-pointer -g -O1)

get_directory_property(nnplay_san_targets BUILDSYSTEM_TARGETS)
foreach(t IN LISTS nnplay_san_targets)
  get_target_property(type ${t} TYPE)
  if(type MATCHES "EXECUTABLE|LIBRARY")
    target_compile_options(${t} PRIVATE ${NNPLAY_SAN_FLAGS})
    target_link_options(${t} PRIVATE -fsanitize=address,undefined)
  endif()
endforeach()
target_compile_options(nnplay_engine PRIVATE -fsanitize=fuzzer-no-link)

# One fuzz target per tests/fuzz/<name>_fuzz.cpp; seeds in tests/fuzz/corpus/<name>/.
file(GLOB NNPLAY_FUZZ_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/fuzz/*_fuzz.cpp)
foreach(src IN LISTS NNPLAY_FUZZ_SOURCES)
  get_filename_component(name ${src} NAME_WE)
  string(REGEX REPLACE "_fuzz$" "" name ${name})
  add_executable(fuzz_${name} ${src})
  target_link_libraries(fuzz_${name} PRIVATE nnplay_engine)
  target_compile_options(fuzz_${name} PRIVATE ${NNPLAY_WARNINGS} ${NNPLAY_SAN_FLAGS}
                                              -fsanitize=fuzzer)
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  set_target_properties(fuzz_${name} PROPERTIES OUTPUT_NAME ${name} RUNTIME_OUTPUT_DIRECTORY
                                                ${PROJECT_BINARY_DIR}/fuzz)
endforeach()
