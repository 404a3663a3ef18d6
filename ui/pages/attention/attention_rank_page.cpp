// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/attention/attention_rank_page.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "latentlab/common/npy.h"
#include "latentlab/common/scenario_inputs.h"
#include "ui/common/param_form.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/attention/attention_rank_figure.h"

namespace latentlab::ui {

using attention::RankView;

namespace {

// What one recompute returns: the depth products only when the Depth view needs them.
struct RankJobResult {
  attention::AttentionRankResult main;
  std::optional<attention::DepthResult> depth;
};

struct Case {
  const char* label;
  ParamSet params;  // applied on top of the defaults
};

// The same cases as resources/scenarios/attention_rank-*.json: Su's claim and its qualifications.
const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      {QT_TRANSLATE_NOOP("latentlab::ui::AttentionRankPage", "Main claim (defaults)"), {}},
      {QT_TRANSLATE_NOOP("latentlab::ui::AttentionRankPage",
                         "1. Low temperature: circle at τ = 64"),
       {{"source", std::string("circle")},
        {"n", 16.0},
        {"d", 2.0},
        {"tau", 64.0},
        {"prefix", 4.0},
        {"view", std::string("spectra")}}},
      {QT_TRANSLATE_NOOP("latentlab::ui::AttentionRankPage", "2. d ≈ n: n = d = 64"),
       {{"n", 64.0},
        {"d", 64.0},
        {"seed", 7.0},
        {"prefix", 16.0},
        {"view", std::string("metrics")}}},
      {QT_TRANSLATE_NOOP("latentlab::ui::AttentionRankPage",
                         "3. σ_min of the causal matrix ≈ 3e-15"),
       {{"n", 64.0},
        {"d", 8.0},
        {"seed", 7.0},
        {"prefix", 16.0},
        {"auto_tolerance", true},
        {"view", std::string("metrics")}}},
      {QT_TRANSLATE_NOOP("latentlab::ui::AttentionRankPage", "4. Causal stacks still collapse"),
       {{"n", 16.0}, {"d", 8.0}, {"seed", 3.0}, {"prefix", 4.0}, {"view", std::string("depth")}}},
  };
  return kCases;
}

}  // namespace

AttentionRankPage::AttentionRankPage(QWidget* parent) : Page(parent) {
  m_sweepController = new RecomputeController(this);
  connect(m_sweepController, &RecomputeController::resultReady, this,
          [this](const std::any& r, double) {
            m_sweep = std::any_cast<attention::RankSweepResult>(r);
            if (hasResult()) fillFigure(screenFigure());
            sweepIdle();
          });
  connect(m_sweepController, &RecomputeController::progress, this,
          [this](double f) { m_sweepProgress->setValue(static_cast<int>(1000 * f)); });
  connect(m_sweepController, &RecomputeController::cancelledRun, this, [this] { sweepIdle(); });
  connect(m_sweepController, &RecomputeController::failed, this, [this](const QString& msg) {
    sweepIdle();
    emit computeFailed(msg);
  });

  buildToolbar(installViewTabs("view")->actions());
  connect(this, &Page::paramsChanged, this, &AttentionRankPage::syncToolbar);
  syncToolbar();
  paramsUpdated();
}

AttentionRankPage::~AttentionRankPage() = default;

std::vector<FieldSpec> AttentionRankPage::fields() const {
  return specsOf(attention::attentionRankFields());
}

QString AttentionRankPage::source() const {
  return tr(
      "Su Jianlin, “Why are today’s LLMs decoder-only?” (2023), kexue.fm/archives/9529, and its "
      "FAQ, 9547; Dong et al. 2021, arXiv:2103.03404");
}

std::vector<std::string> AttentionRankPage::captionKeys() const {
  return {"source", "n", "d", "tau", "prefix"};
}

std::vector<std::pair<QString, std::string>> AttentionRankPage::sections() const {
  return {{tr("Q and K"), "source"},
          {tr("Masks"), "prefix"},
          {tr("Rank"), "auto_tolerance"},
          {tr("Display"), "log_colour"}};
}

int AttentionRankPage::caseCount() { return static_cast<int>(cases().size()); }

attention::AttentionRankParams AttentionRankPage::labParams() const {
  auto p = fromParamSet(params(), attention::attentionRankFields());
  p.loaded = m_loaded;
  return p;
}

void AttentionRankPage::validateParams(const ParamSet& merged) const {
  auto p = fromParamSet(merged, attention::attentionRankFields());
  p.loaded = m_loaded;
  attention::validate(p);
}

RecomputeController::Job AttentionRankPage::makeJob() const {
  return [p = labParams()](const RunControl& control) {
    RankJobResult out;
    out.main = attention::computeAttentionRank(p, control);
    if (p.view == RankView::Depth) out.depth = attention::computeDepth(p, control);
    return std::any(std::move(out));
  };
}

