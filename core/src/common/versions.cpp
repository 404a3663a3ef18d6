// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "latentlab/common/versions.h"

#include <Eigen/Core>
#include <opencv2/core/version.hpp>

namespace latentlab {

std::string opencvVersion() { return CV_VERSION; }

std::string eigenVersion() {
  return std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
         std::to_string(EIGEN_MINOR_VERSION);
}

}  // namespace latentlab
