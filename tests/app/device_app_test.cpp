// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// --list-devices and --device end to end: the device list, a bad id, and for each page with a
// device path an export on every OpenCL device that reproduces the CPU export to 1e-4 relative.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/app/app_support.h"

namespace latentlab::apptest {
namespace {

bool openClRequired() {
  const char* v = std::getenv("LATENTLAB_REQUIRE_OPENCL");
  return v && std::string(v) == "1";
}

struct Listed {
  std::string id, kind, name;
};

std::vector<Listed> listDevices(const fs::path& dir) {
  const int code = runApp("--list-devices", dir / "err.txt", dir / "out.txt");
  EXPECT_EQ(code, 0) << readFile(dir / "err.txt");
  std::vector<Listed> out;
  std::istringstream lines(readFile(dir / "out.txt"));
  for (std::string line; std::getline(lines, line);) {
    Listed d;
    std::istringstream fields(line);
    std::getline(fields, d.id, '\t');
    std::getline(fields, d.kind, '\t');
    std::getline(fields, d.name);
    out.push_back(d);
  }
  return out;
}

TEST(DeviceApp, ListDevicesPrintsTheCpuFirstThenOpenClDevices) {
  const fs::path dir = tempDir("device", "list");
  const auto devices = listDevices(dir);
  ASSERT_FALSE(devices.empty());
  EXPECT_EQ(devices.front().id, "cpu");
  EXPECT_EQ(devices.front().kind, "cpu");
  EXPECT_FALSE(devices.front().name.empty());
  bool anyOpenCl = false;
  for (const auto& d : devices) {
    EXPECT_TRUE(d.kind == "cpu" || d.kind == "opencl") << d.kind;
    EXPECT_FALSE(d.name.empty()) << d.id;
    if (d.kind == "opencl") {
      anyOpenCl = true;
      EXPECT_EQ(d.id.rfind("opencl:", 0), 0u) << d.id;
    }
  }
  if (openClRequired()) {
    EXPECT_TRUE(anyOpenCl) << "LATENTLAB_REQUIRE_OPENCL=1 but --list-devices shows no OpenCL "
                              "device (is pocl-opencl-icd installed?)";
  }
}

TEST(DeviceApp, AnUnknownDeviceIsBadInput) {
  const fs::path dir = tempDir("device", "unknown");
  const int code = runApp("--page topk --device opencl:9:9 --export-data x.json", dir / "err.txt");
  EXPECT_EQ(code, 2);
  EXPECT_NE(readFile(dir / "err.txt").find("no device 'opencl:9:9' (see --list-devices)"),
            std::string::npos)
      << readFile(dir / "err.txt");
}

TEST(DeviceApp, ExportsRecordTheCpu) {
  const fs::path dir = tempDir("device", "cpu");
  ASSERT_EQ(runApp("--page topk --export-data '" + (dir / "x.json").string() + "'", dir / "e.txt"),
            0)
      << readFile(dir / "e.txt");
  const auto j = nlohmann::json::parse(readFile(dir / "x.json"));
  EXPECT_EQ(j["values"]["device"], "cpu");
  EXPECT_FALSE(j["values"].contains("device_fallback"));
}

// --measure runs topk's Speed timing before the export: the CPU's table always, the device's
// beside it when --device names one (NaN, null in JSON, for methods without a device path).
TEST(DeviceApp, MeasureExportsTheCpuAndTheDeviceTimingSideBySide) {
  const fs::path dir = tempDir("device", "measure");
  const auto tables = [](const nlohmann::json& j) {
    std::map<std::string, nlohmann::json> out;
    for (const auto& t : j["tables"]) out[t["name"].get<std::string>()] = t;
    return out;
  };
  const fs::path cpu = dir / "cpu.json";
  ASSERT_EQ(runApp("--page topk --measure --export-data '" + cpu.string() + "'", dir / "e.txt"), 0)
      << readFile(dir / "e.txt");
  auto t = tables(nlohmann::json::parse(readFile(cpu)));
  ASSERT_TRUE(t.count("speed_ms"));
  EXPECT_FALSE(t.count("speed_device_ms"));
  EXPECT_EQ(t["speed_ms"]["rows"].size(), 5u);

  EXPECT_EQ(runApp("--page attention_rank --measure", dir / "e.txt"), 2);
  EXPECT_NE(readFile(dir / "e.txt").find("has no timing to measure"), std::string::npos)
      << readFile(dir / "e.txt");

  std::string id;
  for (const auto& d : listDevices(dir))
    if (d.kind == "opencl" && id.empty()) id = d.id;
  if (id.empty()) {
    if (openClRequired()) FAIL() << "LATENTLAB_REQUIRE_OPENCL=1 but no OpenCL device is listed";
    GTEST_SKIP() << "no OpenCL device on this machine: the device timing was not exported";
  }
  const fs::path dev = dir / "device.json";
  ASSERT_EQ(runApp("--page topk --device " + id + " --measure --export-data '" + dev.string() + "'",
                   dir / "e.txt"),
            0)
      << readFile(dir / "e.txt");
  t = tables(nlohmann::json::parse(readFile(dev)));
  ASSERT_TRUE(t.count("speed_ms"));
  ASSERT_TRUE(t.count("speed_device_ms"));
  const auto& d = t["speed_device_ms"];
  ASSERT_EQ(d["columns"], t["speed_ms"]["columns"]);
  for (std::size_t c = 1; c < d["columns"].size(); ++c) {
    const std::string method = d["columns"][c];
    for (const auto& row : d["rows"]) {
      if (method == "grad_topk")
        EXPECT_TRUE(row[c].is_null()) << "grad_topk has no device path";
      else
        EXPECT_GT(row[c].get<double>(), 0.0) << method;
    }
  }
}

constexpr double kResidual = 1e-6;

bool isTiming(const std::string& name) {
  for (const char* word : {"time", "elapsed", "_ms", "ms_", "seconds", "speed"})
    if (name.find(word) != std::string::npos) return true;
  return false;
}

/// Every number of every table (and every numeric value) in `got` within 1e-4 of `want`,
/// relative to the entry itself, with a floor of 1e-3 of its column's largest magnitude for
/// entries near zero, plus 1e-6 absolute: entries that small are rounding residuals or
/// differences of nearly equal numbers (linear vs quadratic VQ, Performer vs exact per entry),
/// which float32 on the device gives at its own rounding level (~1e-7), not the CPU's double
/// one (~1e-16). Timings are not results and are skipped.
void expectSameNumbers(const nlohmann::json& want, const nlohmann::json& got,
                       const std::string& page) {
  ASSERT_EQ(want["tables"].size(), got["tables"].size()) << page;
  for (std::size_t t = 0; t < want["tables"].size(); ++t) {
    const auto& wt = want["tables"][t];
    const auto& gt = got["tables"][t];
    ASSERT_EQ(wt["columns"], gt["columns"]) << page << " " << wt["name"];
    ASSERT_EQ(wt["rows"].size(), gt["rows"].size()) << page << " " << wt["name"];
    const std::size_t columns = wt["columns"].size();
    for (std::size_t c = 0; c < columns; ++c) {
      const std::string column = wt["columns"][c];
      if (isTiming(column)) continue;
      double scale = 0;
      for (const auto& row : wt["rows"])
        if (row[c].is_number()) scale = std::max(scale, std::abs(row[c].get<double>()));
      int reported = 0;
      for (std::size_t r = 0; r < wt["rows"].size(); ++r) {
        const auto& w = wt["rows"][r][c];
        const auto& g = gt["rows"][r][c];
        if (!w.is_number()) {
          EXPECT_EQ(w, g) << page << " " << wt["name"] << "." << column << "[" << r << "]";
          continue;
        }
        ASSERT_TRUE(g.is_number()) << page << " " << wt["name"] << "." << column << "[" << r << "]";
        const double wv = w.get<double>(), gv = g.get<double>();
        const double tol = 1e-4 * std::max(std::abs(wv), 1e-3 * scale) + kResidual;
        if (std::abs(gv - wv) > tol && reported++ < 5)
          ADD_FAILURE() << page << " " << wt["name"] << "." << column << "[" << r << "]: cpu "
                        << wv << ", device " << gv;
      }
    }
  }
  for (const auto& [key, w] : want["values"].items()) {
    if (!w.is_number() || isTiming(key)) continue;
    const auto& g = got["values"][key];
    ASSERT_TRUE(g.is_number()) << page << " values." << key;
    EXPECT_LE(std::abs(g.get<double>() - w.get<double>()),
              1e-4 * std::abs(w.get<double>()) + kResidual)
        << page << " values." << key;
  }
}

class DevicePageExport : public ::testing::TestWithParam<const char*> {};

TEST_P(DevicePageExport, ReproducesTheCpuExportOnEveryOpenClDevice) {
  const std::string page = GetParam();
  const fs::path dir = tempDir("device", page);
  std::vector<std::string> ids;
  for (const auto& d : listDevices(dir))
    if (d.kind == "opencl") ids.push_back(d.id);
  if (ids.empty()) {
    if (openClRequired()) FAIL() << "LATENTLAB_REQUIRE_OPENCL=1 but no OpenCL device is listed";
    GTEST_SKIP() << "no OpenCL device on this machine: the device export was not compared";
  }
  const fs::path cpu = dir / "cpu.json";
  ASSERT_EQ(runApp("--page " + page + " --export-data '" + cpu.string() + "'", dir / "e.txt"), 0)
      << readFile(dir / "e.txt");
  const auto want = nlohmann::json::parse(readFile(cpu));
  for (const auto& id : ids) {
    const fs::path out = dir / ("device.json");
    ASSERT_EQ(runApp("--page " + page + " --device " + id + " --export-data '" + out.string() + "'",
                     dir / "e.txt"),
              0)
        << readFile(dir / "e.txt");
    const auto got = nlohmann::json::parse(readFile(out));
    EXPECT_EQ(got["values"]["device"], id) << page << ": computed on "
                                           << got["values"]["device"] << ", fallback: "
                                           << got["values"].value("device_fallback", "");
    expectSameNumbers(want, got, page + " on " + id);
  }
}

INSTANTIATE_TEST_SUITE_P(Pages, DevicePageExport,
                         ::testing::Values("efficient_attention", "quant_image", "topk", "reflow",
                                           "quant_grid"));

}  // namespace
}  // namespace latentlab::apptest
