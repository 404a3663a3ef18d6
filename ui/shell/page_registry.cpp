// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/shell/page_registry.h"

#include <QCoreApplication>

#include "ui/pages/attention/attention_rank_page.h"
#include "ui/pages/attention/efficient_attention_page.h"
#include "ui/pages/finetune/lst_memory_page.h"
#include "ui/pages/finetune/lst_run_page.h"
#include "ui/pages/flows/fokker_planck_page.h"
#include "ui/pages/flows/reflow_page.h"
#include "ui/pages/flows/reflow_wgan_page.h"
#include "ui/pages/quantization/quant_grid_page.h"
#include "ui/pages/quantization/quant_image_page.h"
#include "ui/pages/topk/topk_page.h"
#include "ui/shell/language.h"
#include "ui/shell/scenario_io.h"

namespace latentlab::ui {

namespace {

// Ordered by area as the navigator shows them: Top-k, Attention, Quantization, Flows,
// Fine-tuning.
std::vector<PageInfo> makeRegistry() {
  return {
      {QStringLiteral("topk"), QCoreApplication::translate("PageRegistry", "Top-k"),
       QCoreApplication::translate("PageRegistry", "Smooth Top-k"),
       QStringLiteral(":/icons/topk.svg"), [] { return static_cast<Page*>(new TopkPage); }},
      {QStringLiteral("attention_rank"), QCoreApplication::translate("PageRegistry", "Attention"),
       QCoreApplication::translate("PageRegistry", "Attention rank"),
       QStringLiteral(":/icons/attention.svg"),
       [] { return static_cast<Page*>(new AttentionRankPage); }},
      {QStringLiteral("efficient_attention"),
       QCoreApplication::translate("PageRegistry", "Attention"),
       QCoreApplication::translate("PageRegistry", "Efficient attention"),
       QStringLiteral(":/icons/attention.svg"),
       [] { return static_cast<Page*>(new EfficientAttentionPage); }},
      {QStringLiteral("quant_grid"), QCoreApplication::translate("PageRegistry", "Quantization"),
       QCoreApplication::translate("PageRegistry", "FSQ vs VQ grid"),
       QStringLiteral(":/icons/quantization.svg"),
       [] { return static_cast<Page*>(new QuantGridPage); }},
      {QStringLiteral("quant_image"), QCoreApplication::translate("PageRegistry", "Quantization"),
       QCoreApplication::translate("PageRegistry", "Image reconstruction"),
       QStringLiteral(":/icons/quantization.svg"),
       [] { return static_cast<Page*>(new QuantImagePage); }},
      {QStringLiteral("fokker_planck"), QCoreApplication::translate("PageRegistry", "Flows"),
       QCoreApplication::translate("PageRegistry", "Fokker–Planck"),
       QStringLiteral(":/icons/flows.svg"),
       [] { return static_cast<Page*>(new FokkerPlanckPage); }},
      {QStringLiteral("reflow"), QCoreApplication::translate("PageRegistry", "Flows"),
       QCoreApplication::translate("PageRegistry", "ReFlow"), QStringLiteral(":/icons/flows.svg"),
       [] { return static_cast<Page*>(new ReflowPage); }},
      {QStringLiteral("reflow_wgan"), QCoreApplication::translate("PageRegistry", "Flows"),
       QCoreApplication::translate("PageRegistry", "ReFlow → WGAN-GP"),
       QStringLiteral(":/icons/flows.svg"), [] { return static_cast<Page*>(new ReflowWganPage); }},
      {QStringLiteral("lst_memory"), QCoreApplication::translate("PageRegistry", "Fine-tuning"),
       QCoreApplication::translate("PageRegistry", "Memory accountant"),
       QStringLiteral(":/icons/finetune.svg"),
       [] { return static_cast<Page*>(new LstMemoryPage); }},
      {QStringLiteral("lst_run"), QCoreApplication::translate("PageRegistry", "Fine-tuning"),
       QCoreApplication::translate("PageRegistry", "Side-tuning run"),
       QStringLiteral(":/icons/finetune.svg"), [] { return static_cast<Page*>(new LstRunPage); }},
  };
}

}  // namespace

const std::vector<PageInfo>& pageRegistry() {
  initResources();  // the table's icons live in the resources
  // Built on first use, after QCoreApplication exists, so tr() sees the installed translators,
  // and again after applyLanguage() (View ▸ Language, which also rebuilds the window).
  static std::vector<PageInfo> pages;
  static QString builtFor;
  if (pages.empty() || builtFor != currentLanguage()) {
    pages = makeRegistry();
    builtFor = currentLanguage();
  }
  return pages;
}

const PageInfo* findPage(const QString& id) {
  for (const PageInfo& info : pageRegistry())
    if (info.id == id) return &info;
  return nullptr;
}

}  // namespace latentlab::ui
