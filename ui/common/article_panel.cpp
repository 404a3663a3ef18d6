// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/article_panel.h"

#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSvgRenderer>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/common/figure_label.h"
#include "ui/common/page.h"
#include "ui/shell/language.h"

namespace latentlab::ui {

FormulaView::FormulaView(const QString& svgPath, QWidget* parent)
    : QWidget(parent), m_svg(new QSvgRenderer(svgPath, this)) {
  // dvisvgm sizes its SVGs in points: a 96-dpi layout draws a point as 4/3 pixels.
  // Set 1.3 times larger: 11-pt LaTeX next to the figure's text reads small otherwise.
  if (m_svg->isValid()) m_natural = QSizeF(m_svg->viewBoxF().size()) * (1.3 * 96.0 / 72.0);
  QSizePolicy p(QSizePolicy::Preferred, QSizePolicy::Fixed);
  p.setHeightForWidth(true);
  setSizePolicy(p);
}

bool FormulaView::isValid() const { return !m_natural.isEmpty(); }

QSize FormulaView::sizeHint() const { return m_natural.toSize() + QSize(4, 4); }

QSize FormulaView::minimumSizeHint() const {
  return {std::min(120, sizeHint().width()), heightForWidth(std::min(120, sizeHint().width()))};
}

int FormulaView::heightForWidth(int width) const {
  if (!isValid()) return 0;
  const double scale = std::min(1.0, (width - 4) / m_natural.width());
  return static_cast<int>(std::ceil(m_natural.height() * scale)) + 4;
}

void FormulaView::paintEvent(QPaintEvent*) {
  if (!isValid()) return;
  const double scale = std::min(1.0, (width() - 4) / m_natural.width());
  const QSizeF size = m_natural * scale;
  const QRectF target(QPointF((width() - size.width()) / 2, 2), size);
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QColor ink = palette().color(QPalette::WindowText);
  if (ink.lightness() < 128) {  // black glyphs as they are: vectors in a PDF or SVG export
    m_svg->render(&p, target);
    return;
  }
  // A dark theme: the black glyphs take the text colour.
  const qreal dpr = devicePixelRatioF();
  QImage img((size * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
  img.setDevicePixelRatio(dpr);
  img.fill(Qt::transparent);
  {
    QPainter q(&img);
    m_svg->render(&q, QRectF(QPointF(), size));
    q.setCompositionMode(QPainter::CompositionMode_SourceIn);
    q.fillRect(QRectF(QPointF(), size), ink);
  }
  p.drawImage(target.topLeft(), img);
}

ArticlePanel::ArticlePanel(QWidget* parent, bool forExport) : QWidget(parent), m_export(forExport) {
  setObjectName(QStringLiteral("articlePanel"));
  m_layout = new QVBoxLayout(this);
  m_layout->setContentsMargins(6, 6, 6, 6);
}

void ArticlePanel::setPage(Page* page) {
  if (m_page) disconnect(m_page, nullptr, this, nullptr);
  m_page = page;
  if (page) connect(page, &Page::computed, this, [this] { refresh(); });
  refresh();
}

void ArticlePanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  refresh();
}

void ArticlePanel::refresh() {
  // A slider drag computes many times a second: the numbers follow once it pauses, and only
  // while the panel is on screen (an export panel is filled at once).
  if (m_export) {
    rebuild();
    return;
  }
  if (m_refreshPending || !isVisible()) return;
  m_refreshPending = true;
  QTimer::singleShot(150, this, [this] {
    m_refreshPending = false;
    rebuild();
  });
}

void ArticlePanel::rebuild() {
  m_article = {};
  if (m_page) {
    const bool computed = m_page->hasResult();  // before that, the steps' numbers read "—"
    m_article = loadArticle(m_page->id(), currentLanguage(),
                            computed ? m_page->exportData() : QList<DataTable>{},
                            computed ? m_page->exportValues() : QList<DataValue>{});
  }
  delete m_body;
  m_body = new QWidget(this);
  auto* v = new QVBoxLayout(m_body);
  v->setContentsMargins(0, 0, 0, 0);
  m_layout->addWidget(m_body);
  if (m_article.isEmpty()) return;
  QLabel* header = makeFigureLabel(m_body);
  header->setObjectName(QStringLiteral("articleHeader"));
  header->setTextFormat(Qt::RichText);
  header->setOpenExternalLinks(true);
  header->setText(articleHeaderHtml(m_article));
  v->addWidget(header);
  for (const QString& formula : m_article.formulas) {
    auto* f = new FormulaView(formula, m_body);
    f->setObjectName(QStringLiteral("articleFormula"));
    v->addWidget(f);
  }
  if (!m_article.steps.empty()) {
    QLabel* look = makeFigureLabel(m_body);
    look->setText(QStringLiteral("<b>%1</b>").arg(tr("What to look at")));
    v->addWidget(look);
  }
  int index = 0;
  for (const ArticleStep& step : m_article.steps) {
    ++index;
    auto* row = new QHBoxLayout;
    QLabel* text = makeFigureLabel(m_body);
    text->setObjectName(QStringLiteral("articleStep"));
    text->setText(QStringLiteral("%1. %2").arg(index).arg(step.text));
    row->addWidget(text, 1);
    if (!m_export && !step.preset.isEmpty()) {
      auto* show = new QPushButton(tr("Show"), m_body);
      show->setObjectName(QStringLiteral("articleStepButton%1").arg(index));
      show->setToolTip(tr("Set the page to the scenario that shows this"));
      const QString preset = step.preset;
      connect(show, &QPushButton::clicked, this, [this, preset] { emit stepRequested(preset); });
      row->addWidget(show, 0, Qt::AlignTop);
    }
    v->addLayout(row);
  }
  v->addStretch(1);
}

}  // namespace latentlab::ui
