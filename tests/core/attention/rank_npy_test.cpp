// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The .npy reader: the formats it accepts and a clear ParamError for everything else.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "latentlab/common/errors.h"
#include "latentlab/common/npy.h"

using namespace latentlab;

namespace {

// A hand-built .npy: v1.0 header with the given dict, then raw payload bytes.
std::string npy(const std::string& dict, const std::string& payload) {
  std::string header = dict;
  while ((10 + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  std::string out("\x93NUMPY\x01\x00", 8);
  out += static_cast<char>(header.size() & 0xff);
  out += static_cast<char>(header.size() >> 8);
  return out + header + payload;
}

template <class T>
std::string raw(std::initializer_list<T> values) {
  std::string s;
  for (T v : values) s.append(reinterpret_cast<const char*>(&v), sizeof(T));
  return s;
}

std::string errorText(const std::string& bytes) {
  try {
    parseNpy(bytes, "q_file");
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "q_file");
    return e.what();
  }
  return "<no error>";
}

}  // namespace

TEST(Npy, ReadsFloat64AndFloat32InCOrder) {
  const auto m = parseNpy(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
                              raw<double>({1, 2, 3, 4, 5, 6})),
                          "q_file");
  ASSERT_EQ(m.rows(), 2);
  ASSERT_EQ(m.cols(), 3);
  EXPECT_EQ(m(0, 2), 3.0);
  EXPECT_EQ(m(1, 0), 4.0);
  const auto f = parseNpy(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 1), }",
                              raw<float>({0.5f, -1.25f, 2.0f})),
                          "q_file");
  EXPECT_EQ(f(1, 0), -1.25);
}

TEST(Npy, RoundTripsThroughToNpy) {
  Eigen::MatrixXd m(3, 2);
  m << 1.5, -2, 3e-300, 4, 5, 6.25;
  EXPECT_EQ(parseNpy(toNpy(m), "k_file"), m);
}

TEST(Npy, RejectsWhatItCannotRead) {
  EXPECT_NE(errorText("hello world, not numpy").find("not a .npy"), std::string::npos);
  EXPECT_NE(errorText(npy("{'descr': '<i8', 'fortran_order': False, 'shape': (1, 1), }",
                          raw<long long>({1})))
                .find("float32 or float64"),
            std::string::npos);
  EXPECT_NE(errorText(npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 1), }",
                          raw<double>({1, 2})))
                .find("Fortran"),
            std::string::npos);
  EXPECT_NE(errorText(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2, 2), }",
                          raw<double>({1, 2, 3, 4, 5, 6, 7, 8})))
                .find("3 dimensions"),
            std::string::npos);
  EXPECT_NE(errorText(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }",
                          raw<double>({1, 2, 3})))
                .find("truncated"),
            std::string::npos);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_NE(errorText(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 1), }",
                          raw<double>({1, nan})))
                .find("NaN"),
            std::string::npos);
  EXPECT_THROW(loadNpy("/nonexistent/dir/q.npy", "q_file"), ParamError);
}
