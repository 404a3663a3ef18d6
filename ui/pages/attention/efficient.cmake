# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/efficient_attention_page.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_attention_page.h
  ${CMAKE_CURRENT_LIST_DIR}/efficient_attention_figure.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_attention_figure.h
  ${CMAKE_CURRENT_LIST_DIR}/efficient_attention_charts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_attention_inspectors.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_attention_data.cpp
)
