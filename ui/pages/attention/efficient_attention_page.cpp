// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/attention/efficient_attention_page.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/common/device_choice.h"
#include "ui/common/param_form.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/attention/efficient_attention_figure.h"

namespace latentlab::ui {

EfficientAttentionPage::EfficientAttentionPage(QWidget* parent) : Page(parent) {
  m_timingController = new RecomputeController(this);
  connect(m_timingController, &RecomputeController::resultReady, this,
          [this](const std::any& r, double) {
            m_timing = std::any_cast<attention::TimingResult>(r);
            if (hasResult()) fillFigure(screenFigure());
            timingIdle();
          });
  connect(m_timingController, &RecomputeController::progress, this,
          [this](double f) { m_timingProgress->setValue(static_cast<int>(1000 * f)); });
  connect(m_timingController, &RecomputeController::cancelledRun, this,
          &EfficientAttentionPage::timingIdle);
  connect(m_timingController, &RecomputeController::failed, this, [this](const QString& msg) {
    timingIdle();
    emit computeFailed(msg);
  });

  buildToolbar(installViewTabs("view")->actions());
  paramsUpdated();
  // n above the CPU's limit needs an OpenCL device: back on the CPU, n comes down to the limit.
  connect(&DeviceChoice::instance(), &DeviceChoice::changed, this, [this] {
    if (!deviceAllowsLargeN() && labParams().n > attention::kCpuMaxN)
      setParam("n", static_cast<double>(attention::kCpuMaxN));
    paramsUpdated();
  });
}

bool EfficientAttentionPage::deviceAllowsLargeN() {
  const auto info = findDevice(DeviceChoice::instance().current().toStdString());
  return info && info->kind == DeviceKind::OpenCl;
}

double EfficientAttentionPage::costUnits() const { return attention::efficientLabFlops(labParams()); }

EfficientAttentionPage::~EfficientAttentionPage() = default;

std::vector<FieldSpec> EfficientAttentionPage::fields() const {
  return specsOf(attention::efficientLabFields());
}

QString EfficientAttentionPage::source() const {
  return tr(
      "Su Jianlin, “VQ the keys and the Transformer becomes linear” (2023), "
      "kexue.fm/archives/9844, and “Traces of Transformer-VQ in the Performer”, 9862; Choromanski "
      "et al. 2021, arXiv:2009.14794; Lingle 2023, arXiv:2309.16354");
}

std::vector<std::string> EfficientAttentionPage::captionKeys() const {
  return {"n", "d", "m", "codebook_size", "block", "causal", "precision"};
}

std::vector<std::pair<QString, std::string>> EfficientAttentionPage::sections() const {
  return {{tr("Data"), "n"},
          {tr("Performer"), "feature"},
          {tr("Transformer-VQ"), "codebook"},
          {tr("Soft VQ analogy"), "soft_tau"},
          {tr("Arithmetic"), "precision"}};
}

attention::EfficientLabParams EfficientAttentionPage::labParams() const {
  return fromParamSet(params(), attention::efficientLabFields());
}

void EfficientAttentionPage::validateParams(const ParamSet& merged) const {
  attention::validate(fromParamSet(merged, attention::efficientLabFields()));
}

RecomputeController::Job EfficientAttentionPage::makeJob() const {
  return [p = labParams()](const RunControl& control) {
    return std::any(attention::computeEfficientLab(p, control));
  };
}

void EfficientAttentionPage::applyResult(const std::any& result) {
  m_result = std::any_cast<attention::EfficientLabResult>(result);
  markHasResult();
  fillFigure(screenFigure());
}

void EfficientAttentionPage::applyPartial(const std::any& snapshot) {
  // The maps before the analogy's checks: the Maps and Cache views are complete with it.
  const auto* maps = std::any_cast<attention::EfficientLabResult>(&snapshot);
  const auto view = labParams().view;
  if (!maps || (view != attention::EfficientView::Maps && view != attention::EfficientView::Cache))
    return;
  m_result = *maps;
  markHasResult();
  fillFigure(screenFigure());
}

QWidget* EfficientAttentionPage::createFigure(QWidget* parent) const {
  auto* fig = new EfficientAttentionFigure(parent);
  // createFigure is const (export makes figures too); the click changes this page's params.
  auto* self = const_cast<EfficientAttentionPage*>(this);
  connect(fig, &EfficientAttentionFigure::performerCellClicked, self, [self](int i, int j) {
    self->setParams({{"cell_i", double(i)}, {"cell_j", double(j)}, {"view", std::string("lemma")}});
  });
  return fig;
}

void EfficientAttentionPage::fillFigure(QWidget* figure) const {
  auto* fig = qobject_cast<EfficientAttentionFigure*>(figure);
  if (!fig || !m_result) return;
  fig->show(labParams(), *m_result, m_timing ? &*m_timing : nullptr, timingParams());
}

void EfficientAttentionPage::paramsUpdated() {
  const auto p = labParams();
  if (ParamForm* f = form()) {
    f->setFieldRange("n", 8, deviceAllowsLargeN() ? attention::kDeviceMaxN : attention::kCpuMaxN);
    f->setFieldRange("codebook_size", 1, std::min(p.n, 1024));
    f->setFieldRange("block", 1, p.n);
    f->setFieldRange("key_index", 0, p.n - 1);
    const int blocks = (p.n + std::max(1, p.block) - 1) / std::max(1, p.block);
    f->setFieldRange("cache_block", 0, blocks - 1);
    f->setFieldRange("cell_i", 0, p.n - 1);
    f->setFieldRange("cell_j", 0, p.n - 1);
    const bool cache = p.view == attention::EfficientView::Cache;
    f->setFieldVisible("block", p.causal || cache);
    f->setFieldVisible("window_bias", p.causal);
    f->setFieldVisible("bias_strength", p.causal && p.windowBias);
    f->setFieldVisible("cache_block", cache);
    f->setFieldVisible("cell_i", p.view == attention::EfficientView::Lemma);
    f->setFieldVisible("cell_j", p.view == attention::EfficientView::Lemma);
    f->setFieldVisible("log_colour", p.view == attention::EfficientView::Maps);
    f->setFieldVisible("kmeans_iters", p.codebook == attention::CodebookKind::KMeans);
    f->setFieldVisible("redraws", p.view == attention::EfficientView::Features);
  }
}

bool EfficientAttentionPage::isCheap(const std::string& key) const {
  // These scale the work (n², redraws × m, k-means passes); the rest stays interactive (the
  // cache cursor and the colour scale only re-run the ~6 ms default computation).
  return key != "n" && key != "redraws" && key != "kmeans_iters" && key != "codebook_size";
}

attention::TimingParams EfficientAttentionPage::timingParams() const {
  const auto p = labParams();
  attention::TimingParams tp;
  tp.d = p.d;
  tp.m = p.m;
  tp.codebookSize = p.codebookSize;
  tp.seed = p.seed;
  tp.float32 = p.precision == attention::Arithmetic::Float32;
  return tp;
}

void EfficientAttentionPage::buildToolbar(QHBoxLayout* row) {
  m_measure = new QPushButton(tr("Measure timing"), this);
  m_measure->setToolTip(
      tr("Time exact, Performer (m) and Transformer-VQ (S) for n = 256 … 8192 at the current d, "
         "in the background, on the CPU and, when one is chosen (View ▸ Device), on the OpenCL "
         "device beside it"));
  connect(m_measure, &QPushButton::clicked, this, [this] {
    if (m_timingController->isBusy()) {
      m_timingController->cancel();
      return;
    }
    measureTiming(timingParams());
  });
  row->addWidget(m_measure);
  m_timingProgress = new QProgressBar(this);
  m_timingProgress->setRange(0, 1000);
  m_timingProgress->setMaximumWidth(120);
  m_timingProgress->setVisible(false);
  row->addWidget(m_timingProgress);
}

void EfficientAttentionPage::timingIdle() {
  m_timingProgress->setVisible(false);
  m_measure->setText(tr("Measure timing"));
}

bool EfficientAttentionPage::measureNow(int timeoutMs) {
  m_timing.reset();
  measureTiming(timingParams());
  return m_timingController->waitForIdle(timeoutMs) && m_timing.has_value();
}

void EfficientAttentionPage::measureTiming(const attention::TimingParams& params) {
  m_measure->setText(tr("Cancel"));
  m_timingProgress->setValue(0);
  m_timingProgress->setVisible(true);
  m_timingController->request(
      [params](const RunControl& control) {
        return std::any(attention::measureTiming(params, control));
      },
      false);
}

}  // namespace latentlab::ui
