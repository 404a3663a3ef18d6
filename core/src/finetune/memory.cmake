# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# Memory accountant: the analytic training-memory model (after Sung et al. 2022, LST).
target_sources(latentlab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/memory_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/memory_lab.cpp
  ${CMAKE_CURRENT_LIST_DIR}/memory_fields.cpp
)
