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
