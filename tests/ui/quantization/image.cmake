# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_ui_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/quant_image_page_test.cpp)
