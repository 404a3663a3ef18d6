# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/memory_model_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/memory_lab_test.cpp
)
