// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/finetune/lst_run_page.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>
#include "ui/common/view_tabs.h"

#include "ui/common/param_form.h"
#include "ui/pages/finetune/lst_run_figure.h"

namespace latentlab::ui {

using finetune::SideTuningParams;
using finetune::SideTuningResult;

LstRunPage::LstRunPage(QWidget* parent) : Page(parent) {
  buildToolbar(installViewTabs("view"));
  connect(controller(), &RecomputeController::busyChanged, this, &LstRunPage::setBusyUi);
  connect(controller(), &RecomputeController::progress, this,
          [this](double f) { m_progress->setValue(static_cast<int>(1000 * f)); });
  setBusyUi(false);
}

LstRunPage::~LstRunPage() = default;

std::vector<FieldSpec> LstRunPage::fields() const { return specsOf(finetune::sideTuningFields()); }

QString LstRunPage::source() const {
  return tr(
      "Su Jianlin, “Ladder Side-Tuning: a ladder over the wall for pre-trained models” (2022), "
      "kexue.fm/archives/9138; Sung et al. 2022, arXiv:2206.06522");
}

std::vector<std::string> LstRunPage::captionKeys() const {
  return {"preset", "task", "steps", "reduction", "side_layers"};
}

std::vector<std::pair<QString, std::string>> LstRunPage::sections() const {
  return {{tr("Run"), "preset"},
          {tr("Methods"), "run_full"},
          {tr("Schedule"), "steps"},
          {tr("Learning rates"), "lr_full"},
          {tr("Ladder side network"), "reduction"}};
}

SideTuningParams LstRunPage::runParams() const {
  return fromParamSet(params(), finetune::sideTuningFields());
}

std::string LstRunPage::trainingKey() const {
  ParamSet p = params();
  p.erase("view");
  std::string key;
  for (const auto& [k, v] : p) key += k + '=' + formatValue(v) + ';';
  return key;
}

void LstRunPage::validateParams(const ParamSet& merged) const {
  finetune::validate(fromParamSet(merged, finetune::sideTuningFields()));
}

bool LstRunPage::isCheap(const std::string& key) const { return key == "view"; }

// Every view is drawn from the same run: switching views while it trains only redraws.
bool LstRunPage::isViewOnly(const std::string& key) const { return key == "view"; }

RecomputeController::Job LstRunPage::makeJob() const {
  // A view change re-shows the finished run instead of training again.
  if (m_result && m_resultKey == trainingKey() && !m_forceRun) {
    return [r = *m_result](const RunControl&) { return std::any(r); };
  }
  // … and the curves of a cancelled run: only "Train again" or a training setting trains anew.
  if (m_cancelled && m_live && m_liveKey == trainingKey() && !m_forceRun)
    return [](const RunControl&) { return std::any(); };
  m_forceRun = false;
  m_cancelled = false;
  m_pauseFlag = std::make_shared<std::atomic<bool>>(false);
  m_liveKey = trainingKey();
  return [p = runParams(), pause = m_pauseFlag](const RunControl& control) {
    finetune::SideTuningHooks hooks;
    hooks.pause = pause.get();
    hooks.onPartial = [&control](const SideTuningResult& snapshot) {
      if (control.partialDue()) control.partial(snapshot);
    };
    return std::any(finetune::computeSideTuning(p, control, hooks));
  };
}

void LstRunPage::applyResult(const std::any& result) {
  if (!result.has_value()) {  // a view change over a cancelled run's curves
    fillFigure(screenFigure());
    return;
  }
  m_result = std::any_cast<SideTuningResult>(result);
  m_resultKey = trainingKey();
  m_live.reset();
  markHasResult();
  fillFigure(screenFigure());
}

void LstRunPage::applyPartial(const std::any& snapshot) {
  const auto* snap = std::any_cast<SideTuningResult>(&snapshot);
  if (!snap) return;
  m_live = *snap;
  fillFigure(screenFigure());
}

QWidget* LstRunPage::createFigure(QWidget* parent) const { return new LstRunFigure(parent); }

QString LstRunPage::statusText() const {
  if (m_live && controller()->isBusy()) {
    const auto& runs = m_live->runs;
    const int pretrain = runParams().pretrainSteps;
    QString what = m_live->pretrainStepsDone < pretrain
                       ? tr("pre-training the backbone, step %1 of %2")
                             .arg(m_live->pretrainStepsDone)
                             .arg(pretrain)
                       : tr("pre-training done");
    if (!runs.empty()) {
      const auto& run = runs.back();
      what = tr("%1, seed %2, step %3")
                 .arg(tuneMethodName(run.method))
                 .arg(run.seed)
                 .arg(run.curve.empty() ? 0 : run.curve.back().step);
    }
    return (isPaused() ? tr("Paused: %1") : tr("Training: %1")).arg(what);
  }
  if (m_cancelled && m_live) return tr("Cancelled: the curves show the run up to that point.");
  if (!m_result) return tr("Training…");
  return tr("Finished in %1 s: %2 runs, backbone pre-trained in %3 s.")
      .arg(m_result->elapsedMs / 1000.0, 0, 'f', 2)
      .arg(m_result->runs.size())
      .arg(m_result->pretrainMs / 1000.0, 0, 'f', 2);
}

void LstRunPage::fillFigure(QWidget* figure) const {
  auto* fig = qobject_cast<LstRunFigure*>(figure);
  if (!fig) return;
  const bool showLive = m_live && (controller()->isBusy() || m_cancelled);
  const SideTuningResult* r = showLive ? &*m_live : (m_result ? &*m_result : nullptr);
  if (!r) return;
  fig->show(runParams(), *r, statusText());
}

void LstRunPage::buildToolbar(ViewTabs* tabs) {
  QWidget* bar = tabs;
  QHBoxLayout* row = tabs->actions();
  m_run = new QPushButton(tr("Train again"), bar);
  m_run->setToolTip(tr("Pre-train and train every selected method again with these settings"));
  connect(m_run, &QPushButton::clicked, this, &LstRunPage::rerun);
  row->addWidget(m_run);
  m_pause = new QPushButton(tr("Pause"), bar);
  m_pause->setCheckable(true);
  m_pause->setToolTip(tr("Hold the training between two steps; wall time stops too"));
  connect(m_pause, &QPushButton::toggled, this, &LstRunPage::setPaused);
  row->addWidget(m_pause);
  m_cancel = new QPushButton(tr("Cancel"), bar);
  m_cancel->setToolTip(tr("Stop the training; the curves so far stay on screen"));
  connect(m_cancel, &QPushButton::clicked, this, &LstRunPage::cancelRun);
  row->addWidget(m_cancel);
  m_progress = new QProgressBar(bar);
  m_progress->setRange(0, 1000);
  m_progress->setMaximumWidth(140);
  row->addWidget(m_progress);
}

void LstRunPage::setBusyUi(bool busy) {
  m_pause->setEnabled(busy);
  m_cancel->setEnabled(busy);
  m_progress->setVisible(busy);
  if (!busy) {
    const QSignalBlocker block(m_pause);
    m_pause->setChecked(false);
    m_pause->setText(tr("Pause"));
    if (m_pauseFlag) *m_pauseFlag = false;
    if (hasResult() || m_cancelled) fillFigure(screenFigure());
  }
}

void LstRunPage::setPaused(bool paused) {
  if (m_pauseFlag) *m_pauseFlag = paused;
  {
    const QSignalBlocker block(m_pause);
    m_pause->setChecked(paused);
  }
  m_pause->setText(paused ? tr("Resume") : tr("Pause"));
  if (m_live) fillFigure(screenFigure());
}

bool LstRunPage::isPaused() const { return m_pauseFlag && m_pauseFlag->load(); }

void LstRunPage::cancelRun() {
  if (!controller()->isBusy()) return;
  m_cancelled = true;
  if (m_pauseFlag) *m_pauseFlag = false;
  controller()->cancel();
  fillFigure(screenFigure());
}

void LstRunPage::rerun() {
  m_forceRun = true;
  controller()->request(makeJob(), false);
}

}  // namespace latentlab::ui
