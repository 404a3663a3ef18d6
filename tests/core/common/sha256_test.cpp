// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "latentlab/common/sha256.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "latentlab/common/errors.h"

using latentlab::ParamError;
using latentlab::Sha256;
using latentlab::sha256File;
using latentlab::sha256Hex;

// FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf").
TEST(Sha256, FipsVectors) {
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // The 448-bit message: its padding needs a second block.
  EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, PiecesGiveTheSameDigestAsOneUpdate) {
  // One million 'a' (FIPS 180-2 appendix B.3), fed in pieces that straddle block boundaries.
  Sha256 h;
  const std::string piece(997, 'a');
  std::size_t fed = 0;
  while (fed + piece.size() <= 1000000) {
    h.update(piece);
    fed += piece.size();
  }
  h.update(std::string(1000000 - fed, 'a'));
  EXPECT_EQ(h.hex(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Every length around the 55/56/64-byte padding edges agrees with a byte-at-a-time feed.
  for (std::size_t n = 50; n <= 130; ++n) {
    const std::string msg(n, static_cast<char>('0' + n % 10));
    Sha256 bytewise;
    for (const char c : msg) bytewise.update(&c, 1);
    EXPECT_EQ(bytewise.hex(), sha256Hex(msg)) << n;
  }
}

TEST(Sha256, FileDigestAndSizeMatchTheBytes) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("latentlab_sha_" + std::to_string(::getpid()) + ".bin");
  std::string bytes;
  for (int i = 0; i < 3 * 1024 * 1024 + 5; ++i) bytes += static_cast<char>(i * 7 % 251);
  std::ofstream(path, std::ios::binary) << bytes;
  std::uint64_t size = 0;
  EXPECT_EQ(sha256File(path.string(), &size), sha256Hex(bytes));  // several 1 MiB chunks
  EXPECT_EQ(size, bytes.size());
  std::filesystem::remove(path);
  EXPECT_THROW(sha256File(path.string()), ParamError);
}
