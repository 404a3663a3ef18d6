// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <string>

namespace latentlab {

/// Version of the OpenCV library core was built against ("4.6.0"). Lives in core because OpenCV
/// is a private dependency of core: the UI's About box asks here instead of including OpenCV.
std::string opencvVersion();

/// Version of the Eigen headers core was built against ("3.4.0").
std::string eigenVersion();

}  // namespace latentlab
