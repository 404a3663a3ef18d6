// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/finetune/lst_run_figure.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/common/chart_view.h"
#include "ui/common/figure_label.h"
#include "ui/common/figure_stack.h"
#include "ui/common/figure_table.h"
#include "ui/common/palette.h"

namespace latentlab::ui {

using finetune::MethodRun;
using finetune::SideTuningResult;
using finetune::TuneMethod;

QColor tuneMethodColor(TuneMethod m) {
  // The memory accountant draws the same methods in the same colours.
  static const Hue kHues[] = {Hue::FullFineTune, Hue::LinearProbe, Hue::Adapter, Hue::Lora,
                              Hue::LadderSideTuning};
  return hueColor(kHues[static_cast<int>(m)]);
}

QString tuneMethodName(TuneMethod m) {
  static const char* const kNames[] = {QT_TRANSLATE_NOOP("latentlab::ui::LstRunFigure", "Full FT"),
                                       QT_TRANSLATE_NOOP("latentlab::ui::LstRunFigure", "Probe"),
                                       QT_TRANSLATE_NOOP("latentlab::ui::LstRunFigure", "Adapter"),
                                       QT_TRANSLATE_NOOP("latentlab::ui::LstRunFigure", "LoRA"),
                                       QT_TRANSLATE_NOOP("latentlab::ui::LstRunFigure", "LST")};
  return LstRunFigure::tr(kNames[static_cast<int>(m)]);
}

namespace {

QTableWidget* makeTable(QWidget* parent) {
  auto* t = new FigureTable(parent);
  t->verticalHeader()->setVisible(false);
  return t;
}

QString runName(const MethodRun& run, bool multiSeed) {
  QString name = tuneMethodName(run.method);
  if (multiSeed) name += QStringLiteral(" s%1").arg(run.seed);
  return name;
}

void setCell(QTableWidget* t, int row, int col, const QString& text) {
  auto* item = new QTableWidgetItem(text);
  item->setTextAlignment(col == 0 ? (Qt::AlignLeft | Qt::AlignVCenter) : Qt::AlignCenter);
  t->setItem(row, col, item);
}

QString kb(std::int64_t bytes) { return QString::number(bytes / 1024.0, 'f', 1); }

}  // namespace

LstRunFigure::LstRunFigure(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  m_title = makeFigureTitle(this);
  layout->addWidget(m_title);
  m_status = makeFigureLabel(this);
  m_status->setWordWrap(false);
  m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() + 4);
  layout->addWidget(m_status);
  m_stack = new FigureStack(this);
  layout->addWidget(m_stack, 1);

  // Order follows finetune::SideView.
  for (int i = 0; i < 2; ++i) {
    auto* w = new QWidget(this);
    auto* g = new QGridLayout(w);
    g->setContentsMargins(0, 0, 0, 0);
    m_loss[i] = new ChartView(w);
    m_acc[i] = new ChartView(w);
    m_curveNote[i] = makeFigureLabel(w);
    g->addWidget(m_loss[i], 0, 0);
    g->addWidget(m_acc[i], 0, 1);
    g->addWidget(m_curveNote[i], 1, 0, 1, 2);
    g->setRowStretch(0, 1);
    for (int c = 0; c < 2; ++c) g->setColumnStretch(c, 1);
    m_loss[i]->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_acc[i]->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_stack->addWidget(w);
  }
  {
    auto* w = new QWidget(this);
    auto* g = new QGridLayout(w);
    g->setContentsMargins(0, 0, 0, 0);
    m_timeBars = new ChartView(w);
    m_tapeBars = new ChartView(w);
    m_paramBars = new ChartView(w);
    m_table = makeTable(w);
    m_ratios = makeFigureLabel(w);
    g->addWidget(m_timeBars, 0, 0);
    g->addWidget(m_tapeBars, 0, 1);
    g->addWidget(m_paramBars, 0, 2);
    g->addWidget(m_table, 1, 0, 1, 3);
    g->addWidget(m_ratios, 2, 0, 1, 3);
    g->setRowStretch(0, 3);
    g->setRowStretch(1, 2);
    for (int c = 0; c < 3; ++c) g->setColumnStretch(c, 1);
    for (QWidget* cell : {static_cast<QWidget*>(m_timeBars), static_cast<QWidget*>(m_tapeBars),
                          static_cast<QWidget*>(m_paramBars)}) {
      cell->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
      // Three charts in a row must still fit a small window beside the docks.
      cell->setMinimumSize(150, 150);
    }
    m_stack->addWidget(w);
  }
  {
    auto* w = new QWidget(this);
    auto* l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    m_diagram = new LstDiagram(w);
    m_diagramNote = makeFigureLabel(w);
    l->addWidget(m_diagram, 1);
    l->addWidget(m_diagramNote);
    m_stack->addWidget(w);
  }
  {
    auto* w = new QWidget(this);
    auto* l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    m_gates = new ChartView(w);
    m_gatesNote = makeFigureLabel(w);
    l->addWidget(m_gates, 1);
    l->addWidget(m_gatesNote);
    m_stack->addWidget(w);
  }
  {
    auto* w = new QWidget(this);
    auto* g = new QGridLayout(w);
    g->setContentsMargins(0, 0, 0, 0);
    m_clue = new ChartView(w);
    m_accTable = makeTable(w);
    g->addWidget(m_clue, 0, 0);
    g->addWidget(m_accTable, 0, 1);
    g->setColumnStretch(0, 3);
    g->setColumnStretch(1, 2);
    m_clue->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_stack->addWidget(w);
  }
}

