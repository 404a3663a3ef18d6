# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/fsq_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vq_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/precision_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/grid_lab_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/grid_history_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/grid_sweep_test.cpp)
