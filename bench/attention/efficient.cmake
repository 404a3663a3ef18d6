# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_bench PRIVATE ${CMAKE_CURRENT_LIST_DIR}/efficient_bench.cpp)
if(LATENTLAB_HAVE_OPENCL)
  # The device kernels' private header (core/src/attention/efficient_opencl.h).
  target_sources(latentlab_bench PRIVATE ${CMAKE_CURRENT_LIST_DIR}/efficient_device_bench.cpp)
  target_include_directories(latentlab_bench PRIVATE ${PROJECT_SOURCE_DIR}/core/src)
endif()
