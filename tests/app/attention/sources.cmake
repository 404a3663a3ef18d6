# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# The attention area has two pages; each lists its own files.
include(${CMAKE_CURRENT_LIST_DIR}/rank.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/efficient.cmake OPTIONAL)
target_sources(latentlab_app_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/attention_replay_app_test.cpp)
