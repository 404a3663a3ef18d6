# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# Side-tuning run page (Sung et al. 2022, LST): modules, methods, data, run.
target_sources(latentlab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/side_modules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/side_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/side_accounting.cpp
  ${CMAKE_CURRENT_LIST_DIR}/side_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/side_tuning.cpp
  ${CMAKE_CURRENT_LIST_DIR}/side_tuning_fields.cpp
)
