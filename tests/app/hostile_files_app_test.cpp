// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Hostile files through the real command line (tests/data/hostile/README.md): each gives exit 1
// (cannot read or write) or 2 (bad content) with one line on stderr, never a signal.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <initializer_list>
#include <string>

#include "tests/app/app_support.h"

namespace {

namespace fs = std::filesystem;
using latentlab::apptest::readFile;
using latentlab::apptest::runApp;
using latentlab::apptest::tempDir;

const fs::path kData = fs::path(LATENTLAB_SOURCE_DIR) / "tests" / "data" / "hostile";

std::string cat(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& part : parts) out.append(part);
  return out;
}

std::string q(const fs::path& p) { return cat({"'", p.string(), "'"}); }

// Runs, expects `code` and exactly one stderr line containing `needle`.
void expectRun(const std::string& args, int code, const std::string& needle, const fs::path& dir) {
  const int got = runApp(args, dir / "err.txt");
  const std::string err = readFile(dir / "err.txt");
  EXPECT_EQ(got, code) << args << "\n" << err;
  EXPECT_NE(err.find(needle), std::string::npos) << args << "\n" << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
}

TEST(HostileFilesApp, ImagesThatCrashedOrAteMemory) {
  const fs::path d = tempDir("hostile", "images");
  const std::string out = cat({" --export ", q(d / "x.png")});
  expectRun(cat({"--page quant_image --open ", q(kData / "png_signature_only.png"), out}), 2,
            "not a valid image", d);
  expectRun(cat({"--page quant_image --open ", q(kData / "bomb_20000x20000.png"), out}), 2,
            "the limit is 50 megapixels", d);
  expectRun(cat({"--page reflow --open ", q(kData / "bomb_20000x20000.png"), out}), 2,
            "20000×20000", d);
  expectRun(cat({"--page quant_grid --open ", q(kData / "png_signature_only.png"), out}), 2,
            "not a valid image", d);
  EXPECT_FALSE(fs::exists(d / "x.png"));
}

TEST(HostileFilesApp, MatricesAndScenarios) {
  const fs::path d = tempDir("hostile", "data");
  const std::string out = cat({" --export-data ", q(d / "x.json")});
  expectRun(cat({"--page attention_rank --open ", q(kData / "long_header.npy"), " --open ",
                 q(kData / "long_header.npy"), out}),
            2, "longer than 64", d);
  expectRun(cat({"--scenario ", q(kData / "number_overflow.json"), out}), 2, "tau", d);
  expectRun(cat({"--scenario ", q(kData / "version_wraps.json"), out}), 2, "4294967297", d);
  expectRun(cat({"--scenario ", q(kData / "deep_nesting.json"), out}), 2, "deeper than 16", d);
  EXPECT_FALSE(fs::exists(d / "x.json"));
}

TEST(HostileFilesApp, UnboundedOrMissingSourcesExitOne) {
  const fs::path d = tempDir("hostile", "sources");
  const std::string out = cat({" --export-data ", q(d / "x.json")});
  expectRun(cat({"--scenario /dev/zero", out}), 1, "not a regular file", d);
  expectRun(cat({"--scenario ", q(d), out}), 1, "is a directory", d);
  ASSERT_EQ(::mkfifo((d / "fifo").c_str(), 0600), 0);
  expectRun(cat({"--scenario ", q(d / "fifo"), out}), 1, "not a regular file", d);
  expectRun(cat({"--page quant_image --open ", q(d / "missing.png"), out}), 1, "does not exist", d);
  expectRun(cat({"--page quant_image --open ", q(d), out}), 1, "is a directory", d);
}

TEST(HostileFilesApp, SetValuesOutsideTheirGrammar) {
  const fs::path d = tempDir("hostile", "set");
  const std::string out = cat({" --export-data ", q(d / "x.json")});
  expectRun(cat({"--page topk --set tau=1e-400", out}), 2, "outside the range of a double", d);
  expectRun(cat({"--page topk --set x=1,2,", out}), 2, "empty entry", d);
  expectRun(cat({"--page topk --set x=[1,2", out}), 2, "unmatched bracket", d);
}

TEST(HostileFilesApp, ExportImagesFailsCleanlyAndKeepsEarlierFiles) {
  const fs::path d = tempDir("hostile", "images_out");
  // vq.png is a directory that holds a file: the atomic write cannot replace it.
  fs::create_directories(d / "vq.png" / "keep");
  expectRun(cat({"--page quant_image --export-images ", q(d)}), 1, "cannot write", d);
  EXPECT_TRUE(fs::is_directory(d / "vq.png" / "keep"));
  for (const auto& e : fs::directory_iterator(d))
    EXPECT_EQ(e.path().filename().string().find(".png."), std::string::npos) << e.path();
}

}  // namespace