void AttentionRankPage::applyPartial(const std::any& snapshot) {
  // The matrices before their SVDs: the views that show them fill in at once, the others
  // (sweeps, depth, heads) wait for the complete result they are built from.
  const auto* maps = std::any_cast<attention::AttentionRankResult>(&snapshot);
  const RankView view = labParams().view;
  if (!maps || (view != RankView::Overview && view != RankView::Heatmaps &&
                view != RankView::Spectra && view != RankView::Metrics))
    return;
  m_result = *maps;
  markHasResult();
  fillFigure(screenFigure());
}

void AttentionRankPage::applyResult(const std::any& result) {
  auto r = std::any_cast<RankJobResult>(result);
  m_result = std::move(r.main);
  if (r.depth) m_depth = std::move(r.depth);
  markHasResult();
  const auto p = labParams();
  if (p.view == RankView::Sweeps && (!m_sweep || !attention::sameSweepInputs(m_sweep->params, p))) {
    // On screen the sweep runs on its own controller and the last sweep stays until it is done;
    // headless (command line, report, tests of a hidden page) there is no later, so compute now.
    if (isVisible()) {
      runSweep();
    } else {
      m_sweep = attention::computeRankSweep(p);
    }
  }
  fillFigure(screenFigure());
}

QWidget* AttentionRankPage::createFigure(QWidget* parent) const {
  return new AttentionRankFigure(parent);
}

void AttentionRankPage::fillFigure(QWidget* figure) const {
  auto* fig = qobject_cast<AttentionRankFigure*>(figure);
  if (!fig || !m_result) return;
  fig->show(labParams(), *m_result, m_sweep ? &*m_sweep : nullptr, m_depth ? &*m_depth : nullptr);
}

void AttentionRankPage::paramsUpdated() {
  const auto p = labParams();
  if (ParamForm* f = form()) {
    const double n = p.source == attention::QkSource::Npy && m_loaded
                         ? static_cast<double>(m_loaded->q.rows())
                         : static_cast<double>(p.n);
    f->setFieldRange("d", 1, std::max(1.0, static_cast<double>(p.n)));
    f->setFieldRange("prefix", 0, n);
    f->setFieldVisible("tolerance", !p.autoTolerance);
    f->setFieldVisible("seed", p.source == attention::QkSource::Gaussian);
    const bool sized = p.source != attention::QkSource::Npy;
    f->setFieldVisible("n", sized);
    f->setFieldVisible("d", sized && p.source != attention::QkSource::Circle);
    f->setFieldVisible("sweep_axis", p.view == RankView::Sweeps);
    f->setFieldVisible("depth", p.view == RankView::Depth);
  }
}

bool AttentionRankPage::isCheap(const std::string& key) const {
  // Size, engine and depth change the cost by orders of magnitude: debounce those.
  return key != "n" && key != "svd" && key != "depth" && key != "view";
}

void AttentionRankPage::buildToolbar(QHBoxLayout* row) {
  m_cases = new QComboBox(this);
  m_cases->addItem(tr("Claim and qualifications…"));
  for (const auto& c : cases()) m_cases->addItem(tr(c.label));
  m_cases->setToolTip(tr("Load the main claim or one of its honest qualifications"));
  connect(m_cases, &QComboBox::activated, this, [this](int i) {
    m_cases->setCurrentIndex(0);
    if (i >= 1) loadCase(i - 1);
  });
  row->addWidget(m_cases);
  m_loadedLabel = new QLabel(this);
  row->addWidget(m_loadedLabel);
  m_load = new QPushButton(tr("Load Q/K from files…"), this);
  m_load->setToolTip(
      tr("Two files of shape (n, d): .npy (float32 or float64, C order) or text (.csv, .txt, "
         ".tsv: one row per line, numbers separated by commas or whitespace). Scenario files "
         "record their names and SHA-256, and the matrices themselves up to 4 MiB each."));
  connect(m_load, &QPushButton::clicked, this, [this] {
    const QString filter =
        tr("Matrices (*.npy *.csv *.txt *.tsv);;NumPy arrays (*.npy);;Text (*.csv *.txt *.tsv)");
    const QString q = QFileDialog::getOpenFileName(this, tr("Queries Q (n × d)"), {}, filter);
    if (q.isEmpty()) return;
    const QString k = QFileDialog::getOpenFileName(this, tr("Keys K (n × d)"), {}, filter);
    if (k.isEmpty()) return;
    try {
      loadNpy(q, k);
    } catch (const std::exception& e) {  // ParamError, or bad_alloc on a huge file
      emit computeFailed(QString::fromStdString(e.what()));
    }
  });
  row->addWidget(m_load);
  m_sweepButton = new QPushButton(tr("Run sweep"), this);
  m_sweepButton->setToolTip(tr("Rank and effective rank along the chosen axis, in the background"));
  connect(m_sweepButton, &QPushButton::clicked, this, [this] {
    if (m_sweepController->isBusy()) {
      m_sweepController->cancel();
      return;
    }
    if (labParams().view != RankView::Sweeps) {
      setParam("view", std::string("sweeps"));  // the sweep starts when the view's result lands
      return;
    }
    runSweep();
  });
  row->addWidget(m_sweepButton);
  m_sweepProgress = new QProgressBar(this);
  m_sweepProgress->setRange(0, 1000);
  m_sweepProgress->setMaximumWidth(120);
  m_sweepProgress->setVisible(false);
  row->addWidget(m_sweepProgress);
}

