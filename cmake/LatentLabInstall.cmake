# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# Installs LatentLab like a desktop application (binary, desktop file, icon, AppStream metainfo,
# man page, licences) and packages it as a .deb with CPack (scripts/package).
include(GNUInstallDirs)

set(LATENTLAB_APP_ID io.github.latentlab.LatentLab)
set(LATENTLAB_DOCDIR ${CMAKE_INSTALL_DATADIR}/doc/latentlab)
set(_packaging ${PROJECT_SOURCE_DIR}/packaging)

install(TARGETS latentlab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${_packaging}/${LATENTLAB_APP_ID}.desktop
  DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/app.svg
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${LATENTLAB_APP_ID}.svg)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${LATENTLAB_DOCDIR})
install(FILES ${_packaging}/third-party.md DESTINATION ${LATENTLAB_DOCDIR} RENAME THIRD-PARTY.md)

# AppStream metainfo: the URLs come from project(); every version needs its release notes.
set(_metainfo ${PROJECT_BINARY_DIR}/${LATENTLAB_APP_ID}.metainfo.xml)
configure_file(${_packaging}/${LATENTLAB_APP_ID}.metainfo.xml.in ${_metainfo} @ONLY)
file(READ ${_metainfo} _metainfo_text)
if(NOT _metainfo_text MATCHES "<release version=\"${PROJECT_VERSION}\"")
  message(FATAL_ERROR "packaging/${LATENTLAB_APP_ID}.metainfo.xml.in has no <release> for "
    "${PROJECT_VERSION}: add its release notes")
endif()
install(FILES ${_metainfo} DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# The man page is generated from --help and --version, so it cannot go stale.
find_program(HELP2MAN_EXECUTABLE help2man)
mark_as_advanced(HELP2MAN_EXECUTABLE)
if(HELP2MAN_EXECUTABLE)
  set(_man ${PROJECT_BINARY_DIR}/latentlab.1)
  add_custom_command(OUTPUT ${_man}
    COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
      ${HELP2MAN_EXECUTABLE} --no-info --section=1 --name=${PROJECT_DESCRIPTION}
      --output=${_man} $<TARGET_FILE:latentlab>
    DEPENDS latentlab
    COMMENT "Generating latentlab.1 from latentlab --help"
    VERBATIM)
  add_custom_target(latentlab_man ALL DEPENDS ${_man})
  install(FILES ${_man} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page is built or installed")
endif()

# Translations: none yet. When they exist, qt_add_translations(latentlab ... QM_FILES_OUTPUT_VARIABLE
# qm) and install(FILES ${qm} DESTINATION ${CMAKE_INSTALL_DATADIR}/latentlab/translations).

# The .deb: dpkg-shlibdeps derives Depends from the libraries the binary links; the Qt plugins
# it loads at run time (offscreen, xcb, SVG icons) come with those libraries.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME latentlab)
set(CPACK_PACKAGE_VENDOR "LatentLab developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
  "LatentLab is a desktop lab where researchers and students explore, live, the mathematics of\n"
  "modern deep learning: smooth Top-k operators, the rank of causal and bidirectional attention,\n"
  "efficient attention, quantization, diffusion and flow trajectories, and Ladder Side-Tuning.\n"
  "The same binary renders figures, data and reports from the command line without a window.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGE_CONTACT "LatentLab developers <${PROJECT_HOMEPAGE_URL}/issues>")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# OpenBLAS is linked (dpkg-shlibdeps names it); its OpenMP build is recommended by name because it
# shares the app's OpenMP thread pool (the pthread build would start a second pool on the same
# cores); Wayland sessions; Qt's own Chinese strings for standard dialogs.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libopenblas0-openmp, qt6-wayland, qt6-translations-l10n")
# The Chinese interface and figures need a CJK font (ui/shell/language.cpp names it).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-wqy-microhei | fonts-noto-cjk")
include(CPack)
