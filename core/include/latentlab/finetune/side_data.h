// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <functional>
#include <vector>

#include "latentlab/common/run_control.h"
#include "latentlab/finetune/side_model.h"

namespace latentlab::finetune {

/// The two downstream tasks: A predicts which Markov source wrote the sequence;
/// B asks for the symbol that followed the first earlier occurrence of the final query symbol.
enum class SideTask { A, B };

/// K first-order Markov chains over `symbols` states: T_k[i,:] = softmax(3·g_i), g_i ~ N(0, 1)
/// drawn from Rng(1000 + k). Fixed for a given (count, symbols), independent of seed.
std::vector<Mat> markovSources(int count, int symbols);

/// `count` labelled sequences of length cfg.seq for `task` from `sources` chains, drawn from
/// Rng(seed). Task B resamples the query until it occurs before position seq − 2.
Batch makeTaskData(SideTask task, const ModelConfig& cfg, const std::vector<Mat>& sources,
                   int count, std::uint64_t seed);

/// Rows order[start .. start+size) (wrapping) of `data`.
Batch takeBatch(const Batch& data, const std::vector<int>& order, int start, int size);

/// Masked-LM pre-training of the backbone: sequences from a random source, 15 % of
/// tokens replaced by [MASK], untied head h → symbols, Adam. Returns the loss per step.
/// Polls control each step and calls `onStep(step)` after it (progress, pause).
std::vector<double> pretrainBackbone(Backbone& backbone, const ModelConfig& cfg,
                                     const std::vector<Mat>& sources, int steps, double lr,
                                     std::uint64_t seed, const RunControl& control,
                                     const std::function<void(int)>& onStep = {});

/// Fisher importance (for the pruned init of Sung et al. 2022): Σ over the sequences of `inputs`
/// (batch size 1) of (∂ℓ_MLM/∂W)², with ℓ_MLM the pre-training loss on a seeded 15 % masking. Same
/// shapes as the backbone (held in each Tensor's w).
Backbone mlmImportance(const Backbone& backbone, const ModelConfig& cfg,
                       const Eigen::MatrixXi& inputs, std::uint64_t seed);

}  // namespace latentlab::finetune