void AttentionRankPage::syncToolbar() {
  m_loadedLabel->setText(
      m_loaded ? tr("Loaded: %1 × %2").arg(m_loaded->q.rows()).arg(m_loaded->q.cols()) : QString());
}

void AttentionRankPage::sweepIdle() {
  m_sweepProgress->setVisible(false);
  m_sweepButton->setText(tr("Run sweep"));
}

void AttentionRankPage::runSweep() {
  m_sweepButton->setText(tr("Cancel sweep"));
  m_sweepProgress->setValue(0);
  m_sweepProgress->setVisible(true);
  m_sweepController->request(
      [p = labParams()](const RunControl& control) {
        return std::any(attention::computeRankSweep(p, control));
      },
      false);
}

void AttentionRankPage::loadNpy(const QString& qPath, const QString& kPath) {
  const std::string q = QFile::encodeName(qPath).toStdString();
  const std::string k = QFile::encodeName(kPath).toStdString();
  auto loaded = attention::loadQk(q, k);
  setLoadedQk(std::move(loaded), {fileInput("q", q, "q_file"), fileInput("k", k, "k_file")});
}

void AttentionRankPage::setLoadedQk(std::shared_ptr<const attention::LoadedQk> loaded,
                                    std::vector<ScenarioInput> records) {
  if (!loaded) throw ParamError("q_file", "no matrices given");
  attention::checkLoadedQk(loaded->q, loaded->k);
  if (records.size() != 2)
    records = {memoryInput("q", "Q.npy", toNpy(loaded->q)),
               memoryInput("k", "K.npy", toNpy(loaded->k))};
  embedMatrix(records[0], loaded->q);
  embedMatrix(records[1], loaded->k);
  auto previous = m_loaded;
  auto previousRecords = m_records;
  m_loaded = std::move(loaded);
  m_records = std::move(records);
  const double n = static_cast<double>(m_loaded->q.rows());
  const auto p = fromParamSet(params(), attention::attentionRankFields());
  try {
    setParams({{"source", std::string("npy")}, {"prefix", std::min<double>(p.prefix, n)}});
  } catch (...) {
    m_loaded = previous;
    m_records = previousRecords;
    throw;
  }
  syncToolbar();
}

std::vector<ScenarioInput> AttentionRankPage::inputs() const {
  if (labParams().source != attention::QkSource::Npy || !m_loaded) return {};
  return m_records;
}

std::function<void()> AttentionRankPage::useInputs(const std::vector<ScenarioInput>& inputs) {
  for (const auto& in : inputs)
    if (in.role != "q" && in.role != "k")
      throw ParamError("inputs",
                       "page 'attention_rank' takes Q and K, but the scenario records "
                       "input '" +
                           in.role + "'");
  if (inputs.empty()) return {};
  const ScenarioInput* q = findInput(inputs, "q");
  const ScenarioInput* k = findInput(inputs, "k");
  if (!q || !k) throw ParamError("inputs", "the scenario records only one of Q and K");
  // A matrix opened here with the same fingerprint is that file; else the embedded copy.
  const auto matrix = [this](const ScenarioInput& in, std::size_t slot) {
    if (m_loaded && m_records.size() == 2 && m_records[slot].sha256 == in.sha256)
      return slot == 0 ? m_loaded->q : m_loaded->k;
    return embeddedMatrix(in);
  };
  auto next = std::make_shared<attention::LoadedQk>();
  next->q = matrix(*q, 0);
  next->k = matrix(*k, 1);
  next->qName = q->name;
  next->kName = k->name;
  attention::checkLoadedQk(next->q, next->k);
  std::vector<ScenarioInput> records = {*q, *k};
  if (m_loaded && m_records.size() == 2) {
    // Keep what this page knows of a file it opened (its embedded copy, when small).
    if (m_records[0].sha256 == q->sha256) records[0] = m_records[0];
    if (m_records[1].sha256 == k->sha256) records[1] = m_records[1];
  }
  auto undo = [this, previous = m_loaded, previousRecords = m_records] {
    m_loaded = previous;
    m_records = previousRecords;
    syncToolbar();
  };
  m_loaded = std::move(next);
  m_records = std::move(records);
  syncToolbar();
  return undo;
}

void AttentionRankPage::loadCase(int index) {
  if (index < 0 || index >= caseCount()) return;
  // Every field from its default, then the case's values: the result does not depend on what was
  // on screen before.
  ParamSet set = toParamSet(attention::AttentionRankParams{}, attention::attentionRankFields());
  for (const auto& [k, v] : cases()[static_cast<std::size_t>(index)].params) set[k] = v;
  try {
    setParams(set);
  } catch (const ParamError& e) {
    emit computeFailed(QString::fromStdString(e.what()));
  }
}

}  // namespace latentlab::ui
