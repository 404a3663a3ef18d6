// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Running the built latentlab binary from a test: a scratch directory, the run itself, the files.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <sstream>
#include <string>

namespace latentlab::apptest {

namespace fs = std::filesystem;

/// A fresh, empty directory under the system temp dir, unique per process, `tag` and `name`.
inline fs::path tempDir(const std::string& tag, const std::string& name) {
  const fs::path dir = fs::temp_directory_path() /
                       ("latentlab_" + tag + "_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

/// Runs the app (offscreen) with `args`, shell text already quoted; stderr goes to `errFile`,
/// stdout to `outFile`. Returns the exit status, or −1 when the process did not exit normally.
/// The environment every run gets: offscreen, the C locale with no saved settings (so messages
/// are English whatever the developer's LANG or View ▸ Language), unless `locale` names another.
inline std::string appEnvironment(const std::string& locale = "C.UTF-8") {
  static const fs::path config =
      fs::temp_directory_path() / ("latentlab_app_config_" + std::to_string(::getpid()));
  return "QT_QPA_PLATFORM=offscreen LANGUAGE= LC_ALL=" + locale + " XDG_CONFIG_HOME='" +
         config.string() + "' ";
}

inline int runApp(const std::string& args, const fs::path& errFile,
                  const fs::path& outFile = "/dev/null", const std::string& locale = "C.UTF-8") {
  const std::string cmd = appEnvironment(locale) + "'" + LATENTLAB_EXE + "' " + args + " > '" +
                          outFile.string() + "' 2> '" + errFile.string() + "'";
  const int raw = std::system(cmd.c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

inline std::string readFile(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

/// Renders every bundled scenario of `page` (resources/scenarios/<page>-*.json) from the command
/// line as a `width`×`height` PNG plus JSON data in `dir`. Expects each run to exit 0 with a PNG of
/// that size that is not blank, and data holding a table named `table`, which `check` then
/// inspects (with the scenario file name). Returns the number of scenarios run.
inline int exportEveryScenario(
    const std::string& page, const fs::path& dir, int width, int height, const std::string& table,
    const std::function<void(const std::string& name, const nlohmann::json& table)>& check) {
  std::string prefix(page);
  prefix += "-";
  const std::string size = std::to_string(width) + "x" + std::to_string(height);
  int found = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(LATENTLAB_SOURCE_DIR) / "resources" / "scenarios")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    ++found;
    const fs::path png = dir / (name + ".png"), json = dir / (name + ".json");
    std::string args("--scenario '");
    args.append(entry.path().string()).append("' --export '").append(png.string());
    args.append("' --export-data '").append(json.string()).append("' --size ").append(size);
    const int code = runApp(args, dir / "err.txt");
    EXPECT_EQ(code, 0) << name << ": " << readFile(dir / "err.txt");
    if (code != 0) continue;
    const cv::Mat img = cv::imread(png.string(), cv::IMREAD_COLOR);
    EXPECT_EQ(img.cols, width) << name;
    EXPECT_EQ(img.rows, height) << name;
    if (img.empty()) continue;
    cv::Scalar mean, stddev;
    cv::meanStdDev(img, mean, stddev);
    EXPECT_GT(stddev[0] + stddev[1] + stddev[2], 5.0) << name << " looks blank";
    const auto data = nlohmann::json::parse(readFile(json));
    bool seen = false;
    for (const auto& t : data.at("tables")) {
      if (t.at("name") != table) continue;
      seen = true;
      check(name, t);
    }
    EXPECT_TRUE(seen) << name << ": no table '" << table << "'";
  }
  return found;
}

}  // namespace latentlab::apptest
