#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# The Debian 12 packages LatentLab needs, one array per purpose, and the functions that install
# the missing ones and build. Sourced by run, test, check-install and package.

# Building and running the app (scripts/run). OpenCV comes as its three per-module packages:
# libopencv-dev would add every other module with ffmpeg, GStreamer, VTK, OpenMPI and a second Qt
# (CMake then uses cmake/FindOpenCVModules.cmake). libopenblas0-openmp becomes the system LAPACK
# that OpenCV calls for the attention-rank SVDs (dgesdd, about 4× faster than the reference
# LAPACK); with any other LAPACK the results are the same, only slower. The offscreen and xcb Qt
# platforms come with qt6-base-dev's libqt6gui6.
# qt6-tools-dev: CMake's LinguistTools with lupdate/lrelease (qt6-l10n-tools) for the zh_CN
# translation; qt6-translations-l10n: Qt's own dialogs in Chinese; fonts-wqy-microhei: the CJK
# font the Chinese interface and its figures use (Noto CJK is taken first when present).
# libhwy-dev: Google Highway, the run-time dispatched SIMD kernels (latentlab/common/simd.h);
# libopenblas-openmp-dev: Eigen's matrix products go to OpenBLAS (EIGEN_USE_BLAS), the OpenMP
# build so that its threads are the project's OpenMP pool (no oversubscription of the cores).
# ocl-icd-opencl-dev, opencl-c-headers, libclblast-dev: the OpenCL device backend (the installed
# app needs only ocl-icd-libopencl1 and libclblast1, and runs on the CPU where no driver exists).
LATENTLAB_APP_PACKAGES=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-charts-dev qt6-svg-dev libgl-dev libqt6opengl6-dev libxkbcommon-dev
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  libeigen3-dev libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev nlohmann-json3-dev
  libopenblas0-openmp libopenblas-openmp-dev libhwy-dev
  ocl-icd-opencl-dev opencl-c-headers libclblast-dev
  fonts-dejavu-core fonts-wqy-microhei
)
# The test suites and benchmarks (scripts/test). pocl-opencl-icd: an OpenCL device on the CPU, so
# that every GPU kernel's parity test runs here and in CI (clinfo: to see what the loader finds).
LATENTLAB_TEST_PACKAGES=(libgtest-dev libgmock-dev libbenchmark-dev pocl-opencl-icd clinfo)
# The install, desktop-file, AppStream, man page and .deb checks (scripts/check-install,
# scripts/package): dpkg-shlibdeps (dpkg-dev) and file are what CPack's DEB generator calls.
LATENTLAB_CHECK_PACKAGES=(desktop-file-utils appstream help2man dpkg-dev file)
# The fuzz targets and sanitizer builds (scripts/fuzz, scripts/test --fuzz and --sanitize): clang
# with its sanitizer and libFuzzer runtimes, and LLVM's OpenMP runtime for -fopenmp under clang.
LATENTLAB_FUZZ_PACKAGES=(clang libclang-rt-14-dev libomp-dev)
# The side-by-side run against PyTorch CPU (scripts/bench, bench/peers/pytorch_cpu.py): Debian's
# PyTorch 1.13, which uses the system BLAS (OpenBLAS here). Never installed by scripts/test.
LATENTLAB_BENCH_PACKAGES=(python3-torch)
# Typesetting the Article panels' formulas into committed SVGs (scripts/render-formulas). Never
# installed by scripts/test: the build and the app only read the SVGs.
LATENTLAB_FORMULA_PACKAGES=(texlive-latex-base dvisvgm)

# latentlab_install_deps [ARRAY...]: installs the missing packages of the named arrays (default:
# LATENTLAB_APP_PACKAGES LATENTLAB_TEST_PACKAGES), with sudo when not root.
latentlab_install_deps() {
  (($#)) || set -- LATENTLAB_APP_PACKAGES LATENTLAB_TEST_PACKAGES
  local missing=() list p
  for list in "$@"; do
    local -n packages=$list
    for p in "${packages[@]}"; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    unset -n packages
  done
  ((${#missing[@]} == 0)) && return 0
  echo "Installing: ${missing[*]}"
  local sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

# latentlab_configure PRESET [CMAKE_ARG...]: configures once; arguments given later reconfigure.
latentlab_configure() {
  local preset=$1; shift
  local dir="build/$preset"
  if [[ ! -f "$dir/build.ninja" ]]; then
    cmake --preset "$preset" "$@"
  elif (($#)); then
    cmake -S . -B "$dir" "$@"
  fi
}

# latentlab_build PRESET [CMAKE_ARG...]: configures (see above) and builds every target.
latentlab_build() {
  latentlab_configure "$@"
  cmake --build --preset "$1" -j "$(nproc)"
}

# latentlab_build_target PRESET TARGET [CMAKE_ARG...]: configures (see above) and builds one target.
latentlab_build_target() {
  local preset=$1 target=$2; shift 2
  latentlab_configure "$preset" "$@"
  cmake --build --preset "$preset" -j "$(nproc)" --target "$target"
}
