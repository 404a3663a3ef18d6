// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <cstddef>
#include <string>

#include "latentlab/common/errors.h"

namespace latentlab {

/// A file that cannot be read or written at all (missing, a directory, a pipe, permission, an I/O
/// error), as opposed to one whose content is wrong. Still a ParamError, so every loader boundary
/// that catches ParamError handles it; the command line exits 1 for it instead of 2.
class FileError : public ParamError {
 public:
  using ParamError::ParamError;
};

/// Reads a whole regular file, refusing it before it costs memory: directories, FIFOs, devices
/// and sockets are refused by type, and the bytes are read in chunks that stop one byte past
/// `maxBytes`, so a file that grows, lies about its size (/proc, /dev/zero) or has no size is
/// never trusted to tellg(). Every failure is a ParamError(`key`) whose text names the path,
/// what it is (`what`, e.g. "scenario file") and the limit; a missing or unreadable file says so
/// with the operating system's reason.
std::string readFileBounded(const std::string& path, std::size_t maxBytes, const std::string& key,
                            const std::string& what);

/// Writes `size` bytes to `path` through a temporary file in the same folder and a rename, so
/// the target appears only when complete and a failure (disk full, no permission) leaves any
/// previous file as it was. Throws FileError(`key`) with the operating system's reason.
void writeFileAtomically(const std::string& path, const void* data, std::size_t size,
                         const std::string& key);

/// "12.0 MiB", "300 KiB", "17 bytes": sizes in messages.
std::string formatBytes(std::size_t bytes);

}  // namespace latentlab
