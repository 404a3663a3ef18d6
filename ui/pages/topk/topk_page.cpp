// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/topk/topk_page.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QPushButton>
#include <cmath>

#include "latentlab/common/rng.h"
#include "ui/common/param_form.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/topk/topk_figure.h"

namespace latentlab::ui {

using topk::Method;

namespace {

std::string showKey(Method m) { return "show_" + std::string(topk::methodId(m)); }

struct InputPreset {
  const char* label;
  std::vector<double> x;
};

const std::vector<InputPreset>& inputPresets() {
  static const std::vector<InputPreset> kPresets = {
      {QT_TRANSLATE_NOOP("latentlab::ui::TopkPage", "x = [3, 2, 1, 4]"), {3, 2, 1, 4}},
      {QT_TRANSLATE_NOOP("latentlab::ui::TopkPage", "x = [0.5, −1.2, 2, 0, 1.1]"),
       {0.5, -1.2, 2.0, 0.0, 1.1}},
      {QT_TRANSLATE_NOOP("latentlab::ui::TopkPage", "x = [0, 1, …, 9]"),
       {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
  };
  return kPresets;
}

}  // namespace

TopkPage::TopkPage(QWidget* parent) : Page(parent) {
  m_speedController = new RecomputeController(this);
  connect(m_speedController, &RecomputeController::resultReady, this,
          [this](const std::any& r, double) {
            m_speed = std::any_cast<topk::SpeedResult>(r);
            if (hasResult()) fillFigure(screenFigure());
            m_speedProgress->setVisible(false);
            m_measure->setText(tr("Measure speed"));
          });
  connect(m_speedController, &RecomputeController::progress, this,
          [this](double f) { m_speedProgress->setValue(static_cast<int>(1000 * f)); });
  auto idle = [this] {
    m_speedProgress->setVisible(false);
    m_measure->setText(tr("Measure speed"));
  };
  connect(m_speedController, &RecomputeController::cancelledRun, this, idle);
  connect(m_speedController, &RecomputeController::failed, this, [this, idle](const QString& msg) {
    idle();
    emit computeFailed(msg);
  });

  buildToolbar(installViewTabs("view")->actions());
  form()->setFieldVisible("gallery", false);  // the gallery view loads examples
  paramsUpdated();
}

TopkPage::~TopkPage() = default;

std::vector<FieldSpec> TopkPage::fields() const { return specsOf(topk::topkLabFields()); }

QString TopkPage::source() const {
  return tr(
      "Su Jianlin, “Softmax sequel: looking for a smooth approximation of Top-k” (2024), "
      "kexue.fm/archives/10373");
}

std::vector<std::string> TopkPage::captionKeys() const { return {"x", "k", "tau", "method"}; }

std::vector<std::pair<QString, std::string>> TopkPage::sections() const {
  return {{tr("Input"), "x"},
          {tr("Methods shown"), showKey(topk::kAllMethods.front())},
          {tr("Method options"), "alpha"},
          {tr("Response sweep"), "sweep_index"},
          {tr("Display"), "equalise"}};
}

topk::TopkLabParams TopkPage::labParams() const {
  return fromParamSet(params(), topk::topkLabFields());
}

void TopkPage::validateParams(const ParamSet& merged) const {
  topk::validate(fromParamSet(merged, topk::topkLabFields()));
}

RecomputeController::Job TopkPage::makeJob() const {
  return [p = labParams()](const RunControl& control) {
    return std::any(topk::computeTopkLab(p, control));
  };
}

void TopkPage::applyResult(const std::any& result) {
  m_result = std::any_cast<topk::TopkLabResult>(result);
  markHasResult();
  fillFigure(screenFigure());
}

QWidget* TopkPage::createFigure(QWidget* parent) const {
  auto* fig = new TopkFigure(parent);
  // The figure is built by a const method, but gallery clicks change this page's params.
  auto* self = const_cast<TopkPage*>(this);
  fig->onGalleryActivated = [self](int i) { self->loadCounterExample(i); };
  return fig;
}

void TopkPage::fillFigure(QWidget* figure) const {
  auto* fig = qobject_cast<TopkFigure*>(figure);
  if (!fig || !m_result) return;
  fig->show(labParams(), *m_result, m_speed ? &*m_speed : nullptr);
}

void TopkPage::paramsUpdated() {
  const auto p = labParams();
  const double n = static_cast<double>(p.x.size());
  if (ParamForm* f = form()) {
    f->setFieldRange("k", 0, n);
    f->setFieldRange("sweep_index", 1, n);
    auto shownOrFocus = [&](Method m) { return p.method == m || p.shown[static_cast<int>(m)]; };
    f->setFieldVisible("alpha", shownOrFocus(Method::ThreEntmax));
    f->setFieldVisible("epsilon", shownOrFocus(Method::OtSinkhorn));
    const bool expect = shownOrFocus(Method::GumbelExpect) || shownOrFocus(Method::GaussPerturbed);
    f->setFieldVisible("mc_samples", expect);
  }
}

bool TopkPage::isCheap(const std::string& key) const {
  // Monte Carlo sample counts scale the work; everything else stays cheap at n ≤ 64.
  return key != "mc_samples";
}

void TopkPage::buildToolbar(QHBoxLayout* row) {
  m_presets = new QComboBox(this);
  m_presets->addItem(tr("Input presets…"));
  for (const auto& preset : inputPresets()) m_presets->addItem(tr(preset.label));
  m_presets->addItem(tr("Random Gaussian (current n, seed)"));
  m_presets->setToolTip(tr("Replace the scores x; k is clamped to the new n."));
  connect(m_presets, &QComboBox::activated, this, [this](int i) {
    m_presets->setCurrentIndex(0);
    const auto& presets = inputPresets();
    if (i >= 1 && i <= static_cast<int>(presets.size())) {
      const auto& x = presets[static_cast<std::size_t>(i - 1)].x;
      const auto p = labParams();
      const double n = static_cast<double>(x.size());
      try {
        setParams({{"x", x},
                   {"k", std::min<double>(p.k, n)},
                   {"sweep_index", std::min<double>(p.sweepIndex, n)}});
      } catch (const ParamError& e) {
        emit computeFailed(QString::fromStdString(e.what()));
      }
    } else if (i == static_cast<int>(presets.size()) + 1) {
      randomInput(static_cast<int>(labParams().x.size()));
    }
  });
  row->addWidget(m_presets);

  m_measure = new QPushButton(tr("Measure speed"), this);
  m_measure->setToolTip(
      tr("Time every shown method for n = 10² … 10⁶ in the background, on the CPU and, when one "
         "is chosen (View ▸ Device), the thresholds and Su's iteration on the OpenCL device too"));
  connect(m_measure, &QPushButton::clicked, this, [this] {
    if (m_speedController->isBusy()) {
      m_speedController->cancel();
      return;
    }
    measureSpeed(speedParams());
  });
  row->addWidget(m_measure);
  m_speedProgress = new QProgressBar(this);
  m_speedProgress->setRange(0, 1000);
  m_speedProgress->setMaximumWidth(120);
  m_speedProgress->setVisible(false);
  row->addWidget(m_speedProgress);
}

void TopkPage::loadCounterExample(int index) {
  const auto& all = topk::counterExamples();
  if (index < 0 || index >= static_cast<int>(all.size())) return;
  const auto& ce = all[static_cast<std::size_t>(index)];
  const auto p = labParams();
  try {
    setParams({{"x", ce.x},
               {"k", static_cast<double>(ce.k)},
               {"tau", ce.tau},
               {"method", std::string(topk::methodId(ce.method))},
               {showKey(ce.method), true},
               {"gallery", static_cast<double>(index)},
               {"sweep_index", std::min<double>(p.sweepIndex, static_cast<double>(ce.x.size()))},
               {"view", std::string("bars")}});
  } catch (const ParamError& e) {
    emit computeFailed(QString::fromStdString(e.what()));
  }
}

void TopkPage::randomInput(int n) {
  Rng rng(labParams().seed);
  std::vector<double> x(static_cast<std::size_t>(n));
  // Four decimals keep the vector readable and editable in the form.
  for (double& v : x) v = std::round(rng.normal() * 1e4) / 1e4;
  try {
    setParam("x", x);
  } catch (const ParamError& e) {
    emit computeFailed(QString::fromStdString(e.what()));
  }
}

topk::SpeedParams TopkPage::speedParams() const {
  topk::SpeedParams sp;
  const auto p = labParams();
  for (Method m : topk::kAllMethods)
    if (p.shown[static_cast<int>(m)]) sp.methods.push_back(m);
  sp.seed = p.seed;
  return sp;
}

bool TopkPage::measureNow(int timeoutMs) {
  m_speed.reset();
  measureSpeed(speedParams());
  return m_speedController->waitForIdle(timeoutMs) && m_speed.has_value();
}

void TopkPage::measureSpeed(const topk::SpeedParams& params) {
  m_measure->setText(tr("Cancel"));
  m_speedProgress->setValue(0);
  m_speedProgress->setVisible(true);
  m_speedController->request(
      [params](const RunControl& control) { return std::any(topk::measureSpeed(params, control)); },
      false);
}

}  // namespace latentlab::ui
