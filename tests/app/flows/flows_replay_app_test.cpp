// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Saved scenarios of the flow pages replay from the command line to the same numbers (drawn
// targets and an opened image included), and the exports name steps, integrators and the frame.
#include <gtest/gtest.h>

#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "tests/app/replay_support.h"

namespace {

namespace fs = std::filesystem;
using namespace latentlab::apptest;

fs::path dirFor(const std::string& name) { return tempDir("flows_replay", name); }

constexpr const char* kSmallFp =
    "--set particles=400 --set grid_n=64 --set t_end=0.15 --set snapshots=6 --set frame=4";

}  // namespace

TEST(FokkerPlanckReplay, ASavedScenarioReplaysAndNamesItsIntegrators) {
  const fs::path dir = dirFor("fp");
  Replay r = replayScenario(dir, "fokker_planck", kSmallFp);
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  const auto& v = r.first.at("values");
  EXPECT_EQ(v.at("sigma_integrator"), "heun");  // σ = 0 by default: the probability-flow ODE
  EXPECT_EQ(v.at("sde_integrator"), "euler_maruyama");
  EXPECT_EQ(v.at("frame"), 4.0);
  EXPECT_GT(v.at("steps").get<double>(), 0.0);
  EXPECT_EQ(v.at("wf_particles"), 400.0);
  // 2-D: the second coordinate's moments are exported too.
  const nlohmann::json* frames = findTable(r.first, "frames");
  ASSERT_NE(frames, nullptr);
  EXPECT_NE(frames->at("columns").dump().find("var_sde_y"), std::string::npos);
  const nlohmann::json* wf = findTable(r.first, "wf_particles");
  ASSERT_NE(wf, nullptr);
  EXPECT_EQ(wf->at("rows").size(), 400u);

  r = replayScenario(dir, "fokker_planck",
                     std::string(kSmallFp) + " --set ode_integrator=rk4 --set dim=1d");
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  EXPECT_EQ(r.first.at("values").at("sigma_integrator"), "rk4");
  r = replayScenario(dir, "fokker_planck", std::string(kSmallFp) + " --set sigma=0.5");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.first.at("values").at("sigma_integrator"), "euler_maruyama");
  fs::remove_all(dir);
}

TEST(ReflowReplay, SavedScenariosReplayForPresetDrawnAndImageTargets) {
  const fs::path dir = dirFor("reflow");
  const std::string small = "--set particles=400 --set steps=12 --set trajectories=4 ";
  Replay r = replayScenario(dir, "reflow", small + "--set time=0.5");
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  EXPECT_EQ(r.first.at("values").at("time_shown"), 0.5);
  EXPECT_NE(findTable(r.first, "target_samples"), nullptr);
  r = replayScenario(dir, "reflow",
                     small + "--set target=drawn --set drawn=-1,0.5,0.3,1.25,1,-1 --set time=0.4");
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  // 0.4 · 12 steps is not a frame: the nearest one (5/12) is shown and exported as such.
  EXPECT_NEAR(r.first.at("values").at("time_shown").get<double>(), 5.0 / 12.0, 1e-15);
  cv::Mat img(48, 64, CV_8UC1);
  for (int y = 0; y < img.rows; ++y)
    for (int x = 0; x < img.cols; ++x)
      img.at<uchar>(y, x) = static_cast<uchar>((x - 32) * (x - 32) + (y - 24) * (y - 24) < 300 ? 20 : 230);
  ASSERT_TRUE(cv::imwrite((dir / "disc.png").string(), img));
  r = replayScenario(dir, "reflow", small + "--open " + shellQuoted(dir / "disc.png"));
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);  // from the embedded image: no file at replay
  EXPECT_EQ(r.first.at("scenario").at("params").at("target"), "image");
  EXPECT_EQ(r.first.at("scenario").at("inputs").at(0).at("name"), "disc.png");
  fs::remove_all(dir);
}

TEST(ReflowWganReplay, SavedScenariosReplayForPresetAndDrawnTargets) {
  const fs::path dir = dirFor("wgan");
  const std::string small = "--set particles=80 --set rounds=6 --set round=9 ";
  // elapsed_ms is this machine's wall clock, not a result of the scenario.
  Replay r = replayScenario(dir, "reflow_wgan", small);
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second, {"elapsed_ms"});
  EXPECT_EQ(r.first.at("values").at("round_shown"), 6.0);  // 9 clamped to the 6 rounds run
  r = replayScenario(dir, "reflow_wgan",
                     small + "--set target=drawn --set drawn=-1,0,1,0.5,0.25,1.5,-0.5,-1");
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second, {"elapsed_ms"});
  EXPECT_EQ(r.first.at("values").at("drawn_points"), 4.0);
  fs::remove_all(dir);
}
