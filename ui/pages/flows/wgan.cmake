# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/reflow_wgan_page.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_wgan_page.h
  ${CMAKE_CURRENT_LIST_DIR}/reflow_wgan_figure.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_wgan_figure.h
  ${CMAKE_CURRENT_LIST_DIR}/reflow_wgan_canvas.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_wgan_canvas.h
  ${CMAKE_CURRENT_LIST_DIR}/reflow_wgan_data.cpp
)