void LstRunFigure::show(const finetune::SideTuningParams& params, const SideTuningResult& result,
                        const QString& status) {
  using finetune::SideView;
  static const char* const kTitles[] = {
      QT_TR_NOOP("Side-tuning run: loss and accuracy against step"),
      QT_TR_NOOP("Side-tuning run: loss and accuracy against training wall time"),
      QT_TR_NOOP("Side-tuning run: measured time, retained activations and parameters"),
      QT_TR_NOOP("Side-tuning run: which tensors receive gradients"),
      QT_TR_NOOP("Side-tuning run: LST gates μᵢ = σ(αᵢ/0.1)"),
      QT_TR_NOOP("Su's CLUE results (kexue.fm/archives/9138) and this run's accuracy")};
  const int view = static_cast<int>(params.view);
  m_title->setText(tr(kTitles[view]));
  m_status->setText(status);
  m_stack->setCurrentIndex(view);
  switch (params.view) {
    case SideView::Step:
      fillCurves(result, false);
      break;
    case SideView::WallTime:
      fillCurves(result, true);
      break;
    case SideView::Measured:
      fillMeasured(result);
      break;
    case SideView::Diagram: {
      std::vector<double> gates;
      for (const MethodRun& run : result.runs)
        if (run.method == TuneMethod::Lst && !run.gates.empty()) gates = run.gates.back();
      m_diagram->setModel(result.config, gates);
      m_diagramNote->setText(
          tr("Filled: weights that receive gradients. Outlined: frozen blocks the backward pass "
             "must cross (dX only, their activations stay on the tape). Grey: forward only, "
             "nothing kept. LST's backward never enters the backbone: only the ladder inputs xᵢ "
             "are kept (Sung et al. 2022)."));
      break;
    }
    case SideView::Gates:
      fillGates(result);
      break;
    case SideView::Reference:
      fillReference(result);
      break;
  }
}

void LstRunFigure::fillCurves(const SideTuningResult& r, bool vsTime) {
  const int i = vsTime ? 1 : 0;
  ChartView* loss = m_loss[i];
  ChartView* acc = m_acc[i];
  loss->clearSeries();
  acc->clearSeries();
  const QString x = vsTime ? tr("training wall time (s)") : tr("step");
  loss->setTitle(tr("Training loss"));
  loss->setAxes(x, ChartView::Axis::Linear, tr("cross-entropy"), ChartView::Axis::Linear);
  acc->setTitle(tr("Validation accuracy"));
  acc->setAxes(x, ChartView::Axis::Linear, tr("accuracy"), ChartView::Axis::Linear);
  acc->setYRange(0.0, 1.0);
  bool multiSeed = false;
  for (const MethodRun& run : r.runs) multiSeed = multiSeed || run.seed != r.runs.front().seed;
  for (const MethodRun& run : r.runs) {
    std::vector<QPointF> lp, ap;
    for (const auto& pt : run.curve) {
      const double xv = vsTime ? pt.seconds : pt.step;
      lp.emplace_back(xv, pt.trainLoss);
      ap.emplace_back(xv, pt.valAcc);
    }
    const auto style =
        run.seed == r.runs.front().seed ? ChartView::Style::Line : ChartView::Style::Dashed;
    loss->setSeries(runName(run, multiSeed), lp, style, tuneMethodColor(run.method));
    acc->setSeries(runName(run, multiSeed), ap, style, tuneMethodColor(run.method));
  }
  const double chance = r.config.classes > 0 ? 1.0 / r.config.classes : 0.0;
  acc->setMarker(tr("chance"), Qt::Horizontal, chance);
  QString note =
      tr("Task %1, %2 classes; backbone %3 weights, pre-trained %4 MLM steps (final "
         "loss %5). Point 0 is before training (its loss is the validation loss).")
          .arg(r.task == finetune::SideTask::A ? QStringLiteral("A") : QStringLiteral("B"))
          .arg(r.config.classes)
          .arg(r.backboneParams)
          .arg(r.pretrainLoss.size())
          .arg(r.pretrainLoss.empty() ? 0.0 : r.pretrainLoss.back(), 0, 'f', 3);
  if (vsTime)
    note += QLatin1Char(' ') + tr("Wall time counts forward, backward and Adam only (evaluation "
                                  "and pauses excluded).");
  m_curveNote[i]->setText(note);
}

