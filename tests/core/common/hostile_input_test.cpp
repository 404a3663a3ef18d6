// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Hostile .npy, scenario and --set inputs that once crashed, hung or were silently misread
// (tests/data/hostile/README.md): each now ends in a ParamError naming its key.
#include <gtest/gtest.h>

#include <string>

#include "latentlab/common/file_read.h"
#include "latentlab/common/npy.h"
#include "latentlab/common/params.h"
#include "latentlab/common/scenario.h"

namespace latentlab {
namespace {

const std::string kData = LATENTLAB_TEST_DATA_DIR "/hostile/";

template <class F>
ParamError errorOf(F&& f) {
  try {
    f();
  } catch (const ParamError& e) {
    return e;
  }
  ADD_FAILURE() << "no ParamError";
  return ParamError("", "");
}

std::string npyWithHeader(const std::string& dict) {
  std::string header = dict;
  while ((12 + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  std::string out("\x93NUMPY\x02\x00", 8);
  for (int i = 0; i < 4; ++i) out += static_cast<char>((header.size() >> (8 * i)) & 0xff);
  return out + header + std::string(8, '\0');
}

TEST(HostileNpy, LongQuotedHeaderIsAMessageNotAStackOverflow) {
  const ParamError e = errorOf([] { loadNpy(kData + "long_header.npy", "q_file"); });
  EXPECT_EQ(e.key(), "q_file");
  EXPECT_NE(std::string(e.what()).find("longer than 64"), std::string::npos) << e.what();
}

TEST(HostileNpy, HeaderLimitsAndMalformedDicts) {
  // Numpy pads headers with spaces: a long padded header is still valid.
  const std::string padded =
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }" + std::string(30000, ' ');
  EXPECT_EQ(parseNpy(npyWithHeader(padded), "q_file").size(), 1);
  const std::string huge =
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }" + std::string(70000, ' ');
  EXPECT_NE(std::string(errorOf([&] { parseNpy(npyWithHeader(huge), "q_file"); }).what())
                .find("the limit is 65535"),
            std::string::npos);
  for (const std::string dict :
       {"{'descr': '<f8', 'fortran_order': False}", "{'descr': '<f8' 'shape': (1,)}",
        "{'descr': '<f8', 'fortran_order': Maybe, 'shape': (1, 1), }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1, -1), }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999, 1), }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), 'extra': 1}", "{'descr: '<f8'",
        "", "{", "{'shape': ((((((((((1,),),),),),),),),),)}"}) {
    const ParamError e = errorOf([&] { parseNpy(npyWithHeader(dict), "k_file"); });
    EXPECT_EQ(e.key(), "k_file") << dict;
    EXPECT_NE(std::string(e.what()).find(".npy"), std::string::npos) << dict << ": " << e.what();
  }
  // Python 2 long suffixes and a 1-D shape are numpy's own output.
  const auto v = parseNpy(
      npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1L,), }"), "q_file");
  EXPECT_EQ(v.rows(), 1);
}

TEST(HostileNpy, DirectoriesAndDevicesAreFileErrors) {
  EXPECT_THROW(loadNpy(kData, "q_file"), FileError);
  EXPECT_THROW(loadNpy("/dev/zero", "q_file"), FileError);
}

TEST(HostileScenario, NumberOverflowNamesTheKey) {
  const std::string text = readTextFile(kData + "number_overflow.json");
  const ParamError e = errorOf([&] { scenarioFromJson(text); });
  EXPECT_EQ(e.key(), "tau");
  EXPECT_NE(std::string(e.what()).find("out of the double range"), std::string::npos) << e.what();
  EXPECT_EQ(std::string(e.what()).find("json.exception"), std::string::npos) << e.what();
}

TEST(HostileScenario, VersionIsComparedBeforeItIsNarrowed) {
  const ParamError e =
      errorOf([] { scenarioFromJson(readTextFile(kData + "version_wraps.json")); });
  EXPECT_EQ(e.key(), "version");
  EXPECT_NE(std::string(e.what()).find("4294967297"), std::string::npos) << e.what();
  for (const char* v : {"-1", "0", "2", "1.5", "18446744073709551616"})
    EXPECT_THROW(scenarioFromJson(std::string(R"({"version": )") + v + R"(, "page": "topk"})"),
                 ParamError)
        << v;
  EXPECT_EQ(scenarioFromJson(R"({"version": 1, "page": "topk"})").version, 1);
}

TEST(HostileScenario, DeepNestingIsRefusedWhileParsing) {
  const ParamError e = errorOf([] { scenarioFromJson(readTextFile(kData + "deep_nesting.json")); });
  EXPECT_NE(std::string(e.what()).find("deeper than 16"), std::string::npos) << e.what();
}

TEST(HostileScenario, UnboundedSourcesAreRefusedByType) {
  EXPECT_THROW(readTextFile("/dev/zero"), FileError);
  EXPECT_THROW(readTextFile(kData), FileError);
  EXPECT_EQ(errorOf([] { readTextFile("/dev/zero"); }).key(), "file");
}

TEST(HostileSet, NumbersOutsideTheDoubleRangeSaySo) {
  const FieldSpec tau{.key = "tau", .label = "tau", .kind = FieldKind::Real, .min = 0, .max = 10};
  for (const char* text : {"1e-400", "1e400", "-1e999"}) {
    const ParamError e = errorOf([&] { parseValue(tau, text); });
    EXPECT_NE(std::string(e.what()).find("outside the range of a double"), std::string::npos)
        << text << ": " << e.what();
  }
}

TEST(HostileSet, ListsNeedEveryEntryAndMatchingBrackets) {
  const FieldSpec x{
      .key = "x", .label = "x", .kind = FieldKind::Vector, .min = -10, .max = 10, .maxSize = 8};
  for (const char* text : {"1,2,", ",1", "1,,2", "[1,2", "1,2]", "[", "]", "[1,2,]"})
    EXPECT_THROW(parseValue(x, text), ParamError) << text;
  EXPECT_EQ(parseValue(x, "[1, 2]"), ParamValue(std::vector<double>{1, 2}));
  EXPECT_EQ(parseValue(x, " 1 ,2,3 "), ParamValue(std::vector<double>{1, 2, 3}));
  // A list far past maxSize stops at the limit instead of parsing every entry first.
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "1,";
  many += "1";
  EXPECT_NE(std::string(errorOf([&] { parseValue(x, many); }).what()).find("between 1 and 8"),
            std::string::npos);
}

}  // namespace
}  // namespace latentlab
