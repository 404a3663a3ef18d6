# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_app_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/reflow_wgan_app_test.cpp)
