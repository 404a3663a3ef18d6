# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/rank_vectors_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rank_random_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rank_invariants_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rank_npy_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rank_csv_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rank_heads_test.cpp
)
