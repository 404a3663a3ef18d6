# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/exact_attention.cpp
  ${CMAKE_CURRENT_LIST_DIR}/performer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/transformer_vq.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_lab.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_lab_fields.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_lab_timing.cpp
  ${CMAKE_CURRENT_LIST_DIR}/efficient_inspectors.cpp
)
if(LATENTLAB_HAVE_OPENCL)
  latentlab_cl_kernels(latentlab_core attention efficient)
  target_sources(latentlab_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/efficient_opencl.cpp
    ${CMAKE_CURRENT_LIST_DIR}/efficient_lab_opencl.cpp
  )
endif()
