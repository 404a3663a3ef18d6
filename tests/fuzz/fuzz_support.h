// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Shared by the libFuzzer targets: the contract under test is "a loader either returns a value
// or throws ParamError". Any other exception escapes the target, std::terminate aborts, and
// libFuzzer records the input as a crash, like a sanitizer report.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "latentlab/common/errors.h"

namespace latentlab::fuzz {

inline std::string text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

template <class F>
void expectOnlyParamError(F&& f) {
  try {
    f();
  } catch (const latentlab::ParamError&) {
    // the documented refusal: a message for the user, nothing else happened
  }
}

}  // namespace latentlab::fuzz
