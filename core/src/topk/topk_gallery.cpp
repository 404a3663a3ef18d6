// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The counter-example gallery (claims of Su, kexue.fm/archives/10373, and of the other methods)
// and the property names of the property matrix.
#include "latentlab/topk/topk_lab.h"

namespace latentlab::topk {

std::string propertyLabel(Property p) {
  switch (p) {
    case Property::SumK:
      return "Σp = k";
    case Property::Box:
      return "p ∈ [0, 1]";
    case Property::Monotone:
      return "Monotone";
    case Property::Shift:
      return "Shift-invariant";
    case Property::Complement:
      return "Complement";
    case Property::SoftmaxAtK1:
      return "k = 1 → softmax";
    case Property::Count:
      break;
  }
  return "?";
}

const std::vector<CounterExample>& counterExamples() {
  // Every entry is reproduced by a test in tests/core/topk/topk_lab_test.cpp; keep them in step.
  static const std::vector<CounterExample> list = {
      {"iter_su leaves [0, 1]",
       "Su's iteration adds k softmax vectors, so Σp = k, but nothing caps an entry at 1: here "
       "p₂ = 1.0000454 (Su, kexue.fm/archives/10373, §迭代构造).",
       {4, 3, 1, -5},
       2,
       0.1,
       Method::IterSu},
      {"iter_su exceeds 1 twice",
       "With k = 3 two entries pass 1 (1.052 and 1.091), so the output is not in the capped "
       "simplex Δ_k (Su, kexue.fm/archives/10373, §迭代构造).",
       {3, 2, 1, 4},
       3,
       0.5,
       Method::IterSu},
      {"iter_su is not monotone",
       "x₂ = 0.8 > x₁ = 0.6, yet p₂ = 0.94696 < p₁ = 0.94985: the iteration is not monotone "
       "(Su, kexue.fm/archives/10373, §迭代构造).",
       {0.6, 0.8, -2.6},
       2,
       1.0,
       Method::IterSu},
      {"iter_se does not converge to T_k",
       "As τ → 0 the weighted-softmax iteration tends to 1.5 on the maximum and 0.5 on the "
       "runner-up "
       "instead of [1, 0, 0, 1], as the article says (Su, kexue.fm/archives/10373, §迭代构造).",
       {3, 2, 1, 4},
       2,
       0.1,
       Method::IterSe},
      {"iter_se goes negative",
       "Once an entry passes 1 the weights 1 − p turn negative and so do four outputs, while one "
       "reaches 3.32 (iteration from Su, kexue.fm/archives/10373, §迭代构造).",
       {0.5, -1.2, 2.0, 0.0, 1.1},
       3,
       0.5,
       Method::IterSe},
      {"iter_se is not monotone at k = 3",
       "At finite τ the largest score x₄ = 4 gets p₄ = 0.695, less than p₂ = 0.714 for x₂ = 2 "
       "(iteration from Su, kexue.fm/archives/10373, §迭代构造).",
       {3, 2, 1, 4},
       3,
       1.0,
       Method::IterSe},
      {"The article's recursion breaks down",
       "The naive recursion Z_{k,i} = e^{x_i}(Z_{k−1} − Z_{k−1,i}) subtracts nearly equal numbers "
       "and "
       "returns p₄ = 1.0117 here; the log-space DP shown gives the exact [1, 0.99995, 4.5e-5, 1] "
       "(the article warns of this: Su, kexue.fm/archives/10373, §作为梯度).",
       {3, 2, 1, 4},
       3,
       0.1,
       Method::GradTopk},
      {"thre_laplace is not softmax at k = 1",
       "The article suggests the Laplace ThreTopK reduces to softmax at k = 1; it does only when "
       "max softmax ≤ ½, and here p₄ = 0.628 against softmax 0.644 "
       "(Su, kexue.fm/archives/10373, §二者兼之).",
       {3, 2, 1, 4},
       1,
       1.0,
       Method::ThreLaplace},
      {"thre_laplace needs the m = n branch",
       "Here λ = 0.4058 lies below every z_i, a case the article's loop over m < n never tries "
       "(Su, kexue.fm/archives/10373, §二者兼之).",
       {3, 2, 1, 4},
       3,
       2.0,
       Method::ThreLaplace},
      {"thre_exp breaks complement symmetry",
       "ST₁(x) differs from 1 − ST₃(−x) by up to 0.087 for f = min(1, eᵘ), while GradTopK, sigmoid "
       "and Laplace keep the identity exactly. This symmetry is a check beyond the three "
       "properties of Su, kexue.fm/archives/10373, §问题描述.",
       {3, 2, 1, 4},
       1,
       1.0,
       Method::ThreExp},
      {"OT soft top-k is not shift-invariant",
       "Xie et al.'s cost is divided by max C, so adding 10 to [3, 2, 1, 4] changes the effective "
       "temperature and flattens the output to about [0.51, 0.49, 0.47, 0.53]: no shift "
       "invariance as asked in Su, kexue.fm/archives/10373, §问题描述.",
       {13, 12, 11, 14},
       2,
       1.0,
       Method::OtSinkhorn},
      {"Gumbel top-k is not GradTopK at k = 2",
       "Sampling k items without replacement gives p₄ = 0.9266, GradTopK's conditioned product law "
       "gives 0.8808; the two agree only at k = 1 (Kool et al. 2019; GradTopK: Su, "
       "kexue.fm/archives/10373, §作为梯度).",
       {3, 2, 1, 4},
       2,
       1.0,
       Method::GumbelExpect},
  };
  return list;
}

}  // namespace latentlab::topk
