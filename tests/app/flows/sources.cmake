# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# The flows area has three pages; each lists its own files.
include(${CMAKE_CURRENT_LIST_DIR}/fokker.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/reflow.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/wgan.cmake OPTIONAL)
target_sources(latentlab_app_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/flows_replay_app_test.cpp)
