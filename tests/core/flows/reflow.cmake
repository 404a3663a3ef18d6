# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/reflow_vectors_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_lab_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_models_test.cpp
)
