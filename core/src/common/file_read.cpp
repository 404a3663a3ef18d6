// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "latentlab/common/file_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "latentlab/common/errors.h"

namespace latentlab {

std::string formatBytes(std::size_t bytes) {
  char buf[64];
  if (bytes >= (std::size_t{1} << 20))
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  else if (bytes >= 1024)
    std::snprintf(buf, sizeof buf, "%zu KiB", bytes / 1024);
  else
    std::snprintf(buf, sizeof buf, "%zu bytes", bytes);
  return buf;
}

std::string readFileBounded(const std::string& path, std::size_t maxBytes, const std::string& key,
                            const std::string& what) {
  const std::string name = "'" + path + "'";
  if (path.empty()) throw ParamError(key, "no " + what + " given");
  // Open without blocking (a FIFO would wait for a writer), then ask the open descriptor what it
  // is: no window between the check and the read.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) throw FileError(key, "the " + what + " " + name + " does not exist");
    throw FileError(key, "cannot open the " + what + " " + name + ": " + std::strerror(err));
  }
  const std::unique_ptr<int, void (*)(int*)> closer(new int(fd), [](int* p) {
    ::close(*p);
    delete p;
  });
  struct stat st {};
  if (::fstat(fd, &st) != 0)
    throw FileError(key, "cannot read the " + what + " " + name + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw FileError(key, name + " is a directory, not a " + what);
  if (!S_ISREG(st.st_mode))
    throw FileError(key, name + " is not a regular file (a pipe, device or socket); choose a " +
                             what + " on disk");
  if (static_cast<unsigned long long>(st.st_size) > maxBytes)
    throw ParamError(key, "the " + what + " " + name + " is " +
                              formatBytes(static_cast<std::size_t>(st.st_size)) +
                              "; the limit is " + formatBytes(maxBytes));
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(st.st_size));
  char chunk[1 << 16];
  while (true) {
    const ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw FileError(key, "cannot read the " + what + " " + name + ": " + std::strerror(errno));
    }
    if (got == 0) break;
    if (bytes.size() + static_cast<std::size_t>(got) > maxBytes)
      throw ParamError(key, "the " + what + " " + name + " is larger than the limit of " +
                                formatBytes(maxBytes));
    bytes.append(chunk, static_cast<std::size_t>(got));
  }
  return bytes;
}

void writeFileAtomically(const std::string& path, const void* data, std::size_t size,
                         const std::string& key) {
  std::string temp = path + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw FileError(key, "cannot write '" + path + "': " + std::strerror(errno));
  const auto* p = static_cast<const char*>(data);
  std::size_t left = size;
  int err = 0;
  while (left > 0 && err == 0) {
    const ssize_t wrote = ::write(fd, p, left);
    if (wrote < 0 && errno != EINTR) err = errno;
    if (wrote > 0) p += wrote, left -= static_cast<std::size_t>(wrote);
  }
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  // mkstemp makes the file 0600; give it the usual permissions for a user's file.
  if (err == 0) ::chmod(temp.c_str(), 0644);
  if (err == 0 && std::rename(temp.c_str(), path.c_str()) != 0) err = errno;
  if (err != 0) {
    std::remove(temp.c_str());
    throw FileError(key, "cannot write '" + path + "': " + std::strerror(err));
  }
}

}  // namespace latentlab
