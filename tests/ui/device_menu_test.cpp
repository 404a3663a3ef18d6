// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// View ▸ Device: one action per device, the CPU by default; choosing an OpenCL device is
// remembered, recomputes the pages with a device path there, and the status bar says where the
// shown result was computed.
#include <gtest/gtest.h>

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QSettings>

#include "latentlab/common/device.h"
#include "tests/ui/spin_until.h"
#include "ui/common/device_choice.h"
#include "ui/common/page.h"
#include "ui/shell/main_window.h"

namespace latentlab::ui {
namespace {

class DeviceMenuTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_org = QCoreApplication::organizationName();
    QCoreApplication::setOrganizationName(
        QStringLiteral("LatentLabDeviceMenuTest-%1-%2")
            .arg(QString::fromUtf8(::testing::UnitTest::GetInstance()->current_test_info()->name()))
            .arg(QCoreApplication::applicationPid()));
    QSettings().clear();
    DeviceChoice::instance().choose(QStringLiteral("cpu"));
  }
  void TearDown() override {
    DeviceChoice::instance().choose(QStringLiteral("cpu"));
    {
      QSettings settings;
      const QString file = settings.fileName();
      settings.clear();
      settings.sync();
      QFile::remove(file);
      QDir().rmdir(QFileInfo(file).absolutePath());
    }
    QCoreApplication::setOrganizationName(m_org);
  }
  QString m_org;
};

QString firstOpenClId() {
  for (const auto& d : latentlab::listDevices())
    if (d.kind == latentlab::DeviceKind::OpenCl) return QString::fromStdString(d.id);
  return {};
}

bool openClRequired() {
  return qEnvironmentVariable("LATENTLAB_REQUIRE_OPENCL") == QLatin1String("1");
}

TEST_F(DeviceMenuTest, ListsEveryDeviceWithTheCpuChecked) {
  MainWindow window;
  auto* menu = window.findChild<QMenu*>(QStringLiteral("menuDevice"));
  ASSERT_NE(menu, nullptr);
  for (const auto& d : latentlab::listDevices()) {
    auto* action =
        window.findChild<QAction*>(QStringLiteral("actionDevice_") + QString::fromStdString(d.id));
    ASSERT_NE(action, nullptr) << d.id;
    EXPECT_EQ(action->isChecked(), d.id == "cpu") << d.id;
    EXPECT_TRUE(action->text().contains(QString::fromStdString(d.name))) << d.id;
  }
  auto* label = window.findChild<QLabel*>(QStringLiteral("computeDevice"));
  ASSERT_NE(label, nullptr);
  EXPECT_EQ(label->text(), QStringLiteral("CPU"));
}

TEST_F(DeviceMenuTest, ChoosingAnOpenClDeviceRecomputesThereAndIsRemembered) {
  const QString id = firstOpenClId();
  if (id.isEmpty()) {
    if (openClRequired()) FAIL() << "LATENTLAB_REQUIRE_OPENCL=1 but no OpenCL device is listed";
    GTEST_SKIP() << "no OpenCL device on this machine: the device menu was not exercised";
  }
  MainWindow window;
  ASSERT_TRUE(window.showPage(QStringLiteral("topk")));
  Page* page = window.currentPage();
  ASSERT_TRUE(page->usesDevice());
  ASSERT_TRUE(testing::spinUntil([&] { return page->hasResult() && !page->controller()->isBusy(); }));
  EXPECT_EQ(page->computedOn().device, "cpu");

  auto* action = window.findChild<QAction*>(QStringLiteral("actionDevice_") + id);
  ASSERT_NE(action, nullptr);
  action->trigger();
  EXPECT_EQ(DeviceChoice::instance().current(), id);
  EXPECT_EQ(DeviceChoice::saved(), id);
  EXPECT_TRUE(action->isChecked());
  ASSERT_TRUE(testing::spinUntil([&] {
    return !page->controller()->isBusy() && page->computedOn().device == id.toStdString();
  }));
  auto* label = window.findChild<QLabel*>(QStringLiteral("computeDevice"));
  ASSERT_NE(label, nullptr);
  EXPECT_TRUE(label->text().startsWith(QStringLiteral("OpenCL: "))) << label->text().toStdString();

  // A page without a device path stays on the CPU and says so.
  ASSERT_TRUE(window.showPage(QStringLiteral("attention_rank")));
  EXPECT_FALSE(window.currentPage()->usesDevice());
  EXPECT_EQ(label->text(), QStringLiteral("CPU"));
}

