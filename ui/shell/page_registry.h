// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>
#include <functional>
#include <vector>

namespace latentlab::ui {

class Page;

/// One row of the page table: MainWindow and the command line know pages only through it.
struct PageInfo {
  QString id;        // "topk": command line and scenario id
  QString area;      // navigator group: "Top-k", "Attention", ...
  QString title;     // "Smooth Top-k"
  QString iconPath;  // ":/icons/topk.svg"
  std::function<Page*()> factory;
};

/// The registry table (ui/shell/page_registry.cpp lists every page).
const std::vector<PageInfo>& pageRegistry();
const PageInfo* findPage(const QString& id);

}  // namespace latentlab::ui
