// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace latentlab {

/// SHA-256 of FIPS 180-4. No crypto library is a dependency: scenarios only need a content
/// fingerprint of the files a page read (README, "Scenario files"). Feed bytes with update() in
/// any pieces, then call hex() or digest() once.
class Sha256 {
 public:
  Sha256();
  void update(const void* data, std::size_t size);
  void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
  /// Finishes the hash (padding and length); the object must not be updated afterwards.
  std::array<std::uint8_t, 32> digest();
  /// digest() as 64 lower-case hex digits.
  std::string hex();

 private:
  void block(const std::uint8_t* p);

  std::array<std::uint32_t, 8> m_h;
  std::array<std::uint8_t, 64> m_buf{};
  std::size_t m_used = 0;      // bytes in m_buf
  std::uint64_t m_length = 0;  // message length in bytes
  bool m_done = false;
};

/// Hex SHA-256 of `bytes`.
std::string sha256Hex(std::string_view bytes);

/// Hex SHA-256 of a file's bytes, read in 1 MiB chunks; `size` receives the byte count when set.
/// Throws ParamError(key, …) when the file cannot be opened or read.
std::string sha256File(const std::string& path, std::uint64_t* size = nullptr,
                       const std::string& key = "file");

}  // namespace latentlab
