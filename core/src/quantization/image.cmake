# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/image_embed.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_header.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_io.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_metrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/patch_pca.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fsq_decoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_lab.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_lab_fields.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tiny_autoencoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vq_device.cpp
)
# The page's FSQ, nearest-code search and Lloyd steps on an OpenCL device.
if(LATENTLAB_HAVE_OPENCL)
  latentlab_cl_kernels(latentlab_core quantization fsq vq vq_centroids)
  target_sources(latentlab_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/fsq_opencl.cpp
    ${CMAKE_CURRENT_LIST_DIR}/vq_opencl.cpp)
endif()
