# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_bench PRIVATE ${CMAKE_CURRENT_LIST_DIR}/fokker_planck_bench.cpp)
# Euler–Maruyama steps on the CPU and on each OpenCL device (reaches the core's private
# fp_opencl.h).
if(LATENTLAB_HAVE_OPENCL)
  target_sources(latentlab_bench PRIVATE ${CMAKE_CURRENT_LIST_DIR}/fp_device_bench.cpp)
  target_include_directories(latentlab_bench PRIVATE ${PROJECT_SOURCE_DIR}/core/src)
endif()
