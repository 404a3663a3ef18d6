# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/wgan_flow.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wgan_optimal.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wgan_generator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wgan_lab.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wgan_lab_fields.cpp
)
