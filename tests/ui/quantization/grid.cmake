# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_ui_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/quant_grid_page_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quant_grid_history_page_test.cpp)
