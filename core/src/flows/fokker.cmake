# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# Fokker–Planck page: grid solver, particles, closed forms, page computation.
target_sources(latentlab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/fp_closed_forms.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fp_grid.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fp_particles.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fp_wf_residual.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fp_lab.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fp_lab_fields.cpp
)
# The particles' Euler–Maruyama steps on an OpenCL device (the device loop and its no-OpenCL
# stubs are in fp_lab_device.cpp, always built).
target_sources(latentlab_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/fp_lab_device.cpp)
if(LATENTLAB_HAVE_OPENCL)
  target_sources(latentlab_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/fp_opencl.cpp)
  latentlab_cl_kernels(latentlab_core flows fp_particles)
endif()
