# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/fp_closed_forms_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fp_grid_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fp_lab_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fp_ode_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fp_score_residual_test.cpp
)
# The particles on OpenCL devices: built with or without the backend (the host Philox and the
# CPU fallback are checked either way; the device tests skip without one). It reaches the core's
# private fp_opencl.h and, with the backend, the runtime and the embedded kernel.
target_sources(latentlab_core_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/fp_opencl_test.cpp)
target_include_directories(latentlab_core_tests PRIVATE ${PROJECT_SOURCE_DIR}/core/src)
if(LATENTLAB_HAVE_OPENCL)
  target_include_directories(latentlab_core_tests PRIVATE ${PROJECT_BINARY_DIR}/generated)
endif()
