// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Particles of the σ-family (kexue.fm/archives/9228): Euler–Maruyama on
// dx = [f − ½(g² − σ²)∇log p] dt + σ dw, and for σ = 0 the probability-flow ODE with an explicit
// Runge–Kutta method.
#include <algorithm>
#include <cmath>

#include "latentlab/flows/fokker_planck.h"

namespace latentlab::flows {

ParticleCloud::ParticleCloud(int dim, int count, std::uint64_t seed)
    : m_dim(dim), m_count(count), m_seed(seed), m_x(static_cast<std::size_t>(dim) * count, 0.0) {
  const int blocks = (count + kBlock - 1) / kBlock;
  m_rngs.reserve(blocks);
  // Block b's stream depends only on (seed, b): runs are identical for any thread count.
  for (int b = 0; b < blocks; ++b) {
    std::uint64_t s = seed ^ (0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(b + 1));
    m_rngs.emplace_back(Rng::splitMix64(s));
  }
}

void ParticleCloud::sampleMixture(const std::vector<Gaussian>& parts,
                                  const std::vector<double>& weights) {
  Rng rng(m_seed);  // initial positions: one stream, so both families start identically
  for (int k = 0; k < m_count; ++k) {
    double u = rng.uniform();
    std::size_t c = 0;
    while (c + 1 < parts.size() && u >= weights[c]) u -= weights[c++];
    const double sd = std::sqrt(parts[c].var);
    for (int a = 0; a < m_dim; ++a) m_x[k * m_dim + a] = parts[c].mean[a] + sd * rng.normal();
  }
}

void ParticleCloud::step(const Drift& drift, double sigma, const FpGrid* grid, double t,
                         double dt, const Gaussian* law) {
  const double g = drift.noise(t);
  const double sig = std::min(sigma, g);
  const double corr = 0.5 * (g * g - sig * sig);
  const bool exactScore = corr > 0.0 && law != nullptr;
  const bool useScore = corr > 0.0 && grid != nullptr && !exactScore;
  const double sq = sig * std::sqrt(dt);
  const int blocks = static_cast<int>(m_rngs.size());
#pragma omp parallel for schedule(static) if (m_count >= kParallelParticles)
  for (int b = 0; b < blocks; ++b) {
    Rng& rng = m_rngs[b];
    const int end = std::min(m_count, (b + 1) * kBlock);
    double f[2], s[2] = {0.0, 0.0};
    for (int k = b * kBlock; k < end; ++k) {
      double* x = &m_x[static_cast<std::size_t>(k) * m_dim];
      drift.eval(x, t, f);
      if (exactScore)
        for (int a = 0; a < m_dim; ++a) s[a] = -(x[a] - law->mean[a]) / law->var;
      else if (useScore)
        grid->score(x, s);
      for (int a = 0; a < m_dim; ++a) {
        // The stream is drawn even when σ = 0, so every σ sees the same noise sequence.
        const double eps = rng.normal();
        x[a] += (f[a] - corr * s[a]) * dt + sq * eps;
      }
    }
  }
}

void ParticleCloud::odeStep(const Drift& drift, Solver solver, double t, double dt,
                            const StageScore& score, int begin, int end) {
  if (end < 0) end = m_count;
  const int dim = m_dim;
  // Each stage's time and ½g² are the same for every particle: worked out once per step.
  double taus[3], halfG2[3];
  for (const Stage stage : {Stage::Start, Stage::Middle, Stage::End}) {
    const int i = static_cast<int>(stage);
    taus[i] = stageTime(stage, t, dt);
    const double g = drift.noise(taus[i]);
    halfG2[i] = 0.5 * g * g;
  }
  auto velocity = [&](const Eigen::Vector2d& z, Stage stage) {
    const double tau = taus[static_cast<int>(stage)];
    const double c = halfG2[static_cast<int>(stage)];
    double f[2] = {0.0, 0.0}, s[2] = {0.0, 0.0};
    drift.eval(z.data(), tau, f);
    if (c > 0.0) score(z.data(), stage, s);
    return Eigen::Vector2d(f[0] - c * s[0], dim == 2 ? f[1] - c * s[1] : 0.0);
  };
#pragma omp parallel for schedule(static) if (end - begin >= kParallelParticles)
  for (int k = begin; k < end; ++k) {
    double* x = &m_x[static_cast<std::size_t>(k) * dim];
    const Eigen::Vector2d z(x[0], dim == 2 ? x[1] : 0.0);
    const Eigen::Vector2d next = solverStep(solver, z, dt, velocity);
    for (int a = 0; a < dim; ++a) x[a] = next[a];
  }
}

double ParticleCloud::mean(int axis) const {
  double s = 0.0;
  for (int k = 0; k < m_count; ++k) s += m_x[k * m_dim + axis];
  return s / m_count;
}

double ParticleCloud::variance(int axis) const {
  const double m = mean(axis);
  double s = 0.0;
  for (int k = 0; k < m_count; ++k) {
    const double d = m_x[k * m_dim + axis] - m;
    s += d * d;
  }
  return s / std::max(1, m_count - 1);
}

}  // namespace latentlab::flows
