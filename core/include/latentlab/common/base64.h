// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <string>
#include <string_view>

namespace latentlab {

/// Base64 of RFC 4648 §4 (alphabet A–Z a–z 0–9 + /, '=' padding, no line breaks): how scenario
/// files carry small inputs (an .npy matrix, a PNG image) inside JSON.
std::string base64Encode(std::string_view bytes);

/// Inverse of base64Encode. Throws ParamError(key, …) for a character outside the alphabet, a
/// length that is not a multiple of 4, misplaced padding or non-zero padding bits (so every byte
/// string has exactly one accepted encoding).
std::string base64Decode(std::string_view text, const std::string& key);

}  // namespace latentlab
