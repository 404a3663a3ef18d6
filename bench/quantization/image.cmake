# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_bench PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/image_bench.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quant_device_bench.cpp)
target_compile_definitions(latentlab_bench PRIVATE
  LATENTLAB_IMAGE_DIR="${PROJECT_SOURCE_DIR}/resources/images")
