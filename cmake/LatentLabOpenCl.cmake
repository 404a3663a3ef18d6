# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# latentlab_cl_kernels(TARGET AREA NAME...): embeds core/kernels/AREA/NAME.cl into the generated
# header kernels/AREA/NAME.cl.h as `latentlab::kernels::AREA_NAME` (a std::string_view), so the
# program text travels inside the binary and is built once per device at run time. The header is
# rewritten at configure time; editing a .cl file re-runs the configure step.
function(latentlab_cl_kernels target area)
  set(out_root ${PROJECT_BINARY_DIR}/generated)
  foreach(name IN LISTS ARGN)
    set(source ${PROJECT_SOURCE_DIR}/core/kernels/${area}/${name}.cl)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${source})
    file(READ ${source} text)
    set(header "// Generated from core/kernels/${area}/${name}.cl by cmake/LatentLabOpenCl.cmake.\n")
    string(APPEND header "#pragma once\n#include <string_view>\nnamespace latentlab::kernels {\n")
    string(APPEND header "inline constexpr std::string_view ${area}_${name} = R\"LLCL(${text})LLCL\";\n")
    string(APPEND header "}  // namespace latentlab::kernels\n")
    file(CONFIGURE OUTPUT ${out_root}/kernels/${area}/${name}.cl.h CONTENT "${header}" @ONLY)
  endforeach()
  target_include_directories(${target} PRIVATE ${out_root})
endfunction()
