// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QPointer>
#include <QWidget>

#include "ui/common/article.h"

class QLabel;
class QSvgRenderer;
class QVBoxLayout;

namespace latentlab::ui {

class Page;

/// The "Article" panel: the article a page illustrates (title, date, link, papers), the claim in
/// two or three sentences, its key formulas typeset (SVG, vector in exports) and "what to look
/// at": sentences with live numbers from the page's current result, each with a button that sets
/// the page to the bundled scenario that shows it. The window docks one beside the parameters;
/// an export asked for it (--article) puts one, without buttons, beside the figure.
class ArticlePanel : public QWidget {
  Q_OBJECT
 public:
  explicit ArticlePanel(QWidget* parent = nullptr, bool forExport = false);

  /// Shows `page`'s article and follows its results (nullptr: empty).
  void setPage(Page* page);
  /// Reloads the article and its numbers from the page's current result.
  void refresh();
  const Article& article() const { return m_article; }

 signals:
  /// A step's button: the page should open this scenario (":/scenarios/….json").
  void stepRequested(const QString& scenarioPath);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void rebuild();

  bool m_export = false;
  bool m_refreshPending = false;
  QPointer<Page> m_page;
  Article m_article;
  QVBoxLayout* m_layout = nullptr;
  QWidget* m_body = nullptr;
};

/// A typeset formula from an SVG resource, scaled to its width (never wider than its natural
/// size); painted as vectors, and tinted with the palette's text colour on a dark theme.
class FormulaView : public QWidget {
  Q_OBJECT
 public:
  explicit FormulaView(const QString& svgPath, QWidget* parent = nullptr);
  bool isValid() const;
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QSvgRenderer* m_svg = nullptr;  // parsed once, drawn on every paint
  QSizeF m_natural;               // logical pixels at 11 pt (the LaTeX size) on a 96-dpi layout
};

}  // namespace latentlab::ui
