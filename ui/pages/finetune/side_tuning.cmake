# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# Side-tuning run page (lst_run).
target_sources(latentlab_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/lst_run_page.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lst_run_page.h
  ${CMAKE_CURRENT_LIST_DIR}/lst_run_figure.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lst_run_figure.h
  ${CMAKE_CURRENT_LIST_DIR}/lst_run_diagram.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lst_run_data.cpp
)
