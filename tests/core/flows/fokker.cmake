# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/fp_closed_forms_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fp_grid_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fp_lab_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fp_ode_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fp_score_residual_test.cpp
)