void LstRunFigure::fillMeasured(const SideTuningResult& r) {
  QStringList cats;
  std::vector<std::vector<double>> time(2), tape(2), params(1);
  std::vector<QColor> colors;
  // Short categories; ChartView turns them upright when they do not fit side by side.
  static const char* const kShort[] = {QT_TR_NOOP("Full"), QT_TR_NOOP("Probe"),
                                       QT_TR_NOOP("Adapter"), QT_TR_NOOP("LoRA"),
                                       QT_TR_NOOP("LST")};
  for (const auto& s : r.summary) {
    cats << tr(kShort[static_cast<int>(s.method)]);
    time[0].push_back(s.forwardMs);
    time[1].push_back(s.backwardMs);
    tape[0].push_back(s.tapeBytes / 1024.0);
    tape[1].push_back(s.analyticTapeBytes / 1024.0);
    params[0].push_back(s.trainablePercent);
  }
  m_timeBars->setTitle(tr("Time per step (median)"));
  m_timeBars->setAxes(QString(), ChartView::Axis::Linear, tr("ms"), ChartView::Axis::Linear);
  m_timeBars->setBars(cats, {tr("forward"), tr("backward + Adam")}, time, {},
                      {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e)});
  m_tapeBars->setTitle(tr("Activations kept for backward"));
  m_tapeBars->setAxes(QString(), ChartView::Axis::Linear, tr("KiB per batch"),
                      ChartView::Axis::Linear);
  m_tapeBars->setBars(cats, {tr("measured tape"), tr("analytic formula")}, tape, {},
                      {QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd)});
  m_paramBars->setTitle(tr("Trainable parameters"));
  m_paramBars->setAxes(QString(), ChartView::Axis::Linear, tr("% of backbone"),
                       ChartView::Axis::Log);
  m_paramBars->setBars(cats, {tr("trainable %")}, params, {}, {QColor(0x17, 0xbe, 0xcf)});

  const QStringList headers{tr("Method"),         tr("Trainable"),   tr("% of backbone"),
                            tr("Tape KiB"),       tr("Formula KiB"), tr("Static KiB"),
                            tr("Forward ms"),     tr("Backward ms"), tr("Val accuracy"),
                            tr("Backbone frozen")};
  m_table->clear();
  m_table->setColumnCount(static_cast<int>(headers.size()));
  m_table->setHorizontalHeaderLabels(headers);
  m_table->setRowCount(static_cast<int>(r.summary.size()));
  const finetune::MethodSummary* full = nullptr;
  const finetune::MethodSummary* lst = nullptr;
  for (std::size_t i = 0; i < r.summary.size(); ++i) {
    const auto& s = r.summary[i];
    if (s.method == TuneMethod::Full) full = &s;
    if (s.method == TuneMethod::Lst) lst = &s;
    const int row = static_cast<int>(i);
    setCell(m_table, row, 0, tuneMethodName(s.method));
    setCell(m_table, row, 1, QString::number(s.trainable));
    setCell(m_table, row, 2, QString::number(s.trainablePercent, 'f', 2));
    setCell(m_table, row, 3, kb(s.tapeBytes));
    setCell(m_table, row, 4,
            kb(s.analyticTapeBytes) + (s.tapeBytes == s.analyticTapeBytes ? tr(" ✓") : tr(" ✗")));
    setCell(m_table, row, 5, kb(s.staticBytes));
    setCell(m_table, row, 6, QString::number(s.forwardMs, 'f', 3));
    setCell(m_table, row, 7, QString::number(s.backwardMs, 'f', 3));
    setCell(m_table, row, 8,
            s.runs > 1
                ? QStringLiteral("%1 ± %2").arg(s.accMean, 0, 'f', 3).arg(s.accStd, 0, 'f', 3)
                : QString::number(s.accMean, 'f', 3));
    setCell(m_table, row, 9,
            s.method == TuneMethod::Full
                ? tr("trained")
                : (s.backboneUnchanged ? tr("✓ bit-identical") : tr("✗ changed")));
  }
  if (full && lst && full->tapeBytes > 0) {
    const double tapeRatio = static_cast<double>(lst->tapeBytes) / full->tapeBytes;
    const double fullStep = full->forwardMs + full->backwardMs;
    const double lstStep = lst->forwardMs + lst->backwardMs;
    m_ratios->setText(tr("LST / full fine-tuning: retained activations %1 (paper: LST keeps 31 % "
                         "of full FT's total memory; the analytic model expects ≈ 1/3 here), time "
                         "per step %2 (Su: ≈ 2× faster, i.e. ≈ 0.5).")
                          .arg(tapeRatio, 0, 'f', 3)
                          .arg(fullStep > 0 ? lstStep / fullStep : 0.0, 0, 'f', 3));
  } else {
    m_ratios->setText(tr("Train both full fine-tuning and LST to see their ratios."));
  }
}

