#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
# Installs the Debian 12 packages LatentLab needs, only those missing. Sourced by run and test.
# libopenblas0-openmp becomes the system LAPACK that OpenCV calls for the attention-rank SVDs
# (dgesdd, about 4× faster than the reference LAPACK); with any other LAPACK the results are the
# same, only slower.
LATENTLAB_PACKAGES=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-qpa-plugins libgl-dev libqt6opengl6-dev libxkbcommon-dev
  libeigen3-dev libopencv-dev nlohmann-json3-dev
  libopenblas0-openmp
  libgtest-dev libgmock-dev libbenchmark-dev
  fonts-dejavu-core xvfb xauth
)
# scripts/fuzz and the sanitizer runs (scripts/test --sanitize): clang with its sanitizer and
# libFuzzer runtimes.
LATENTLAB_FUZZ_PACKAGES=(clang libclang-rt-14-dev)

# latentlab_install_deps [ARRAY...]: installs what is missing from the named package arrays
# (default LATENTLAB_PACKAGES).
latentlab_install_deps() {
  local missing=() list p
  (($#)) || set -- LATENTLAB_PACKAGES
  for list in "$@"; do
    local -n pkgs=$list
    for p in "${pkgs[@]}"; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    unset -n pkgs
  done
  ((${#missing[@]} == 0)) && return 0
  echo "Installing: ${missing[*]}"
  local sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

# Configures (once) and builds a preset incrementally.
latentlab_build() {
  local preset=$1; shift
  local dir="build/$preset"
  if [[ ! -f "$dir/build.ninja" ]]; then
    cmake --preset "$preset" "$@"
  elif (($#)); then
    cmake -S . -B "$dir" "$@"
  fi
  cmake --build --preset "$preset" -j "$(nproc)"
}
