# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
target_sources(latentlab_core_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/fsq_decoder_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_embed_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_metrics_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_io_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_hostile_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_lab_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tiny_autoencoder_test.cpp
)
# The loader tests write every format with OpenCV itself, independent of the code under test.
target_link_libraries(latentlab_core_tests PRIVATE opencv_core opencv_imgcodecs)
# The device parity tests (tier A and B on the bundled astronaut, on every OpenCL device).
target_sources(latentlab_core_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/image_opencl_test.cpp)
# The EMA step, Lloyd's history and the grid page's VQ part on every OpenCL device.
target_sources(latentlab_core_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/vq_opencl_test.cpp)
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/image_opencl_test.cpp PROPERTIES
  COMPILE_DEFINITIONS LATENTLAB_QUANT_IMAGE_DIR="${PROJECT_SOURCE_DIR}/resources/images")
