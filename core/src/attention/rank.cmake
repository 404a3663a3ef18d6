# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# The Attention-rank page's core files, plus the shared exact attention map and .npy reader.
target_sources(latentlab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/attention_matrix.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rank_fields.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rank_metrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rank_lab.cpp
  ${CMAKE_CURRENT_LIST_DIR}/qk_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../common/npy.cpp
)
