# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_ui_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/efficient_attention_page_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_attention_inspectors_test.cpp
)
