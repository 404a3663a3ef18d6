// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "latentlab/common/errors.h"

namespace latentlab {

/// Kinds of parameter a page exposes; the UI picks its widget from the kind.
enum class FieldKind { Real, Integer, Bool, Choice, Vector };

/// One parameter value. Integer fields hold an integral double; Choice fields hold the choice id.
using ParamValue = std::variant<double, bool, std::string, std::vector<double>>;
/// Parameters by key, as they travel to JSON, the command line and the UI form.
using ParamSet = std::map<std::string, ParamValue>;

/// Description of one field: the UI form, the JSON schema and the CLI all read it from here.
struct FieldSpec {
  std::string key;    // JSON / --set key
  std::string label;  // UI label (English; the UI translates)
  FieldKind kind = FieldKind::Real;
  double min = 0.0;                       // Real/Integer: smallest value; Vector: smallest entry
  double max = 1.0;                       // Real/Integer: largest value; Vector: largest entry
  bool logScale = false;                  // slider moves in log space (temperatures, step sizes)
  bool slider = true;                     // Real/Integer: a slider beside the spin box (off for
                                          // seeds and ranges too wide to drag through)
  std::vector<std::string> choices = {};  // Choice: allowed ids
  std::vector<std::string> choiceLabels = {};  // Choice: labels shown (same order), may be empty
  int minSize = 1;                             // Vector: fewest entries
  int maxSize = 64;                            // Vector: most entries
  std::string help = {};                       // tooltip: meaning and unit
  ParamValue def = 0.0;                        // default, filled from the Params struct's defaults
};

/// Checks `value` against `spec` and returns it normalised (an Integer is rounded only when it is
/// integral already). Throws ParamError naming the key on a wrong type, NaN/Inf, a value out of
/// range, an unknown choice or a vector of the wrong length.
ParamValue checkValue(const FieldSpec& spec, const ParamValue& value);

/// Parses command-line text for one field: "1.5", "true"/"false"/"1"/"0", a choice id, or a
/// vector "3,2,1,4" / "[3, 2, 1, 4]". Throws ParamError naming the key.
ParamValue parseValue(const FieldSpec& spec, std::string_view text);

/// Short text form of a value, the inverse of parseValue for every kind.
std::string formatValue(const ParamValue& value);

/// The "precision" choice of a page with float32 kernels (latentlab/common/arithmetic.h):
/// float64 or float32, labelled "Arithmetic", with the page's own help text.
FieldSpec arithmeticField(std::string help);

/// Finds a field by key, or nullptr.
const FieldSpec* findField(const std::vector<FieldSpec>& specs, std::string_view key);

/// Checks every entry of `set` against `specs`: unknown keys and bad values throw ParamError.
void checkParamSet(const std::vector<FieldSpec>& specs, const ParamSet& set);

/// Binds a FieldSpec to a member of a Params struct, so one table gives the field, the getter and
/// the setter. Build tables with bindField(); read them with toParamSet()/fromParamSet().
template <class P>
struct FieldBinding {
  FieldSpec spec;
  std::function<ParamValue(const P&)> get;
  std::function<void(P&, const ParamValue&)> set;
};

template <class P, class M>
FieldBinding<P> bindField(FieldSpec spec, M P::*member) {
  FieldBinding<P> b;
  b.spec = std::move(spec);
  if constexpr (std::is_same_v<M, bool> || std::is_same_v<M, std::string> ||
                std::is_same_v<M, std::vector<double>>) {
    b.get = [member](const P& p) { return ParamValue(p.*member); };
    b.set = [member](P& p, const ParamValue& v) { p.*member = std::get<M>(v); };
  } else if constexpr (std::is_enum_v<M>) {
    // Choice: the enum's underlying value indexes spec.choices.
    b.get = [member, choices = b.spec.choices](const P& p) {
      return ParamValue(choices.at(static_cast<std::size_t>(p.*member)));
    };
    b.set = [member, choices = b.spec.choices](P& p, const ParamValue& v) {
      const auto& id = std::get<std::string>(v);
      for (std::size_t i = 0; i < choices.size(); ++i)
        if (choices[i] == id) p.*member = static_cast<M>(i);
    };
  } else {
    static_assert(std::is_arithmetic_v<M>, "bindField: unsupported member type");
    b.get = [member](const P& p) { return ParamValue(static_cast<double>(p.*member)); };
    b.set = [member](P& p, const ParamValue& v) {
      p.*member = static_cast<M>(std::get<double>(v));
    };
  }
  b.spec.def = b.get(P{});
  return b;
}

template <class P>
std::vector<FieldSpec> specsOf(const std::vector<FieldBinding<P>>& table) {
  std::vector<FieldSpec> out;
  for (const auto& b : table) out.push_back(b.spec);
  return out;
}

template <class P>
ParamSet toParamSet(const P& p, const std::vector<FieldBinding<P>>& table) {
  ParamSet out;
  for (const auto& b : table) out[b.spec.key] = b.get(p);
  return out;
}

/// Applies `set` on top of `base`: missing keys keep base's values; unknown keys and bad values
/// throw ParamError and leave nothing half-applied (the result is built on a copy).
template <class P>
P fromParamSet(const ParamSet& set, const std::vector<FieldBinding<P>>& table, P base = P{}) {
  checkParamSet(specsOf(table), set);
  for (const auto& b : table) {
    auto it = set.find(b.spec.key);
    if (it != set.end()) b.set(base, checkValue(b.spec, it->second));
  }
  return base;
}

}  // namespace latentlab
