# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# The fine-tuning area has two pages; each lists its own files.
include(${CMAKE_CURRENT_LIST_DIR}/memory.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/side_tuning.cmake OPTIONAL)
target_sources(latentlab_app_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/finetune_replay_app_test.cpp)
