// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// ChartView while results stream in: a series attached by a refill must not leave the axes in
// Qt's state (data range, five fixed ticks, elided labels) for a paint that comes before the fit.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>

#include "ui/common/chart_view.h"

namespace latentlab::ui {
namespace {

QValueAxis* verticalAxis(ChartView& chart) {
  auto* view = chart.findChild<QChartView*>();
  if (!view || view->chart()->axes(Qt::Vertical).isEmpty()) return nullptr;
  return qobject_cast<QValueAxis*>(view->chart()->axes(Qt::Vertical).front());
}

TEST(ChartViewStream, ASeriesAttachedBeforeTheFitKeepsTheLastFitsRangeAndTicks) {
  ChartView chart;
  chart.resize(480, 320);
  chart.setSeries(QStringLiteral("full"), {{0, 1.39}, {40, 1.14}, {80, 0.93}});
  QCoreApplication::sendPostedEvents();  // the fit
  QValueAxis* y = verticalAxis(chart);
  ASSERT_NE(y, nullptr);
  ASSERT_EQ(y->tickType(), QValueAxis::TicksDynamic);
  const double lo = y->min(), hi = y->max(), interval = y->tickInterval();
  // The next streamed frame adds a run whose range differs; its fit is still queued.
  chart.setSeries(QStringLiteral("lora"), {{0, 1.39}, {10, 1.51}});
  EXPECT_EQ(y->tickType(), QValueAxis::TicksDynamic);
  EXPECT_EQ(y->min(), lo);
  EXPECT_EQ(y->max(), hi);
  EXPECT_EQ(y->tickInterval(), interval);
  EXPECT_FALSE(y->truncateLabels()) << "a number is never drawn as '1.…'";
  QCoreApplication::sendPostedEvents();
  EXPECT_GE(y->max(), 1.51);  // then the fit takes the new run in
  EXPECT_EQ(y->tickType(), QValueAxis::TicksDynamic);
}

}  // namespace
}  // namespace latentlab::ui
