# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# One INTERFACE target carries the shared flags; nothing edits global flags.
add_library(latentlab_options INTERFACE)
target_compile_features(latentlab_options INTERFACE cxx_std_20)
target_compile_options(latentlab_options INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wno-unknown-pragmas>
  $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>
  $<$<AND:$<CXX_COMPILER_ID:GNU,Clang>,$<BOOL:${LATENTLAB_WERROR}>>:-Werror>
  $<$<BOOL:${LATENTLAB_NATIVE}>:-march=native>)
target_compile_definitions(latentlab_options INTERFACE
  LATENTLAB_VERSION="${PROJECT_VERSION}" LATENTLAB_HOMEPAGE="${PROJECT_HOMEPAGE_URL}")

# LATENTLAB_FUZZ: libFuzzer targets in tests/fuzz (clang only). Implies ASan + UBSan; the core
# is also instrumented for coverage (core/CMakeLists.txt), so the debug preset builds the app, the
# suites and the fuzz targets in one tree.
option(LATENTLAB_FUZZ "Build the libFuzzer targets (needs clang)" OFF)
if(LATENTLAB_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "LATENTLAB_FUZZ needs clang: configure with the debug preset")
  endif()
  if(NOT LATENTLAB_SANITIZE OR LATENTLAB_SANITIZE STREQUAL "thread")
    set(LATENTLAB_SANITIZE address CACHE STRING "" FORCE)
  endif()
endif()

# LATENTLAB_SANITIZE: OFF; ON or "address" (AddressSanitizer + UndefinedBehaviorSanitizer, every
# report fatal); "thread" (ThreadSanitizer). The debug and tsan presets set them.
set(LATENTLAB_SANITIZE OFF CACHE STRING "OFF, ON/address (ASan + UBSan) or thread (TSan)")
if(LATENTLAB_SANITIZE STREQUAL "thread")
  set(latentlab_sanitizers -fsanitize=thread)
elseif(LATENTLAB_SANITIZE)
  set(latentlab_sanitizers -fsanitize=address,undefined -fno-sanitize-recover=undefined)
endif()

if(latentlab_sanitizers)
  target_compile_options(latentlab_options INTERFACE ${latentlab_sanitizers} -fno-omit-frame-pointer)
  target_link_options(latentlab_options INTERFACE ${latentlab_sanitizers})
endif()
