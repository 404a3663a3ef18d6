// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The cost preview: predictions from earlier runs (interpolated, or an upper bound beyond the
// largest), and the Efficient attention page's, whose n reaches 32768 on an OpenCL device only.
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/attention/efficient_lab.h"
#include "latentlab/common/errors.h"
#include "ui/common/computing_overlay.h"
#include "ui/common/cost_estimate.h"
#include "ui/common/device_choice.h"
#include "ui/pages/attention/efficient_attention_page.h"
#include "ui/pages/quantization/quant_image_page.h"

namespace latentlab::ui {
namespace {

TEST(CostEstimate, NothingBeforeARunThenInterpolatesAndBoundsBeyond) {
  CostEstimate c;
  EXPECT_FALSE(c.predict("cpu/maps", 1e6));
  c.record("cpu/maps", 1e6, 10.0);
  c.record("cpu/maps", 1e8, 400.0);
  c.record("cpu/maps", 0.0, 5.0);           // no size: ignored
  c.record("cpu/maps", 1e7, std::nan(""));  // no time: ignored
  EXPECT_FALSE(c.predict("opencl:0:0/maps", 1e6)) << "rates are per device";
  const auto mid = c.predict("cpu/maps", 1e7);
  ASSERT_TRUE(mid);
  EXPECT_NEAR(mid->ms, std::sqrt(10.0 * 400.0), 1e-9) << "log-log halfway";
  EXPECT_FALSE(mid->upperBound);
  const auto big = c.predict("cpu/maps", 4e8);
  ASSERT_TRUE(big);
  EXPECT_DOUBLE_EQ(big->ms, 1600.0);
  EXPECT_TRUE(big->upperBound);
  EXPECT_DOUBLE_EQ(c.predict("cpu/maps", 1e3)->ms, 10.0) << "below the smallest: its time";
  c.record("cpu/maps", 1e8, 200.0);  // the same size again: the latest time counts
  EXPECT_DOUBLE_EQ(c.predict("cpu/maps", 1e8)->ms, 200.0);
}

TEST(CostEstimate, TextSaysHowLongOrThatThereIsNoEstimate) {
  EXPECT_TRUE(costText(std::nullopt, "the CPU").startsWith("no estimate yet on the CPU"));
  EXPECT_EQ(costText(CostPrediction{250.0, false}, "the CPU"),
            QStringLiteral("≈ 250 ms on the CPU"));
  EXPECT_EQ(costText(CostPrediction{12345.0, true}, "X"), QStringLiteral("≲ 12 s on X"));
  EXPECT_EQ(costText(CostPrediction{3.0e5, false}, "X"), QStringLiteral("≈ 5.0 min on X"));
}

TEST(CostEstimate, TheComputingMarkCarriesThePreview) {
  QWidget figure;
  ComputingOverlay overlay(&figure);
  overlay.setProgress(0.5);
  EXPECT_EQ(overlay.text(), QStringLiteral("Computing… 50 %"));
  overlay.setDetail(costText(CostPrediction{2500.0, false}, "the CPU"));
  EXPECT_EQ(overlay.text(), QStringLiteral("Computing… 50 % · ≈ 2.5 s on the CPU"));
}

TEST(EfficientAttentionCost, PreviewFollowsTheRunsAndNAboveTheCpuLimitNeedsADevice) {
  DeviceChoice::instance().choose(QStringLiteral("cpu"));
  EfficientAttentionPage page;
  EXPECT_TRUE(page.costPreview().startsWith("no estimate yet on the CPU"))
      << page.costPreview().toStdString();
  page.computeNow();
  EXPECT_TRUE(page.costPreview().startsWith(QStringLiteral("≈ ")))
      << page.costPreview().toStdString();
  page.setParam("n", 1024.0);
  EXPECT_TRUE(page.costPreview().startsWith(QStringLiteral("≲ "))) << "beyond the largest run";
  EXPECT_GT(page.costUnits(), 8.0 * attention::efficientLabFlops(attention::EfficientLabParams{}));

  page.setParam("n", 8192.0);  // within the field (an OpenCL device takes it), not the CPU's
  try {
    page.computeNow();
    ADD_FAILURE() << "n = 8192 computed on the CPU";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "n");
    EXPECT_NE(std::string(e.what()).find("needs an OpenCL device"), std::string::npos) << e.what();
  }
}

// The image page's model grows with the codes and the Lloyd iterations.
TEST(QuantImageCost, TheWorkModelFollowsTheBudgetAndTheIterations) {
  QuantImagePage page;
  const double base = page.costUnits();
  ASSERT_TRUE(std::isfinite(base));
  EXPECT_GT(base, 0.0);
  page.setParam("budget", std::string("16"));
  EXPECT_DOUBLE_EQ(page.costUnits(), base * 64.0) << "2^16 codes against 2^10";
  page.setParam("lloyd_iterations", 17.0);
  EXPECT_DOUBLE_EQ(page.costUnits(), base * 64.0 * 2.0) << "(17 + 1) against (8 + 1)";
  EXPECT_TRUE(page.costPreview().startsWith("no estimate yet")) << page.costPreview().toStdString();
}

}  // namespace
}  // namespace latentlab::ui
