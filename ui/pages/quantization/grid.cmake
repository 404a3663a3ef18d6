# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/quant_grid_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quant_grid_page.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quant_grid_page.h
  ${CMAKE_CURRENT_LIST_DIR}/quant_grid_figure.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quant_grid_figure.h
  ${CMAKE_CURRENT_LIST_DIR}/quant_grid_plane.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quant_grid_plane.h
  ${CMAKE_CURRENT_LIST_DIR}/quant_grid_sweep_panel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quant_grid_sweep_panel.h
)
