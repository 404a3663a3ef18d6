# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# Memory accountant (spec attention_rank_and_lst.md §2.6): the analytic memory model.
target_sources(latentlab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/memory_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/memory_lab.cpp
  ${CMAKE_CURRENT_LIST_DIR}/memory_fields.cpp
)
