// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Scenario JSON text → Scenario → each page's checked params and its validate(), as the window
// and the command line apply a scenario: JSON errors, unknown keys, wrong types, out-of-range
// values and cross-field rules must all end as ParamError.
#include "latentlab/attention/attention_rank.h"
#include "latentlab/attention/efficient_lab.h"
#include "latentlab/common/scenario.h"
#include "latentlab/finetune/memory_model.h"
#include "latentlab/finetune/side_tuning.h"
#include "latentlab/flows/fp_lab.h"
#include "latentlab/flows/reflow_lab.h"
#include "latentlab/flows/wgan_lab.h"
#include "latentlab/quantization/grid_lab.h"
#include "latentlab/quantization/image_lab.h"
#include "latentlab/topk/topk_lab.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace latentlab;

template <class P>
void apply(const Scenario& s, const std::vector<FieldBinding<P>>& table) {
  fuzz::expectOnlyParamError([&] {
    const P p = fromParamSet(s.params, table);
    validate(p);
  });
}

void applyToPage(const Scenario& s, const std::string& id) {
  if (id == "topk")
    apply(s, topk::topkLabFields());
  else if (id == "attention_rank")
    apply(s, attention::attentionRankFields());
  else if (id == "efficient_attention")
    apply(s, attention::efficientLabFields());
  else if (id == "quant_grid")
    apply(s, quantization::gridLabFields());
  else if (id == "quant_image")
    apply(s, quantization::imageLabFields());
  else if (id == "fokker_planck")
    apply(s, flows::fpLabFields());
  else if (id == "reflow")
    apply(s, flows::reflowLabFields());
  else if (id == "reflow_wgan")
    apply(s, flows::wganLabFields());
  else if (id == "lst_memory")
    apply(s, finetune::memoryLabFields());
  else if (id == "lst_run")
    apply(s, finetune::sideTuningFields());
}

const char* const kPages[] = {
    "topk",          "attention_rank", "efficient_attention", "quant_grid", "quant_image",
    "fokker_planck", "reflow",         "reflow_wgan",         "lst_memory", "lst_run"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::expectOnlyParamError([&] {
    const Scenario s = scenarioFromJson(fuzz::text(data, size));
    // A scenario must read back from what it writes.
    if (scenarioFromJson(scenarioToJson(s)).params != s.params) __builtin_trap();
    bool known = false;
    for (const char* id : kPages) known = known || s.page == id;
    if (known) {
      applyToPage(s, s.page);
    } else {
      for (const char* id : kPages) applyToPage(s, id);  // unknown id: every page's rules
    }
  });
  return 0;
}
