// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The bounded reader under every loader, and atomic writes: what is not a regular file is refused
// by type without blocking, sizes are never trusted to tellg(), and a failed write keeps the old
// file.
#include "latentlab/common/file_read.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace latentlab {
namespace {

namespace fs = std::filesystem;

fs::path tempDir() {
  const fs::path dir =
      fs::temp_directory_path() / ("latentlab_file_read_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

std::string messageOf(const std::string& path, std::size_t limit, bool expectFileError) {
  try {
    readFileBounded(path, limit, "file", "test file");
  } catch (const FileError& e) {
    EXPECT_TRUE(expectFileError) << e.what();
    EXPECT_EQ(e.key(), "file");
    return e.what();
  } catch (const ParamError& e) {
    EXPECT_FALSE(expectFileError) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error for " << path;
  return {};
}

TEST(FileRead, ReadsARegularFileWhole) {
  const auto path = tempDir() / "small.txt";
  std::ofstream(path, std::ios::binary) << std::string(200000, 'x');  // several chunks
  EXPECT_EQ(readFileBounded(path.string(), 200000, "file", "test file").size(), 200000u);
}

TEST(FileRead, RefusesWhatIsNotARegularFileByType) {
  EXPECT_NE(messageOf(tempDir().string(), 1 << 20, true).find("is a directory"), std::string::npos);
  EXPECT_NE(messageOf("/dev/zero", 1 << 20, true).find("not a regular file"), std::string::npos);
  // A FIFO with no writer: opening it must not block, and it is refused by type.
  const auto fifo = tempDir() / "fifo";
  fs::remove(fifo);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_NE(messageOf(fifo.string(), 1 << 20, true).find("not a regular file"), std::string::npos);
  EXPECT_NE(messageOf((tempDir() / "missing").string(), 1 << 20, true).find("does not exist"),
            std::string::npos);
}

TEST(FileRead, SizeLimitsNameTheSizeAndTheLimit) {
  const auto path = tempDir() / "big.bin";
  std::ofstream(path, std::ios::binary) << std::string(5000, 'x');
  const std::string m = messageOf(path.string(), 4096, false);
  EXPECT_NE(m.find("4 KiB"), std::string::npos) << m;
  // /proc files report size 0 and hold more: the chunked read stops at the limit all the same.
  if (fs::exists("/proc/self/maps")) {
    EXPECT_NE(messageOf("/proc/self/maps", 16, false).find("larger than the limit"),
              std::string::npos);
  }
}

TEST(FileRead, AtomicWriteReplacesOnlyOnSuccess) {
  const auto path = tempDir() / "out.bin";
  writeFileAtomically(path.string(), "first", 5, "path");
  writeFileAtomically(path.string(), "second", 6, "path");
  EXPECT_EQ(readFileBounded(path.string(), 100, "file", "test file"), "second");
  // The target is a non-empty directory: the rename fails, the error says why, nothing is left.
  const auto dir = tempDir() / "occupied";
  fs::create_directories(dir / "inside");
  EXPECT_THROW(writeFileAtomically(dir.string(), "x", 1, "path"), FileError);
  EXPECT_TRUE(fs::is_directory(dir / "inside"));
  for (const auto& e : fs::directory_iterator(tempDir()))
    EXPECT_EQ(e.path().filename().string().find("occupied."), std::string::npos) << e.path();
  EXPECT_THROW(writeFileAtomically((tempDir() / "no/such/dir/x").string(), "x", 1, "path"),
               FileError);
}

}  // namespace
}  // namespace latentlab
