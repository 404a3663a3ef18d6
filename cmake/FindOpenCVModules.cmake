# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
#
# FindOpenCVModules: OpenCV without its OpenCVConfig.cmake.
#
# Debian ships OpenCV's headers and libraries per module (libopencv-core-dev,
# libopencv-imgproc-dev, libopencv-imgcodecs-dev, ...), but OpenCVConfig.cmake belongs to
# libopencv-dev, which pulls in every module and their dependencies (ffmpeg, GStreamer, VTK, ...).
# This module finds the requested modules' headers and libraries directly and defines the same
# imported targets as the config package, so callers link opencv_core etc. either way:
#
#   find_package(OpenCV 4 QUIET COMPONENTS core imgproc imgcodecs)
#   if(NOT OpenCV_FOUND)
#     find_package(OpenCVModules 4 REQUIRED COMPONENTS core imgproc imgcodecs)
#   endif()
#
# Components: any module name; core is always searched, and imgproc and imgcodecs bring the
# modules they link to.
# Defines: the imported targets opencv_<component>, OpenCVModules_FOUND and OpenCV_FOUND,
# OpenCV_VERSION (from opencv2/core/version.hpp), OpenCV_INCLUDE_DIRS and OpenCV_LIBS.
# Hints: OpenCV_ROOT or CMAKE_PREFIX_PATH.

set(_opencv_deps_imgproc core)
set(_opencv_deps_imgcodecs core imgproc)

# Each requested module after the modules it links to.
set(_opencv_components core)
foreach(component IN LISTS OpenCVModules_FIND_COMPONENTS)
  list(APPEND _opencv_components ${_opencv_deps_${component}} ${component})
endforeach()
list(REMOVE_DUPLICATES _opencv_components)

find_path(OpenCV_CORE_INCLUDE_DIR opencv2/core.hpp
  HINTS ${OpenCV_ROOT} ENV OpenCV_ROOT
  PATH_SUFFIXES include/opencv4 opencv4)
mark_as_advanced(OpenCV_CORE_INCLUDE_DIR)

unset(OpenCV_VERSION)
if(OpenCV_CORE_INCLUDE_DIR AND EXISTS "${OpenCV_CORE_INCLUDE_DIR}/opencv2/core/version.hpp")
  file(STRINGS "${OpenCV_CORE_INCLUDE_DIR}/opencv2/core/version.hpp" _opencv_version_lines
    REGEX "^#define CV_VERSION_(MAJOR|MINOR|REVISION)[ \t]+[0-9]+")
  foreach(part IN ITEMS MAJOR MINOR REVISION)
    string(REGEX REPLACE ".*#define CV_VERSION_${part}[ \t]+([0-9]+).*" "\\1"
      _opencv_${part} "${_opencv_version_lines}")
  endforeach()
  set(OpenCV_VERSION "${_opencv_MAJOR}.${_opencv_MINOR}.${_opencv_REVISION}")
endif()

set(OpenCV_INCLUDE_DIRS ${OpenCV_CORE_INCLUDE_DIR})
set(OpenCV_LIBS "")
foreach(component IN LISTS _opencv_components)
  string(TOUPPER ${component} _upper)
  find_path(OpenCV_${_upper}_HEADER opencv2/${component}.hpp
    HINTS ${OpenCV_CORE_INCLUDE_DIR} NO_DEFAULT_PATH)
  find_library(OpenCV_${_upper}_LIBRARY opencv_${component}
    HINTS ${OpenCV_ROOT} ENV OpenCV_ROOT)
  mark_as_advanced(OpenCV_${_upper}_HEADER OpenCV_${_upper}_LIBRARY)
  if(OpenCV_${_upper}_HEADER AND OpenCV_${_upper}_LIBRARY)
    set(OpenCVModules_${component}_FOUND TRUE)
    list(APPEND OpenCV_LIBS opencv_${component})
  else()
    set(OpenCVModules_${component}_FOUND FALSE)
  endif()
endforeach()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(OpenCVModules
  REQUIRED_VARS OpenCV_CORE_INCLUDE_DIR OpenCV_CORE_LIBRARY
  VERSION_VAR OpenCV_VERSION
  HANDLE_COMPONENTS)

if(OpenCVModules_FOUND)
  set(OpenCV_FOUND TRUE)
  foreach(component IN LISTS _opencv_components)
    string(TOUPPER ${component} _upper)
    if(NOT OpenCVModules_${component}_FOUND OR TARGET opencv_${component})
      continue()
    endif()
    add_library(opencv_${component} UNKNOWN IMPORTED)
    set(_links "")
    foreach(dep IN LISTS _opencv_deps_${component})
      list(APPEND _links opencv_${dep})
    endforeach()
    set_target_properties(opencv_${component} PROPERTIES
      IMPORTED_LOCATION "${OpenCV_${_upper}_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${OpenCV_CORE_INCLUDE_DIR}"
      INTERFACE_LINK_LIBRARIES "${_links}")
  endforeach()
endif()

unset(_opencv_components)
unset(_opencv_version_lines)
unset(_upper)
unset(_links)
