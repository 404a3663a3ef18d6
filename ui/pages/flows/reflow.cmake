# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/reflow_page.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_page.h
  ${CMAKE_CURRENT_LIST_DIR}/reflow_figure.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_figure.h
  ${CMAKE_CURRENT_LIST_DIR}/reflow_canvas.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_canvas.h
  ${CMAKE_CURRENT_LIST_DIR}/reflow_data.cpp
)
