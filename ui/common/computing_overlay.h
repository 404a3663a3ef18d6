// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>
#include <QWidget>

namespace latentlab::ui {

/// The on-screen mark of a figure that is older than its parameters: while the page computes, a
/// dimmed veil with "Computing… 35 %" over a stale figure, or a small badge in the corner once the
/// figure shows partial results of the current parameters. Lives on the screen figure only, so
/// exports never carry it; ignores the mouse.
class ComputingOverlay : public QWidget {
  Q_OBJECT
 public:
  enum class Mode { Stale, Refining };
  explicit ComputingOverlay(QWidget* figure);

  void setMode(Mode mode);
  Mode mode() const { return m_mode; }
  /// Fraction done in [0, 1], or a negative value when unknown.
  void setProgress(double fraction);
  /// A second part of the label, e.g. the cost preview ("≈ 12 s on OpenCL: …"); empty for none.
  void setDetail(const QString& detail);
  QString text() const;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void paintEvent(QPaintEvent* event) override;

 private:
  Mode m_mode = Mode::Stale;
  double m_progress = -1.0;
  QString m_detail;
};

}  // namespace latentlab::ui
