// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The backbone + side-network diagram: one column per method, gradients highlighted.
#include <QPainter>
#include <QPainterPath>

#include "ui/pages/finetune/lst_run_figure.h"

namespace latentlab::ui {

using finetune::TuneMethod;

namespace {

enum class Role { Off, OnPath, Trained };

struct Painter {
  QPainter& p;
  QColor textColor;
  QColor grey;

  void box(const QRectF& r, Role role, const QColor& method, const QString& label) {
    QColor fill = grey;
    QPen pen(grey.darker(130), 1.0);
    if (role == Role::Trained) {
      fill = method;
      fill.setAlpha(200);
      pen = QPen(method.darker(140), 1.5);
    } else if (role == Role::OnPath) {
      fill = Qt::transparent;
      pen = QPen(method, 2.0, Qt::DashLine);
    }
    p.setPen(pen);
    p.setBrush(fill);
    p.drawRoundedRect(r, 3, 3);
    text(r, label);
  }

  void text(const QRectF& r, const QString& label) {
    if (label.isEmpty()) return;
    p.setPen(textColor);
    QFont f = p.font();
    const double px = std::clamp(r.height() * 0.45, 7.0, 13.0);
    f.setPixelSize(static_cast<int>(px));
    p.setFont(f);
    p.drawText(r, Qt::AlignCenter, label);
  }
};

}  // namespace

LstDiagram::LstDiagram(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void LstDiagram::setModel(const finetune::ModelConfig& config, const std::vector<double>& gates) {
  m_config = config;
  m_gates = gates;
  update();
}

void LstDiagram::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  Painter pr{p, palette().color(QPalette::WindowText), palette().color(QPalette::Mid)};
  pr.grey.setAlpha(110);
  const int layers = std::max(1, m_config.layers);
  const double w = width(), h = height();
  const double top = 34.0, bottom = h - 8.0;
  const int rows = layers + 2;  // embedding, blocks, head
  const double rowH = (bottom - top) / rows;
  const double boxH = rowH * 0.72;
  auto rowY = [&](int r) { return bottom - (r + 1) * rowH + (rowH - boxH) / 2; };
  // Column widths: four single columns, LST double (backbone + side).
  const double unit = w / 6.2;
  const TuneMethod cols[] = {TuneMethod::Full, TuneMethod::Probe, TuneMethod::Adapter,
                             TuneMethod::Lora, TuneMethod::Lst};
  double x0 = 6.0;
  QFont titleFont = font();
  titleFont.setBold(true);
  for (TuneMethod m : cols) {
    const QColor c = tuneMethodColor(m);
    const double colW = (m == TuneMethod::Lst ? 2.0 : 1.0) * unit - 10.0;
    p.setFont(titleFont);
    p.setPen(pr.textColor);
    p.drawText(QRectF(x0, 4, colW, 24), Qt::AlignCenter, tuneMethodName(m));
    const double bw = m == TuneMethod::Lst ? colW * 0.48 : colW;
    const Role blockRole = m == TuneMethod::Full                                 ? Role::Trained
                           : (m == TuneMethod::Adapter || m == TuneMethod::Lora) ? Role::OnPath
                                                                                 : Role::Off;
    pr.box(QRectF(x0, rowY(0), bw, boxH), m == TuneMethod::Full ? Role::Trained : Role::Off, c,
           tr("embedding"));
    for (int l = 0; l < layers; ++l) {
      const double y = rowY(l + 1);
      const double half = bw / 2 - 2;
      const QRectF attn(x0, y, half, boxH);
      const QRectF ffn(x0 + half + 4, y, half, boxH);
      const double small = std::min(half * 0.3, 30.0);
      // Extras sit inside the block; its label moves to the free part so nothing overlaps.
      QRectF attnText = attn, ffnText = ffn;
      if (m == TuneMethod::Adapter) {
        attnText.setRight(attn.right() - small - 2);
        ffnText.setRight(ffn.right() - small - 2);
      }
      if (m == TuneMethod::Lora) attnText.setLeft(attn.left() + small + 2);
      pr.box(attn, blockRole, c, QString());
      pr.box(ffn, blockRole, c, QString());
      pr.text(attnText, tr("attn %1").arg(l + 1));
      pr.text(ffnText, tr("FFN %1").arg(l + 1));
      if (m == TuneMethod::Adapter) {
        pr.box(QRectF(attn.right() - small - 2, y + boxH * 0.15, small, boxH * 0.7), Role::Trained,
               c, QStringLiteral("A"));
        pr.box(QRectF(ffn.right() - small - 2, y + boxH * 0.15, small, boxH * 0.7), Role::Trained,
               c, QStringLiteral("A"));
      }
      if (m == TuneMethod::Lora)
        pr.box(QRectF(attn.left() + 2, y + boxH * 0.15, small, boxH * 0.7), Role::Trained, c,
               QStringLiteral("AB"));
    }
    if (m != TuneMethod::Lst) {
      pr.box(QRectF(x0, rowY(layers + 1), bw, boxH), Role::Trained, c, tr("head"));
      x0 += colW + 10.0;
      continue;
    }
    // Side network: one block per kept layer, fed by a ladder from that backbone layer.
    const double sx = x0 + colW * 0.58;
    const double sw = colW * 0.42;
    pr.box(QRectF(sx, rowY(0), sw, boxH), Role::Trained, c, tr("down₀"));
    p.setPen(QPen(c, 1.5));
    p.drawLine(QPointF(x0 + bw, rowY(0) + boxH / 2), QPointF(sx, rowY(0) + boxH / 2));
    for (int j = 0; j < m_config.sideLayers; ++j) {
      const int l = m_config.keptLayer(j);
      const double y = rowY(l + 1);
      p.setPen(QPen(c, 1.5));
      p.drawLine(QPointF(x0 + bw, y + boxH / 2), QPointF(sx, y + boxH / 2));
      QString label = tr("side %1").arg(j + 1);
      if (static_cast<std::size_t>(j) < m_gates.size())
        label += QStringLiteral("  μ=%1").arg(m_gates[static_cast<std::size_t>(j)], 0, 'f', 2);
      pr.box(QRectF(sx, y, sw, boxH), Role::Trained, c, label);
    }
    pr.box(QRectF(sx, rowY(layers + 1), sw, boxH), Role::Trained, c, tr("head"));
    x0 += colW + 10.0;
  }
}

}  // namespace latentlab::ui
