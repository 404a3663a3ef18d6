// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Dense>
#include <string>
#include <vector>

#include "latentlab/common/scenario.h"

namespace latentlab {

/// The record of a file a page opened: its name (without folders), size and SHA-256. Throws
/// ParamError(key, …) when it cannot be read.
ScenarioInput fileInput(const std::string& role, const std::string& path,
                        const std::string& key = "file");
/// The record of data that never was a file (tests, a matrix handed to the page): `bytes` stand
/// in for the file, so the size and fingerprint are theirs.
ScenarioInput memoryInput(const std::string& role, const std::string& name,
                          const std::string& bytes);

/// Records the matrix the page computes on: its shape, and the matrix itself as float64 .npy
/// when that is at most kMaxEmbeddedBytes (exact: every double survives).
void embedMatrix(ScenarioInput& input, const Eigen::Ref<const Eigen::MatrixXd>& m);
/// The embedded matrix; throws ParamError("inputs", …) when the record carries none (the message
/// says which file to open instead).
Eigen::MatrixXd embeddedMatrix(const ScenarioInput& input);

/// The input of `role`, or nullptr.
const ScenarioInput* findInput(const std::vector<ScenarioInput>& inputs, const std::string& role);
/// "'Q.npy' (37 × 5, 1608 bytes, SHA-256 3f2a…9c01)" for messages.
std::string describeInput(const ScenarioInput& input);
/// The error for an input that is neither embedded nor given as a matching file: names it, its
/// size and fingerprint, and how to provide it (--open on the command line, Open in the window).
ParamError missingInput(const ScenarioInput& input, const std::string& what);

}  // namespace latentlab
