// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The .npy reader (latentlab::parseNpy) on arbitrary bytes.
#include "latentlab/common/npy.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  latentlab::fuzz::expectOnlyParamError([&] {
    const Eigen::MatrixXd m = latentlab::parseNpy(latentlab::fuzz::text(data, size), "q_file");
    if (m.size() == 0 || !m.allFinite()) __builtin_trap();  // the reader promises neither
  });
  return 0;
}
