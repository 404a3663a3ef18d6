// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <stdexcept>
#include <string>

namespace latentlab {

/// A parameter or input a user can fix: `key` names the field ("k", "x[3]", "tau"), `what()` says
/// what is wrong and what is allowed ("k must be between 0 and n = 4, got 7").
class ParamError : public std::invalid_argument {
 public:
  ParamError(std::string key, const std::string& message)
      : std::invalid_argument(message), m_key(std::move(key)) {}
  const std::string& key() const { return m_key; }

 private:
  std::string m_key;
};

/// Thrown by RunControl::checkCancelled() when the caller asked the computation to stop.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("cancelled") {}
};

}  // namespace latentlab
