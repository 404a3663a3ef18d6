# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/reflow_vectors_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_lab_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_models_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_float32_test.cpp
)
# Device parity (reaches core/src for the private reflow_opencl.h, as tests/core/CMakeLists.txt
# arranges for the OpenCL tests).
if(LATENTLAB_HAVE_OPENCL)
  target_sources(latentlab_core_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/reflow_opencl_test.cpp)
endif()