// Efficient attention takes n above the CPU's 4096 on an OpenCL device; choosing the CPU again
// brings n down to 4096 (the form's range follows the device).
TEST_F(DeviceMenuTest, EfficientAttentionTakesALargerNOnADeviceOnly) {
  const QString id = firstOpenClId();
  if (id.isEmpty()) {
    if (openClRequired()) FAIL() << "LATENTLAB_REQUIRE_OPENCL=1 but no OpenCL device is listed";
    GTEST_SKIP() << "no OpenCL device on this machine: the larger n was not exercised";
  }
  MainWindow window;
  ASSERT_TRUE(window.showPage(QStringLiteral("efficient_attention")));
  Page* page = window.currentPage();
  window.findChild<QAction*>(QStringLiteral("actionDevice_") + id)->trigger();
  page->setParam("n", 8192.0);
  ASSERT_TRUE(testing::spinUntil(
      [&] {
        return !page->controller()->isBusy() && page->computedOn().device == id.toStdString() &&
               std::get<double>(page->params().at("n")) == 8192.0;
      },
      120000));
  EXPECT_TRUE(page->costPreview().contains(QStringLiteral("OpenCL"))) << page->costPreview().toStdString();
  window.findChild<QAction*>(QStringLiteral("actionDevice_cpu"))->trigger();
  EXPECT_EQ(std::get<double>(page->params().at("n")), 4096.0);
  EXPECT_TRUE(testing::spinUntil(
      [&] { return !page->controller()->isBusy() && page->computedOn().device == "cpu"; }, 120000));
}

// Pages that cache their result between frame or view changes (Fokker–Planck's snapshots,
// ReFlow's flow, the grid's trained codebook) must not hand the CPU's cache back when another
// device is chosen: each recomputes there, and back on the CPU when the CPU is chosen again.
class CachedPageDevice : public DeviceMenuTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(CachedPageDevice, AnotherDeviceRecomputesInsteadOfReusingTheCache) {
  const QString id = firstOpenClId();
  if (id.isEmpty()) {
    if (openClRequired()) FAIL() << "LATENTLAB_REQUIRE_OPENCL=1 but no OpenCL device is listed";
    GTEST_SKIP() << "no OpenCL device on this machine: the device change was not exercised";
  }
  MainWindow window;
  ASSERT_TRUE(window.showPage(QString::fromLatin1(GetParam())));
  Page* page = window.currentPage();
  ASSERT_TRUE(page->usesDevice());
  if (QString::fromLatin1(GetParam()) == QLatin1String("fokker_planck"))
    page->setParams({{"particles", 2000.0}, {"grid_n", 64.0}});  // keeps the test short
  const auto settled = [&](const std::string& device) {
    return testing::spinUntil(
        [&] {
          return page->hasResult() && !page->controller()->isBusy() &&
                 page->computedOn().device == device;
        },
        120000);
  };
  ASSERT_TRUE(settled("cpu"));
  auto* action = window.findChild<QAction*>(QStringLiteral("actionDevice_") + id);
  ASSERT_NE(action, nullptr);
  action->trigger();
  EXPECT_TRUE(settled(id.toStdString())) << "still " << page->computedOn().device;
  window.findChild<QAction*>(QStringLiteral("actionDevice_cpu"))->trigger();
  EXPECT_TRUE(settled("cpu")) << "still " << page->computedOn().device;
}

INSTANTIATE_TEST_SUITE_P(Pages, CachedPageDevice,
                         ::testing::Values("fokker_planck", "reflow", "quant_grid"));

}  // namespace
}  // namespace latentlab::ui
