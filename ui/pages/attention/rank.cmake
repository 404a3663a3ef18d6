# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/attention_rank_page.cpp
  ${CMAKE_CURRENT_LIST_DIR}/attention_rank_page.h
  ${CMAKE_CURRENT_LIST_DIR}/attention_rank_figure.cpp
  ${CMAKE_CURRENT_LIST_DIR}/attention_rank_figure.h
  ${CMAKE_CURRENT_LIST_DIR}/attention_rank_panels.cpp
  ${CMAKE_CURRENT_LIST_DIR}/attention_rank_heads.cpp
  ${CMAKE_CURRENT_LIST_DIR}/attention_rank_data.cpp
)
