# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/efficient_exact_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_performer_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_vq_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_lab_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_features_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_vq_bias_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_float32_test.cpp
)
if(LATENTLAB_HAVE_OPENCL)
  target_sources(latentlab_core_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/efficient_opencl_test.cpp)
endif()
