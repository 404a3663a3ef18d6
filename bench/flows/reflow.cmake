# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_bench PRIVATE ${CMAKE_CURRENT_LIST_DIR}/reflow_bench.cpp)
# The device benchmark reaches the core's private reflow_opencl.h.
if(LATENTLAB_HAVE_OPENCL)
  target_sources(latentlab_bench PRIVATE ${CMAKE_CURRENT_LIST_DIR}/reflow_device_bench.cpp)
  target_include_directories(latentlab_bench PRIVATE ${PROJECT_SOURCE_DIR}/core/src)
endif()
