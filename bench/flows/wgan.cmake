# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_bench PRIVATE ${CMAKE_CURRENT_LIST_DIR}/wgan_bench.cpp)
