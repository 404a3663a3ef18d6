// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "latentlab/common/params.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "latentlab/common/scenario.h"

using namespace latentlab;

namespace {

enum class Flavour { Sweet, Sour };

struct Demo {
  double tau = 1.0;                 // temperature
  int k = 2;                        // count
  bool flag = false;                // switch
  Flavour flavour = Flavour::Sour;  // choice
  std::vector<double> x{3, 2, 1, 4};
};

std::vector<FieldBinding<Demo>> table() {
  return {
      bindField(FieldSpec{.key = "tau",
                          .label = "τ",
                          .kind = FieldKind::Real,
                          .min = 1e-3,
                          .max = 1e4,
                          .logScale = true},
                &Demo::tau),
      bindField(
          FieldSpec{.key = "k", .label = "k", .kind = FieldKind::Integer, .min = 0, .max = 64},
          &Demo::k),
      bindField(FieldSpec{.key = "flag", .label = "flag", .kind = FieldKind::Bool}, &Demo::flag),
      bindField(FieldSpec{.key = "flavour",
                          .label = "flavour",
                          .kind = FieldKind::Choice,
                          .choices = {"sweet", "sour"}},
                &Demo::flavour),
      bindField(FieldSpec{.key = "x",
                          .label = "x",
                          .kind = FieldKind::Vector,
                          .min = -1e6,
                          .max = 1e6,
                          .minSize = 2,
                          .maxSize = 64},
                &Demo::x),
  };
}

}  // namespace

TEST(Params, DefaultsComeFromTheStruct) {
  const auto t = table();
  EXPECT_EQ(std::get<double>(t[0].spec.def), 1.0);
  EXPECT_EQ(std::get<double>(t[1].spec.def), 2.0);
  EXPECT_EQ(std::get<std::string>(t[3].spec.def), "sour");
}

TEST(Params, RoundTripThroughParamSet) {
  const auto t = table();
  Demo d;
  d.tau = 0.25;
  d.k = 3;
  d.flag = true;
  d.flavour = Flavour::Sweet;
  d.x = {1, 2};
  const Demo back = fromParamSet(toParamSet(d, t), t);
  EXPECT_EQ(back.tau, 0.25);
  EXPECT_EQ(back.k, 3);
  EXPECT_TRUE(back.flag);
  EXPECT_EQ(back.flavour, Flavour::Sweet);
  EXPECT_EQ(back.x, (std::vector<double>{1, 2}));
}

TEST(Params, ErrorsNameTheKey) {
  const auto t = table();
  auto expectKey = [&](const ParamSet& s, const std::string& key) {
    try {
      fromParamSet(s, t);
      ADD_FAILURE() << "no error for " << key;
    } catch (const ParamError& e) {
      EXPECT_EQ(e.key(), key) << e.what();
    }
  };
  expectKey({{"tau", 0.0}}, "tau");
  expectKey({{"tau", std::numeric_limits<double>::quiet_NaN()}}, "tau");
  expectKey({{"k", 2.5}}, "k");
  expectKey({{"flavour", std::string("bitter")}}, "flavour");
  expectKey({{"x", std::vector<double>{1}}}, "x");
  expectKey({{"x", std::vector<double>{1, std::numeric_limits<double>::infinity()}}}, "x[1]");
  expectKey({{"nope", 1.0}}, "nope");
  expectKey({{"flag", std::string("yes")}}, "flag");
}

TEST(Params, ParseValueFromCommandLineText) {
  const auto t = table();
  EXPECT_EQ(std::get<double>(parseValue(t[0].spec, "0.5")), 0.5);
  EXPECT_EQ(std::get<bool>(parseValue(t[2].spec, "true")), true);
  EXPECT_EQ(std::get<std::vector<double>>(parseValue(t[4].spec, "[3, 2,1 ,4]")),
            (std::vector<double>{3, 2, 1, 4}));
  EXPECT_THROW(parseValue(t[0].spec, "abc"), ParamError);
  EXPECT_THROW(parseValue(t[4].spec, "1,,2"), ParamError);
  EXPECT_EQ(formatValue(parseValue(t[4].spec, "1.5,2")), "1.5,2");
}

TEST(Scenario, RoundTripAndErrors) {
  Scenario s;
  s.page = "topk";
  s.seed = 99;
  s.appVersion = "0.1.0";
  s.params = {{"tau", 0.5},
              {"flag", true},
              {"flavour", std::string("sweet")},
              {"x", std::vector<double>{1, 2, 3}}};
  const Scenario back = scenarioFromJson(scenarioToJson(s));
  EXPECT_EQ(back.page, "topk");
  EXPECT_EQ(back.seed, 99u);
  EXPECT_EQ(back.params, s.params);

  auto keyOf = [](const std::string& text) {
    try {
      scenarioFromJson(text);
    } catch (const ParamError& e) {
      return e.key();
    }
    return std::string("<no error>");
  };
  EXPECT_EQ(keyOf("{not json"), "json");
  EXPECT_EQ(keyOf(R"({"version": 2, "page": "topk"})"), "version");
  EXPECT_EQ(keyOf(R"({"version": 1})"), "page");
  EXPECT_EQ(keyOf(R"({"version": 1, "page": "topk", "seed": -1})"), "seed");
  EXPECT_EQ(keyOf(R"({"version": 1, "page": "topk", "colour": 1})"), "colour");
  EXPECT_EQ(keyOf(R"({"version": 1, "page": "topk", "params": {"x": [1, "a"]}})"), "x");
}

TEST(Params, FormatValueIsShortestRoundTrip) {
  EXPECT_EQ(formatValue(ParamValue(std::vector<double>{0.6, 0.8, -2.6})), "0.6,0.8,-2.6");
  EXPECT_EQ(formatValue(ParamValue(0.1 + 0.2)), "0.30000000000000004");  // exact, not rounded
  EXPECT_EQ(formatValue(ParamValue(1e-300)), "1e-300");
}
