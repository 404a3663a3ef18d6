// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The command line end to end: runs the built latentlab binary and checks the files it writes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

std::string quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::size_t lineCount(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_dir = fs::temp_directory_path() /
            ("latentlab_app_test_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  fs::path path(const std::string& name) const { return m_dir / name; }

  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path(name)) << text;
    return path(name);
  }

  RunResult run(const std::vector<std::string>& args) const {
    // English messages and no saved settings, whatever the developer's locale and choices.
    std::string command("LANGUAGE= LC_ALL=C.UTF-8 XDG_CONFIG_HOME=");
    command.append(quote(path("config").string())).append(" ").append(quote(LATENTLAB_EXE));
    // Appends only: GCC 12 warns (-Wrestrict, falsely) on "literal" + std::string temporaries.
    for (const auto& a : args) command.append(" ").append(quote(a));
    command.append(" >").append(quote(path("stdout.txt").string()));
    command.append(" 2>").append(quote(path("stderr.txt").string()));
    const int status = std::system(command.c_str());
    RunResult r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = readFile(path("stdout.txt"));
    r.err = readFile(path("stderr.txt"));
    return r;
  }

  /// A bad-input run: exit code 2 and exactly one "latentlab: ..." line naming `expected`.
  void expectBadInput(const std::vector<std::string>& args, const std::string& expected,
                      int code = 2) const {
    const RunResult r = run(args);
    EXPECT_EQ(r.code, code) << r.err;
    EXPECT_EQ(lineCount(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("latentlab: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(expected), std::string::npos)
        << "missing '" << expected << "' in " << r.err;
  }

  fs::path m_dir;
};

/// Loads a PNG and checks it has the expected size and is not one flat colour.
void expectNonBlankPng(const fs::path& file, int width, int height) {
  ASSERT_TRUE(fs::exists(file)) << file;
  const cv::Mat image = cv::imread(file.string(), cv::IMREAD_GRAYSCALE);
  ASSERT_FALSE(image.empty()) << file;
  EXPECT_EQ(image.cols, width);
  EXPECT_EQ(image.rows, height);
  double lo = 0, hi = 0;
  cv::minMaxLoc(image, &lo, &hi);
  EXPECT_GT(hi - lo, 50.0) << "blank image " << file;
}

const std::string kDefaultScenario =
    std::string(LATENTLAB_SOURCE_DIR) + "/resources/scenarios/topk-default.json";

TEST_F(AppTest, ListPagesNamesTopk) {
  const RunResult r = run({"--list-pages"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("topk\tTop-k\tSmooth Top-k\n"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(AppTest, HelpAndVersion) {
  RunResult r = run({"--help"});
  EXPECT_EQ(r.code, 0);
  for (const char* option : {"--list-pages", "--scenario", "--page", "--set", "--export",
                             "--export-data", "--size", "--report", "--version"})
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  r = run({"--version"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            std::string("latentlab (LatentLab) ") + LATENTLAB_VERSION);
}

TEST_F(AppTest, PageWithSetExportsANonBlankPng) {
  const RunResult r = run({"--page", "topk", "--set", "k=3", "--export", path("x.png").string()});
  ASSERT_EQ(r.code, 0) << r.err;
  expectNonBlankPng(path("x.png"), 1600, 1000);

  const RunResult sized = run({"--page=topk", "--set=x=5,1,4", "--set", "tau=0.5", "--size",
                               "800x500", "--export", path("small.png").string()});
  ASSERT_EQ(sized.code, 0) << sized.err;
  expectNonBlankPng(path("small.png"), 800, 500);
}

TEST_F(AppTest, SvgAndPdfExports) {
  const RunResult r = run({"--scenario", kDefaultScenario, "--export", path("x.svg").string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(readFile(path("x.svg")).find("<svg"), std::string::npos);
  const RunResult p = run({"--page", "topk", "--export", path("x.pdf").string()});
  ASSERT_EQ(p.code, 0) << p.err;
  EXPECT_EQ(readFile(path("x.pdf")).rfind("%PDF", 0), 0u);
}

TEST_F(AppTest, ExportsCarryACaptionLineUnlessAskedNot) {
  ASSERT_EQ(run({"--page", "topk", "--export", path("c.svg").string()}).code, 0);
  ASSERT_EQ(run({"--page", "topk", "--no-caption", "--export", path("n.svg").string()}).code, 0);
  EXPECT_NE(readFile(path("c.svg")).find("kexue.fm/archives/10373"), std::string::npos);
  EXPECT_EQ(readFile(path("n.svg")).find("kexue.fm/archives/10373"), std::string::npos);
  expectBadInput({"--page", "topk", "--no-caption=1"}, "--no-caption takes no value");
}

TEST_F(AppTest, PhysicalSizesGiveThatPdfPage) {
  const RunResult r =
      run({"--page", "topk", "--size", "170x110mm", "--export", path("f.pdf").string()});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string pdf = readFile(path("f.pdf"));
  EXPECT_NE(pdf.find("/MediaBox [0 0 481.889764 311.811024]"), std::string::npos)
      << pdf.substr(0, 600);
  // --dpi changes a physical size's PNG pixels, never its page.
  const RunResult png = run({"--page", "topk", "--size", "6.7x4.3in", "--dpi", "200", "--export",
                             path("f.png").string()});
  ASSERT_EQ(png.code, 0) << png.err;
  expectNonBlankPng(path("f.png"), 1340, 860);
  for (const char* size : {"170x110km", "170x110", "20x20mm", "170 by 110 mm"})
    expectBadInput({"--page", "topk", "--size", size, "--export", path("u.pdf").string()},
                   "--size");
  expectBadInput({"--window-screenshot", path("w.png").string(), "--size", "170x110mm"},
                 "--size in pixels");
  EXPECT_FALSE(fs::exists(path("u.pdf")));
}

TEST_F(AppTest, ScenarioExportsJsonAndCsvData) {
  const RunResult r =
      run({"--scenario", kDefaultScenario, "--export-data", path("x.json").string()});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(readFile(path("x.json")));
  ASSERT_TRUE(j.contains("tables"));
  ASSERT_TRUE(j["tables"].is_array());
  ASSERT_FALSE(j["tables"].empty());
  for (const auto& table : j["tables"]) {
    EXPECT_TRUE(table["name"].is_string());
    ASSERT_TRUE(table["columns"].is_array());
    for (const auto& row : table["rows"]) EXPECT_EQ(row.size(), table["columns"].size());
  }

  const RunResult c = run({"--scenario", kDefaultScenario, "--export-data", path("x.csv").string(),
                           "--export", path("both.png").string()});
  ASSERT_EQ(c.code, 0) << c.err;
  EXPECT_TRUE(fs::exists(path("both.png")));
  const std::string csv = readFile(path("x.csv"));
  EXPECT_EQ(csv.rfind("# ", 0), 0u) << csv.substr(0, 200);
  EXPECT_NE(csv.find(','), std::string::npos);
  EXPECT_GT(lineCount(csv), 3u);
}

TEST_F(AppTest, BundledPresetsLoadFromResources) {
  const RunResult r = run({"--scenario", ":/scenarios/topk-counter-example-iter-su.json",
                           "--export-data", path("preset.json").string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(nlohmann::json::parse(readFile(path("preset.json"))).contains("tables"));
}

TEST_F(AppTest, ReportWritesEveryPageAndAPdf) {
  const fs::path dir = path("report/nested");
  const RunResult r = run({"--report", dir.string(), "--size", "640x400"});
  ASSERT_EQ(r.code, 0) << r.err;
  expectNonBlankPng(dir / "topk.png", 640, 400);
  const std::string pdf = readFile(dir / "latentlab-report.pdf");
  EXPECT_EQ(pdf.rfind("%PDF", 0), 0u);
}

TEST_F(AppTest, BadScenariosFailWithOneLineNamingTheKey) {
  expectBadInput(
      {"--scenario", write("a.json", "{ not json").string(), "--export", path("a.png").string()},
      "json");
  expectBadInput(
      {"--scenario",
       write("b.json", R"({"version": 1, "page": "topk", "params": {"bogus": 1}})").string(),
       "--export-data", path("b.json").string()},
      "bogus");
  expectBadInput({"--scenario",
                  write("c.json", R"({"version": 1, "page": "topk", "params": {"k": 7}})").string(),
                  "--export", path("c.png").string()},
                 "(key 'k')");
  expectBadInput({"--scenario", write("d.json", R"({"version": 1, "page": "foo"})").string()},
                 "unknown page 'foo'");
  EXPECT_FALSE(fs::exists(path("a.png")));
  EXPECT_FALSE(fs::exists(path("c.png")));
  // A file that cannot be read is an I/O failure.
  expectBadInput({"--scenario", path("missing.json").string()}, "missing.json", 1);
}

TEST_F(AppTest, BadArgumentsFail) {
  expectBadInput({"--page", "foo", "--export", path("f.png").string()},
                 "unknown page 'foo' (see --list-pages)");
  for (const char* size : {"10x10", "abc", "9000x500", "800x"})
    expectBadInput({"--page", "topk", "--size", size, "--export", path("s.png").string()},
                   "--size");
  expectBadInput({"--page", "topk", "--set", "k=7", "--export", path("k.png").string()},
                 "(key 'k')");
  expectBadInput({"--page", "topk", "--set", "nope=1"}, "nope");
  expectBadInput({"--page", "topk", "--set", "k"}, "key=value");
  expectBadInput({"--page", "topk", "--export", path("x.bmp").string()}, ".png");
  expectBadInput({"--export", path("x.png").string()}, "--page");
  expectBadInput({"--frobnicate"}, "unknown option '--frobnicate'");
  expectBadInput({"--page"}, "--page needs a value");
}

TEST_F(AppTest, UnwritableOutputIsAnIoError) {
  const RunResult r =
      run({"--page", "topk", "--export", (m_dir / "no-such-dir" / "x.png").string()});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(lineCount(r.err), 1u) << r.err;
}

}  // namespace

TEST_F(AppTest, WindowScreenshotShowsTheComputedPage) {
  const RunResult r = run({"--window-screenshot", path("w.png").string(), "--size", "1400x900"});
  ASSERT_EQ(r.code, 0) << r.err;
  expectNonBlankPng(path("w.png"), 1400, 900);
  // The Su iteration's brown (#8c564b) appears only in computed bars and curves, so an
  // uncomputed page (empty axes) would have none of it.
  const cv::Mat image = cv::imread(path("w.png").string(), cv::IMREAD_COLOR);
  int brown = 0;
  for (int y = 0; y < image.rows; ++y)
    for (int x = 0; x < image.cols; ++x) {
      const cv::Vec3b bgr = image.at<cv::Vec3b>(y, x);
      if (std::abs(bgr[2] - 0x8c) + std::abs(bgr[1] - 0x56) + std::abs(bgr[0] - 0x4b) < 12) ++brown;
    }
  EXPECT_GT(brown, 300) << "the window shows no computed figure";
  expectBadInput({"--window-screenshot", path("w.jpg").string()}, "needs a .png");
}

TEST_F(AppTest, WindowScreenshotOfAPageStillComputingIsRefused) {
  // A side-tuning run of 20,000 steps cannot finish in one second: no half-computed window.
  const RunResult r = run({"--window-screenshot", path("busy.png").string(), "--page", "lst_run",
                           "--set", "steps=20000", "--wait", "1"});
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("did not finish computing within 1 s"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(path("busy.png")));
  expectBadInput({"--window-screenshot", path("w.png").string(), "--wait", "0"},
                 "--wait must be a whole number of seconds");
  expectBadInput({"--page", "topk", "--export", path("t.png").string(), "--wait", "5"},
                 "--wait applies to --window-screenshot only");
}
