// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The CSV / whitespace matrix reader (attention::parseMatrixText) on arbitrary text.
#include "latentlab/attention/attention_rank.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  latentlab::fuzz::expectOnlyParamError([&] {
    const Eigen::MatrixXd m =
        latentlab::attention::parseMatrixText(latentlab::fuzz::text(data, size), "q_file");
    if (m.size() == 0 || !m.allFinite()) __builtin_trap();
  });
  return 0;
}
