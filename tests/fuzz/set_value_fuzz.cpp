// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// --set values (latentlab::parseValue) for one field of each kind; the first byte picks the kind.
#include "latentlab/common/params.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

const latentlab::FieldSpec& spec(std::uint8_t pick) {
  using latentlab::FieldKind;
  static const latentlab::FieldSpec kSpecs[] = {
      {.key = "tau", .label = "tau", .kind = FieldKind::Real, .min = 1e-3, .max = 1e3},
      {.key = "k", .label = "k", .kind = FieldKind::Integer, .min = 0, .max = 4096},
      {.key = "flag", .label = "flag", .kind = FieldKind::Bool},
      {.key = "mode", .label = "mode", .kind = FieldKind::Choice, .choices = {"a", "bb", "ccc"}},
      {.key = "x",
       .label = "x",
       .kind = FieldKind::Vector,
       .min = -1e6,
       .max = 1e6,
       .minSize = 1,
       .maxSize = 64}};
  return kSpecs[pick % 5];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const latentlab::FieldSpec& s = spec(data[0]);
  latentlab::fuzz::expectOnlyParamError([&] {
    const latentlab::ParamValue v =
        latentlab::parseValue(s, latentlab::fuzz::text(data + 1, size - 1));
    // Whatever parses must pass the same check again and print back to the same value.
    if (latentlab::checkValue(s, v) != v) __builtin_trap();
    if (latentlab::parseValue(s, latentlab::formatValue(v)) != v) __builtin_trap();
  });
  return 0;
}
