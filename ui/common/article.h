// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <vector>

#include "ui/common/data_table.h"

namespace latentlab::ui {

/// One "what to look at" step of an article panel: a sentence with live numbers from the page's
/// current result, and the bundled scenario that shows it (":/scenarios/<preset>.json"; empty:
/// the sentence is about whatever the page shows).
struct ArticleStep {
  QString text;
  QString preset;
};

/// The article a page illustrates, in the current language: resources/articles/<page>.json.
struct Article {
  struct Source {
    QString title, date, url;
  };
  std::vector<Source> sources;  // Su Jianlin's article(s) on kexue.fm
  QStringList papers;           // "Dong et al. 2021, arXiv:2103.03404"
  QString claim;                // two or three sentences, ours
  QStringList formulas;         // ":/formulas/<name>.svg", typeset from resources/formulas/*.tex
  QString theory;               // "docs/theory/topk.md"
  std::vector<ArticleStep> steps;
  bool isEmpty() const { return sources.empty(); }
};

/// Reads the article of page `pageId` in `language` ("en", "zh_CN"; English where a text lacks
/// it) and fills each step's numbers from `tables` and `values` (the page's exportData() and
/// exportValues()); a number the current result does not hold shows as "—". An empty Article
/// when the page has none. Throws nothing: a malformed file gives an empty Article.
Article loadArticle(const QString& pageId, const QString& language, const QList<DataTable>& tables,
                    const QList<DataValue>& values);

/// The article as rich text (title with link, date, papers, claim), without formulas and steps.
QString articleHeaderHtml(const Article& article);

}  // namespace latentlab::ui
