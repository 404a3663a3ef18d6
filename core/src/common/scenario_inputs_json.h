// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Private to core: the "inputs" member of scenario JSON (scenario.cpp calls these).
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "latentlab/common/scenario.h"

namespace latentlab::detail {

nlohmann::json inputsToJson(const std::vector<ScenarioInput>& inputs);
/// Throws ParamError("inputs" or "inputs[i].key", …) naming what is wrong.
std::vector<ScenarioInput> inputsFromJson(const nlohmann::json& j);

}  // namespace latentlab::detail
