# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# One INTERFACE target carries the shared flags; nothing edits global flags.
add_library(latentlab_options INTERFACE)
target_compile_features(latentlab_options INTERFACE cxx_std_20)
target_compile_options(latentlab_options INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow=local -Wno-unknown-pragmas>
  $<$<AND:$<CXX_COMPILER_ID:GNU,Clang>,$<BOOL:${LATENTLAB_WERROR}>>:-Werror>)
target_compile_definitions(latentlab_options INTERFACE
  LATENTLAB_VERSION="${PROJECT_VERSION}" LATENTLAB_HOMEPAGE="${PROJECT_HOMEPAGE_URL}")

option(LATENTLAB_SANITIZE "Build with address and undefined-behaviour sanitizers" OFF)
if(LATENTLAB_SANITIZE)
  target_compile_options(latentlab_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(latentlab_options INTERFACE -fsanitize=address,undefined)
endif()
