// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/heatmap_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <vector>

#include "ui/common/color_bar_painter.h"

namespace latentlab::ui {
namespace {

constexpr int kPad = 6;
constexpr int kMinValueCell = 28;  // px: below this, numbers inside cells are unreadable
constexpr double kMaxCellAspect = 2.0;

QString rowColLabel(const QStringList& labels, int i) {
  return i < labels.size() ? labels[i] : QString::number(i + 1);
}

}  // namespace

std::vector<int> heatmapTickIndices(int count, int minStep, bool numbered) {
  std::vector<int> out;
  if (count <= 0) return out;
  int step = std::max(1, minStep);
  if (numbered && step > 1) {
    int nice = 1;
    for (int decade = 1; nice < step; decade *= 10)
      for (int m : {1, 2, 5}) {
        nice = m * decade;
        if (nice >= step) break;
      }
    step = nice;
    out.push_back(0);
    for (int v = step; v <= count; v += step)
      if (v - 1 >= minStep) out.push_back(v - 1);  // label "v" sits on index v − 1
    return out;
  }
  for (int i = 0; i < count; i += step) out.push_back(i);
  return out;
}

namespace {}  // namespace

struct HeatmapView::Impl {
  QString title, rowTitle, colTitle;
  Eigen::MatrixXd matrix;
  ColorMapping mapping;
  QImage image;   // one pixel per cell
  QImage scaled;  // nearest-neighbour cache at the drawn size (crisp in SVG/PDF too)
  bool smooth = false;
  bool showValues = false;
  std::function<QString(double)> format;
  QStringList rowLabels, colLabels;
  Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic> marked;
  int hoverRow = -1, hoverCol = -1;
  QString readout;

  struct Geometry {
    QRect cells;  // where the matrix is drawn
    QRect bar;    // colour bar strip (ticks to its right)
    double cellW = 0.0, cellH = 0.0;
    int titleH = 0;
  };

  /// The title's font for a map `width` wide: bold, set smaller (to three quarters at most) when
  /// wider than the map; when even that does not fit, `lines` is 2 and the title wraps.
  QFont titleFont(const QFont& base, int width, int* lines) const {
    QFont bold = base;
    bold.setBold(true);
    *lines = 1;
    const double room = 0.95 * (width - 4);  // a little under the room: point sizes round
    const double need = QFontMetricsF(bold).horizontalAdvance(title);
    if (need <= room) return bold;
    if (need * 0.75 <= room) {
      bold.setPointSizeF(bold.pointSizeF() * room / need);
      return bold;
    }
    bold.setPointSizeF(bold.pointSizeF() * 0.85);
    *lines = 2;
    return bold;
  }

