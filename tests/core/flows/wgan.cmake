# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/wgan_critic_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wgan_lab_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wgan_generator_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wgan_targets_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wgan_exact_test.cpp
)
