// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/shell/page_registry.h"

#include <QCoreApplication>

#include "ui/pages/topk/topk_page.h"
#include "ui/shell/scenario_io.h"

namespace latentlab::ui {

const std::vector<PageInfo>& pageRegistry() {
  initResources();  // the table's icons live in the resources
  // Built on first use, after QCoreApplication exists, so tr() sees the installed translators.
  static const std::vector<PageInfo> kPages = {
      {QStringLiteral("topk"), QCoreApplication::translate("PageRegistry", "Top-k"),
       QCoreApplication::translate("PageRegistry", "Smooth Top-k"),
       QStringLiteral(":/icons/topk.svg"), [] { return static_cast<Page*>(new TopkPage); }},
  };
  return kPages;
}

const PageInfo* findPage(const QString& id) {
  for (const PageInfo& info : pageRegistry())
    if (info.id == id) return &info;
  return nullptr;
}

}  // namespace latentlab::ui
