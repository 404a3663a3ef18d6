// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "latentlab/common/base64.h"

#include <gtest/gtest.h>

#include <string>

#include "latentlab/common/errors.h"

using latentlab::base64Decode;
using latentlab::base64Encode;
using latentlab::ParamError;

// RFC 4648 §10 test vectors.
TEST(Base64, Rfc4648Vectors) {
  const std::pair<const char*, const char*> kVectors[] = {
      {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},         {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, coded] : kVectors) {
    EXPECT_EQ(base64Encode(plain), coded);
    EXPECT_EQ(base64Decode(coded, "data"), plain);
  }
}

TEST(Base64, EveryByteRoundTrips) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (std::size_t cut = 0; cut < 4; ++cut) {
    const std::string s = all.substr(cut);
    EXPECT_EQ(base64Decode(base64Encode(s), "data"), s) << cut;
  }
}

TEST(Base64, MalformedTextIsRefusedWithTheKey) {
  for (const char* bad : {"Zg=", "Z===", "Zm9v!A==", "Zg==Zg==", "Zh==", "Zm9=", "Zm=v"}) {
    try {
      base64Decode(bad, "inputs[0].data");
      ADD_FAILURE() << bad << " was accepted";
    } catch (const ParamError& e) {
      EXPECT_EQ(e.key(), "inputs[0].data") << bad;
    }
  }
}
