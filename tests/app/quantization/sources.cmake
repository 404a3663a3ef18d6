# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# The quantization area has two pages; each lists its own files.
include(${CMAKE_CURRENT_LIST_DIR}/grid.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/image.cmake OPTIONAL)
target_sources(latentlab_app_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/quantization_replay_app_test.cpp)
