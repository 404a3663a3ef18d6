# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/quant_image_page.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quant_image_page.h
  ${CMAKE_CURRENT_LIST_DIR}/quant_image_figure.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quant_image_figure.h
  ${CMAKE_CURRENT_LIST_DIR}/quant_image_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quant_image_panel.cpp
)