  Geometry layout(const QRect& r, const QFontMetrics& fm, const QFont& base) const {
    Geometry g;
    const int rows = static_cast<int>(matrix.rows()), cols = static_cast<int>(matrix.cols());
    int lines = 1;
    const QFont tf = titleFont(base, r.width(), &lines);
    g.titleH = title.isEmpty() ? 0
               : lines == 1    ? fm.height() * 3 / 2
                               : QFontMetrics(tf).height() * 2 + fm.height() / 2;
    int rowLabelW = 0;
    for (int i = 0; i < rows; ++i)
      rowLabelW = std::max(rowLabelW, fm.horizontalAdvance(rowColLabel(rowLabels, i)));
    const int left = kPad + (rowTitle.isEmpty() ? 0 : fm.height() + kPad) + rowLabelW + kPad;
    const int bottom = kPad + fm.height() + (colTitle.isEmpty() ? 0 : fm.height() + kPad) + kPad;
    const int barW = colorBarWidth(mapping, QString(), fm);
    const QRect area(r.left() + left, r.top() + g.titleH + kPad, r.width() - left - barW - 4 * kPad,
                     r.height() - g.titleH - bottom - kPad);
    if (rows == 0 || cols == 0 || area.width() <= 0 || area.height() <= 0) return g;
    double cw = static_cast<double>(area.width()) / cols,
           ch = static_cast<double>(area.height()) / rows;
    // Images keep square pixels; token grids may stretch a little but stay square-ish.
    const double maxAspect = smooth ? 1.0 : kMaxCellAspect;
    cw = std::min(cw, ch * maxAspect);
    ch = std::min(ch, cw * maxAspect);
    g.cellW = cw;
    g.cellH = ch;
    const int w = static_cast<int>(std::floor(cw * cols)),
              h = static_cast<int>(std::floor(ch * rows));
    g.cells =
        QRect(area.left() + (area.width() - w) / 2, area.top() + (area.height() - h) / 2, w, h);
    // The bar sits beside the cells (not at the far edge) so the eye links the two.
    g.bar = QRect(g.cells.right() + 3 * kPad, g.cells.top(), barW, g.cells.height());
    return g;
  }
};

HeatmapView::HeatmapView(QWidget* parent) : QWidget(parent), d(std::make_unique<Impl>()) {
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

HeatmapView::~HeatmapView() = default;

void HeatmapView::setTitle(const QString& title) {
  d->title = title;
  update();
}

void HeatmapView::setMatrix(const Eigen::MatrixXd& m, const ColorMapping& mapping) {
  d->matrix = m;
  d->mapping = mapping;
  d->image = colorize(m, mapping);
  d->scaled = {};
  if (d->marked.rows() != m.rows() || d->marked.cols() != m.cols()) d->marked.resize(0, 0);
  d->hoverRow = d->hoverCol = -1;
  update();
}

void HeatmapView::setSmooth(bool smooth) {
  d->smooth = smooth;
  d->scaled = {};
  update();
}

void HeatmapView::setRowLabels(const QStringList& labels) {
  d->rowLabels = labels;
  update();
}

void HeatmapView::setColumnLabels(const QStringList& labels) {
  d->colLabels = labels;
  update();
}

void HeatmapView::setAxisTitles(const QString& rows, const QString& cols) {
  d->rowTitle = rows;
  d->colTitle = cols;
  update();
}

void HeatmapView::setValueFormatter(std::function<QString(double)> format) {
  d->format = std::move(format);
  update();
}

void HeatmapView::setShowValues(bool show) {
  d->showValues = show;
  update();
}

void HeatmapView::setMarked(const Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>& marked) {
  d->marked = marked;
  update();
}

const Eigen::MatrixXd& HeatmapView::matrix() const { return d->matrix; }

QSize HeatmapView::sizeHint() const { return {360, 260}; }  // modest: see ChartView::sizeHint
// Four maps side by side (attention_rank) must fit a 1280-px window beside both docks.
// A 170 x 110 mm report figure (643 x 416 layout pixels) holds a row of four maps above a chart.
QSize HeatmapView::minimumSizeHint() const { return {150, 116}; }

QPoint HeatmapView::cellAt(const QPoint& pos) const {
  const auto g = d->layout(rect(), fontMetrics(), font());
  if (!g.cells.contains(pos) || g.cellW <= 0.0 || g.cellH <= 0.0) return {-1, -1};
  const int col = std::min(static_cast<int>((pos.x() - g.cells.left()) / g.cellW),
                           static_cast<int>(d->matrix.cols()) - 1);
  const int row = std::min(static_cast<int>((pos.y() - g.cells.top()) / g.cellH),
                           static_cast<int>(d->matrix.rows()) - 1);
  return {col, row};
}

bool HeatmapView::titleFits() const {
  int lines = 1;
  const QFont bold = d->titleFont(font(), width(), &lines);
  const QFontMetrics fm(bold);
  const QRect need =
      fm.boundingRect(QRect(0, 0, width() - 4, 1000), Qt::AlignCenter | Qt::TextWordWrap, d->title);
  return need.width() <= width() - 4 && need.height() <= lines * fm.height() + 1;
}

QString HeatmapView::hoverText(int row, int col) const {
  if (row < 0 || col < 0 || row >= d->matrix.rows() || col >= d->matrix.cols()) return {};
  return tr("row %1, col %2: %3")
      .arg(rowColLabel(d->rowLabels, row), rowColLabel(d->colLabels, col),
           QString::asprintf("%.6g", d->matrix(row, col)));
}

QString HeatmapView::readout() const { return d->readout; }

void HeatmapView::mouseMoveEvent(QMouseEvent* event) {
  const QPoint cell = cellAt(event->position().toPoint());
  const int row = cell.y(), col = cell.x();
  if (row == d->hoverRow && col == d->hoverCol) return;
  d->hoverRow = row;
  d->hoverCol = col;
  d->readout = hoverText(row, col);
  if (row >= 0) {
    QToolTip::showText(event->globalPosition().toPoint(), d->readout, this);
    emit hovered(row, col, d->matrix(row, col));
  } else {
    QToolTip::hideText();
  }
  update();
}

void HeatmapView::leaveEvent(QEvent*) {
  d->hoverRow = d->hoverCol = -1;
  d->readout.clear();
  update();
}

void HeatmapView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().window());
  const QColor text = palette().color(QPalette::WindowText);
  const QFontMetrics fm = fontMetrics();
  const auto g = d->layout(rect(), fm, font());
  p.setPen(text);
  if (!d->title.isEmpty()) {
    int lines = 1;
    const QFont bold = d->titleFont(font(), width(), &lines);
    p.setFont(bold);
    const QRect box(2, kPad / 2, width() - 4, g.titleH);
    if (lines == 1)
      p.drawText(box, Qt::AlignCenter, d->title);
    else
      p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, d->title);
    p.setFont(font());
  }
  if (g.cells.isEmpty()) {
    p.drawText(rect(), Qt::AlignCenter, tr("no data"));
    return;
  }
  const int rows = static_cast<int>(d->matrix.rows()), cols = static_cast<int>(d->matrix.cols());

  if (d->smooth) {
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    p.drawImage(g.cells, d->image);
  } else {
    // Pre-scale with nearest neighbour: vector back-ends (SVG/PDF viewers) would otherwise
    // interpolate a tiny embedded image into a blur.
    if (d->scaled.size() != g.cells.size())
      d->scaled = d->image.scaled(g.cells.size(), Qt::IgnoreAspectRatio, Qt::FastTransformation);
    p.drawImage(g.cells.topLeft(), d->scaled);
  }
  auto cellRect = [&](int i, int j) {
    return QRectF(g.cells.left() + j * g.cellW, g.cells.top() + i * g.cellH, g.cellW, g.cellH);
  };

  if (d->showValues && g.cellW >= kMinValueCell && g.cellH >= fm.height() + 2) {
    for (int i = 0; i < rows; ++i) {
      for (int j = 0; j < cols; ++j) {
        const QColor c = d->mapping.color(d->matrix(i, j));
        p.setPen(c.lightnessF() > 0.55 ? Qt::black : Qt::white);
        const double v = d->matrix(i, j);
        const QString s = d->format ? d->format(v) : QString::asprintf("%.3g", v);
        if (fm.horizontalAdvance(s) + 2 <= g.cellW) p.drawText(cellRect(i, j), Qt::AlignCenter, s);
      }
    }
  }
  if (d->marked.rows() == rows && d->marked.cols() == cols) {
    p.setPen(QPen(QColor(0xd6, 0x27, 0x28), 2.0));
    p.setBrush(Qt::NoBrush);
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < cols; ++j)
        if (d->marked(i, j)) p.drawRect(cellRect(i, j).adjusted(1, 1, -1, -1));
  }
  if (d->hoverRow >= 0) {
    p.setPen(QPen(palette().color(QPalette::Highlight), 2.0));
    p.drawRect(cellRect(d->hoverRow, d->hoverCol));
  }

  // Tick labels, thinned so neighbours never overlap.
  p.setPen(text);
  int colLabelW = 1;
  for (int j = 0; j < cols; ++j)
    colLabelW = std::max(colLabelW, fm.horizontalAdvance(rowColLabel(d->colLabels, j)));
  const int colStep = std::max(1, static_cast<int>(std::ceil((colLabelW + kPad) / g.cellW)));
  for (int j : heatmapTickIndices(cols, colStep, d->colLabels.isEmpty())) {
    const QRectF cr = cellRect(0, j);
    p.drawText(QRectF(cr.center().x() - colLabelW, g.cells.bottom() + kPad / 2, 2 * colLabelW,
                      fm.height()),
               Qt::AlignHCenter | Qt::AlignTop, rowColLabel(d->colLabels, j));
  }
  const int rowStep = std::max(1, static_cast<int>(std::ceil(fm.height() / g.cellH)));
  for (int i : heatmapTickIndices(rows, rowStep, d->rowLabels.isEmpty())) {
    const QRectF cr = cellRect(i, 0);
    p.drawText(QRectF(0, cr.center().y() - fm.height(), g.cells.left() - kPad, 2 * fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, rowColLabel(d->rowLabels, i));
  }
  if (!d->colTitle.isEmpty()) {  // centred under the cells, and as wide as it needs: narrow cells
                                 // do not clip it
    const int w = std::max(g.cells.width(), fm.horizontalAdvance(d->colTitle) + 4);
    p.drawText(QRect(g.cells.center().x() - w / 2, g.cells.bottom() + fm.height() + kPad, w,
                     fm.height() + kPad),
               Qt::AlignCenter, d->colTitle);
  }
  if (!d->rowTitle.isEmpty()) {
    p.save();
    p.translate(kPad, g.cells.center().y());
    p.rotate(-90);
    p.drawText(QRect(-g.cells.height() / 2, 0, g.cells.height(), fm.height()), Qt::AlignCenter,
               d->rowTitle);
    p.restore();
  }
  paintColorBar(p, g.bar, d->mapping, QString(), text, fm);
}

ColorBar::ColorBar(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
}

void ColorBar::setMapping(const ColorMapping& mapping) {
  m_mapping = mapping;
  updateGeometry();
  update();
}

void ColorBar::setLabel(const QString& label) {
  m_label = label;
  updateGeometry();
  update();
}

QSize ColorBar::sizeHint() const {
  return {colorBarWidth(m_mapping, m_label, fontMetrics()) + 2 * kPad, 240};
}

void ColorBar::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().window());
  const QFontMetrics fm = fontMetrics();
  const QRect r = rect().adjusted(kPad, fm.height() / 2 + kPad, -kPad, -fm.height() / 2 - kPad);
  paintColorBar(p, r, m_mapping, m_label, palette().color(QPalette::WindowText), fm);
}

}  // namespace latentlab::ui
