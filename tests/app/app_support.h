// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Running the built latentlab binary from a test: a scratch directory, the run itself, the files.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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

/// Runs the app (offscreen) with `args`, shell text already quoted; stderr goes to `errFile`.
/// Returns the exit status, or −1 when the process did not exit normally.
inline int runApp(const std::string& args, const fs::path& errFile) {
  const std::string cmd = std::string("QT_QPA_PLATFORM=offscreen '") + LATENTLAB_EXE + "' " + args +
                          " > /dev/null 2> '" + errFile.string() + "'";
  const int raw = std::system(cmd.c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

inline std::string readFile(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

}  // namespace latentlab::apptest
