# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/reflow_velocity.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_solvers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_rff.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_mlp.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_kernel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_lab.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reflow_lab_fields.cpp
)
# The exact mixture velocity and its trajectories on an OpenCL device.
if(LATENTLAB_HAVE_OPENCL)
  target_sources(latentlab_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/reflow_opencl.cpp)
  latentlab_cl_kernels(latentlab_core flows reflow)
endif()
