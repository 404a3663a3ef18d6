# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# Fokker–Planck page (after Su, kexue.fm/archives/9461).
target_sources(latentlab_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/fokker_planck_page.cpp ${CMAKE_CURRENT_LIST_DIR}/fokker_planck_page.h
  ${CMAKE_CURRENT_LIST_DIR}/fokker_planck_figure.cpp ${CMAKE_CURRENT_LIST_DIR}/fokker_planck_figure.h
  ${CMAKE_CURRENT_LIST_DIR}/fokker_planck_canvas.cpp ${CMAKE_CURRENT_LIST_DIR}/fokker_planck_canvas.h
  ${CMAKE_CURRENT_LIST_DIR}/fokker_planck_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fokker_planck_residual.cpp
)