void LstRunFigure::fillGates(const SideTuningResult& r) {
  m_gates->clearSeries();
  m_gates->setTitle(tr("Gate values of the LST side layers"));
  m_gates->setAxes(tr("step"), ChartView::Axis::Linear, tr("μᵢ (weight on the side path)"),
                   ChartView::Axis::Linear);
  m_gates->setYRange(0.0, 1.0);
  static const QColor kLayer[] = {QColor(0xff, 0x7f, 0x0e), QColor(0x1f, 0x77, 0xb4),
                                  QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                  QColor(0x94, 0x67, 0xbd), QColor(0x17, 0xbe, 0xcf)};
  int shown = 0;
  for (const MethodRun& run : r.runs) {
    if (run.method != TuneMethod::Lst || run.gates.empty()) continue;
    for (std::size_t j = 0; j < run.gates.front().size(); ++j) {
      std::vector<QPointF> pts;
      for (std::size_t t = 0; t < run.gates.size() && t < run.curve.size(); ++t)
        pts.emplace_back(run.curve[t].step, run.gates[t][j]);
      QString name =
          tr("side %1 ← layer %2").arg(j + 1).arg(r.config.keptLayer(static_cast<int>(j)) + 1);
      if (run.seed != r.runs.front().seed) name += QStringLiteral(" s%1").arg(run.seed);
      m_gates->setSeries(
          name, pts,
          run.seed == r.runs.front().seed ? ChartView::Style::Line : ChartView::Style::Dashed,
          kLayer[j % std::size(kLayer)]);
    }
    ++shown;
  }
  m_gates->setMarker(tr("start 0.5"), Qt::Horizontal, 0.5);
  m_gatesNote->setText(
      shown ? tr("uᵢ = μᵢ·zᵢ₋₁ + (1 − μᵢ)·(W_down,i·xᵢ + bᵢ): μ near 1 keeps the side path, near 0 "
                 "takes the backbone layer's ladder.")
            : tr("LST is not among the trained methods: select it to see its gates."));
}

void LstRunFigure::fillReference(const SideTuningResult& r) {
  auto rows = finetune::suClueResults();
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.robertaBase - a.robertaBaseLst > b.robertaBase - b.robertaBaseLst;
  });
  QStringList cats;
  std::vector<std::vector<double>> values(2);
  std::vector<std::vector<bool>> hard(2);
  for (const auto& row : rows) {
    // Axis categories elide past ~6 characters: the two long task names are shortened.
    QString task = QString::fromStdString(row.task);
    if (task == QLatin1String("cmrc2018")) task = QStringLiteral("cmrc");
    if (task == QLatin1String("cluener")) task = QStringLiteral("ner");
    cats << task + (row.mrc ? QStringLiteral("*") : QString());
    values[0].push_back(row.robertaBase);
    values[1].push_back(row.robertaBaseLst);
  }
  m_clue->setTitle(
      tr("CLUE validation, sorted by LST drop (* = MRC / wsc; cmrc = cmrc2018, ner = cluener)"));
  m_clue->setAxes(QString(), ChartView::Axis::Linear, tr("score (%)"), ChartView::Axis::Linear);
  m_clue->setYRange(0.0, 100.0);
  m_clue->setBars(cats, {tr("RoBERTa base"), tr("+ LST")}, values, {},
                  {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e)});

  m_accTable->clear();
  const QStringList headers{tr("Method"), tr("Runs"), tr("Val accuracy"), tr("Trainable %")};
  m_accTable->setColumnCount(static_cast<int>(headers.size()));
  m_accTable->setHorizontalHeaderLabels(headers);
  m_accTable->setRowCount(static_cast<int>(r.summary.size()));
  for (std::size_t i = 0; i < r.summary.size(); ++i) {
    const auto& s = r.summary[i];
    const int row = static_cast<int>(i);
    setCell(m_accTable, row, 0, tuneMethodName(s.method));
    setCell(m_accTable, row, 1, QString::number(s.runs));
    setCell(m_accTable, row, 2,
            QStringLiteral("%1 ± %2").arg(s.accMean, 0, 'f', 3).arg(s.accStd, 0, 'f', 3));
    setCell(m_accTable, row, 3, QString::number(s.trainablePercent, 'f', 2));
  }
}

}  // namespace latentlab::ui
