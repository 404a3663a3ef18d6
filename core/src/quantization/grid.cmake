# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/fsq.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vq.cpp
  ${CMAKE_CURRENT_LIST_DIR}/precision.cpp
  ${CMAKE_CURRENT_LIST_DIR}/grid_lab.cpp
  ${CMAKE_CURRENT_LIST_DIR}/grid_points.cpp
  ${CMAKE_CURRENT_LIST_DIR}/grid_sweep.cpp
  ${CMAKE_CURRENT_LIST_DIR}/grid_lab_fields.cpp)
