# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/lst_memory_page.cpp ${CMAKE_CURRENT_LIST_DIR}/lst_memory_page.h
  ${CMAKE_CURRENT_LIST_DIR}/lst_memory_figure.cpp ${CMAKE_CURRENT_LIST_DIR}/lst_memory_figure.h
  ${CMAKE_CURRENT_LIST_DIR}/lst_memory_bars.cpp ${CMAKE_CURRENT_LIST_DIR}/lst_memory_bars.h
)
