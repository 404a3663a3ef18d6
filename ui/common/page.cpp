// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/page.h"

#include <QCoreApplication>
#include <QPointer>
#include <QScrollArea>
#include <QShowEvent>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "ui/common/computing_overlay.h"
#include "ui/common/cost_estimate.h"
#include "ui/common/device_choice.h"
#include "ui/common/panel_export.h"
#include "ui/common/param_form.h"
#include "ui/common/view_tabs.h"

namespace latentlab::ui {
namespace {

constexpr const char* kSeedKey = "seed";  // the field that holds a page's seed, when it has one
constexpr int kThrottleMs = 30;           // cheap previews: ~30 updates per second while dragging
constexpr int kDebounceMs = 200;          // expensive work: wait until the slider rests
// A computation that ends within this time never shows the computing mark, so quick updates do
// not flicker; anything longer is marked before a user could mistake the old figure for the new.
constexpr int kMarkDelayMs = 120;

#ifdef LATENTLAB_VERSION
constexpr const char* kAppVersion = LATENTLAB_VERSION;
#else
constexpr const char* kAppVersion = "";
#endif

}  // namespace

struct Page::Impl {
  bool initialised = false;
  latentlab::ParamSet params;
  std::uint64_t seed = 1;
  RecomputeController* controller = nullptr;
  QPointer<QScrollArea> controls;  // may be re-parented into the main window's dock
  QPointer<ParamForm> form;        // lives inside `controls`
  QWidget* figure = nullptr;
  QVBoxLayout* layout = nullptr;
  bool hasResult = false;
  QPointer<ComputingOverlay> overlay;  // on `figure`
  QTimer markDelay;
  bool markDue = false;           // busy for longer than kMarkDelayMs
  quint64 partialGeneration = 0;  // the request whose partial result the figure shows
  CostEstimate cost;              // the cost preview's rates
  double runUnits = std::numeric_limits<double>::quiet_NaN();  // the running job's size
};

Page::Page(QWidget* parent) : QWidget(parent), d(std::make_unique<Impl>()) {
  d->controller = new RecomputeController(this);
  d->layout = new QVBoxLayout(this);
  d->layout->setContentsMargins(0, 0, 0, 0);
  connect(d->controller, &RecomputeController::resultReady, this,
          [this](const std::any& result, double ms) {
            applyResult(result);
            d->hasResult = true;
            d->cost.record(costKey(computedOn().device), d->runUnits, ms);
            emit computed(ms);
            emit figureUpdated(false);
          });
  connect(d->controller, &RecomputeController::failed, this, &Page::computeFailed);
  connect(d->controller, &RecomputeController::busyChanged, this, &Page::busyChanged);
  connect(d->controller, &RecomputeController::progress, this, &Page::progressChanged);
  connect(d->controller, &RecomputeController::partialReady, this, [this](const std::any& snap) {
    d->partialGeneration = d->controller->generation();
    applyPartial(snap);
    updateMark();
    emit figureUpdated(true);
  });
  // The computing mark follows the controller: armed when work starts, shown after kMarkDelayMs,
  // stale (veiled) until the figure shows something of the current params, gone when done.
  d->markDelay.setSingleShot(true);
  d->markDelay.setInterval(kMarkDelayMs);
  connect(&d->markDelay, &QTimer::timeout, this, [this] {
    d->markDue = true;
    updateMark();
  });
  connect(d->controller, &RecomputeController::started, this, [this] {
    d->runUnits = costUnits();
    if (d->overlay) {
      d->overlay->setProgress(-1.0);  // unknown until the new run reports
      d->overlay->setDetail(costPreview());
    }
    updateMark();
  });
  connect(d->controller, &RecomputeController::progress, this, [this](double f) {
    if (d->overlay) d->overlay->setProgress(f);
  });
  connect(d->controller, &RecomputeController::busyChanged, this, [this] { updateMark(); });
  connect(this, &Page::computed, this, [this] { updateMark(); });
  connect(this, &Page::paramsChanged, this, [this] { updateMark(); });
}

Page::~Page() {
  // By now the derived page is destroyed: cut every connection from the controller first, so the
  // busyChanged/cancelledRun that cancel() emits reaches no slot of the dead derived object
  // (LstRunPage::setBusyUi ran on freed memory here), then stop the workers.
  d->controller->disconnect();
  d->controller->cancel();
  delete d->controls.data();
}

std::vector<std::pair<QString, std::string>> Page::sections() const { return {}; }
void Page::applyPartial(const std::any&) {}

void Page::updateMark() {
  if (!d->overlay) return;
  if (!d->controller->isBusy()) {
    d->markDelay.stop();
    d->markDue = false;
    d->overlay->hide();
    return;
  }
  if (d->overlay->isHidden() && !d->markDue) {
    // Busy for less than kMarkDelayMs so far: maybe it is quick and the mark would only flicker.
    if (!d->markDelay.isActive()) d->markDelay.start();
    return;
  }
  const bool current = d->partialGeneration == d->controller->generation();
  d->overlay->setMode(current ? ComputingOverlay::Mode::Refining : ComputingOverlay::Mode::Stale);
  d->overlay->show();
  d->overlay->raise();
}

bool Page::showsComputingMark() const { return d->overlay && !d->overlay->isHidden(); }

QString Page::computingMarkText() const {
  return showsComputingMark() ? d->overlay->text() : QString();
}
void Page::validateParams(const latentlab::ParamSet&) const {}
void Page::paramsUpdated() {}
bool Page::isCheap(const std::string&) const { return true; }
bool Page::isViewOnly(const std::string&) const { return false; }

void Page::requestFor(const latentlab::ParamSet& changes, bool interactive) {
  const bool viewOnly =
      !changes.empty() && std::all_of(changes.begin(), changes.end(),
                                      [this](const auto& kv) { return isViewOnly(kv.first); });
  if (viewOnly && d->controller->isBusy()) {
    if (d->figure) fillFigure(d->figure);
    return;
  }
  d->controller->request(makeJob(), interactive);
}

QStringList Page::exportImages(const QString&) const {
  std::string message("page '");
  message += id().toStdString();
  message += "' has no images to export; use --export";
  throw latentlab::ParamError("export-images", message);
}

void Page::openFiles(const QStringList&) {
  std::string message("page '");
  message += id().toStdString();
  message += "' opens no files";
  throw latentlab::ParamError("open", message);
}

std::vector<latentlab::ScenarioInput> Page::inputs() const { return {}; }
QString Page::loadedSetting() const { return {}; }
QList<DataValue> Page::exportValues() const { return {}; }

latentlab::DeviceUse Page::computedOn() const { return {}; }

std::function<void()> Page::useInputs(const std::vector<latentlab::ScenarioInput>& inputs) {
  if (!inputs.empty()) {
    std::string message("page '");
    message += id().toStdString();
    message += "' opens no files, but the scenario records input '" + inputs.front().role + "'";
    throw latentlab::ParamError("inputs", message);
  }
  return {};
}

void Page::openWith(const QStringList& paths, int count,
                    const std::function<bool(const QStringList&)>& open) {
  if (paths.size() != count) {
    std::string message("page '");
    message += id().toStdString();
    message.append("' opens ").append(std::to_string(count)).append(" file(s), got ");
    message.append(std::to_string(paths.size()));
    throw latentlab::ParamError("open", message);
  }
  QString failure;
  const auto connection =
      connect(this, &Page::computeFailed, this, [&failure](const QString& m) { failure = m; });
  const bool ok = open(paths);
  disconnect(connection);
  if (!ok) throw latentlab::ParamError("open", failure.toStdString());
}

latentlab::ParamSet Page::params() const {
  if (!d->initialised) {
    // fields() is virtual, so defaults are read on first use rather than in the constructor.
    for (const auto& f : fields()) d->params[f.key] = f.def;
    d->initialised = true;
  }
  return d->params;
}

namespace {
latentlab::ParamSet mergeChecked(const std::vector<latentlab::FieldSpec>& specs,
                                 latentlab::ParamSet base, const latentlab::ParamSet& changes) {
  latentlab::checkParamSet(specs, changes);
  for (const auto& [key, value] : changes)
    base[key] = latentlab::checkValue(*latentlab::findField(specs, key), value);
  return base;
}
}  // namespace

void Page::setParams(const latentlab::ParamSet& changes) {
  latentlab::ParamSet merged = mergeChecked(fields(), params(), changes);
  validateParams(merged);  // throws before anything is committed
  d->params = std::move(merged);
  if (d->form) d->form->setValues(d->params);
  paramsUpdated();
  requestFor(changes, false);
  emit paramsChanged();
}

void Page::setParam(const std::string& key, const latentlab::ParamValue& value) {
  setParams({{key, value}});
}

void Page::resetParams() {
  latentlab::ParamSet defaults;
  for (const auto& f : fields()) defaults[f.key] = f.def;
  d->params = std::move(defaults);
  d->initialised = true;
  d->seed = 1;
  if (d->form) d->form->setValues(d->params);
  paramsUpdated();
  d->controller->request(makeJob(), false);
  emit paramsChanged();
}

// A page whose fields include "seed" keeps its seed there (the form shows it); the scenario file
// still carries it once, at top level.
std::uint64_t Page::seed() const {
  const latentlab::ParamSet current = params();
  const auto it = current.find(kSeedKey);
  if (it != current.end()) return static_cast<std::uint64_t>(std::get<double>(it->second));
  return d->seed;
}

void Page::setSeed(std::uint64_t seed) {
  if (latentlab::findField(fields(), kSeedKey)) {
    setParam(kSeedKey, static_cast<double>(seed));
    return;
  }
  if (seed == d->seed) return;
  d->seed = seed;
  d->controller->request(makeJob(), false);
  emit paramsChanged();
}

latentlab::Scenario Page::scenario() const {
  latentlab::Scenario s;
  s.page = id().toStdString();
  s.seed = seed();
  s.appVersion = kAppVersion;
  s.params = params();
  s.params.erase(kSeedKey);
  s.inputs = inputs();
  return s;
}

void Page::applyScenario(const latentlab::Scenario& scenario) {
  if (scenario.page != id().toStdString())
    throw latentlab::ParamError("page", "scenario is for page '" + scenario.page + "', this is '" +
                                            id().toStdString() + "'");
  // A scenario is a whole state: keys it omits take their defaults, not the current values.
  latentlab::ParamSet defaults;
  for (const auto& f : fields()) defaults[f.key] = f.def;
  latentlab::ParamSet given = scenario.params;
  if (latentlab::findField(fields(), kSeedKey) && !given.count(kSeedKey))
    given[kSeedKey] = static_cast<double>(scenario.seed);
  // The files first: the params are checked against the data they will compute on (prefix ≤ n).
  const std::function<void()> undoInputs = useInputs(scenario.inputs);
  latentlab::ParamSet merged;
  try {
    merged = mergeChecked(fields(), std::move(defaults), given);
    validateParams(merged);
  } catch (...) {
    if (undoInputs) undoInputs();
    throw;
  }
  d->params = std::move(merged);
  d->initialised = true;
  d->seed = scenario.seed;
  if (d->form) d->form->setValues(d->params);
  paramsUpdated();
  d->controller->request(makeJob(), false);
  emit paramsChanged();
}

ViewTabs* Page::installViewTabs(const std::string& key) {
  auto* tabs = new ViewTabs(this, key);
  screenFigure();  // creates the page layout with the figure
  d->layout->insertWidget(0, tabs);
  form()->setFieldVisible(key, false);
  return tabs;
}

ParamForm* Page::form() const {
  if (!d->form) {
    auto* self = const_cast<Page*>(this);
    d->controls = new QScrollArea;
    d->controls->setObjectName(QStringLiteral("paramControls"));
    d->controls->setWidgetResizable(true);
    d->controls->setFrameShape(QFrame::NoFrame);
    // The form narrows to the dock (MainWindow keeps the dock at least as wide as the form's
    // minimum); a sideways scroll bar would hide the spin boxes behind it.
    d->controls->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    d->form = new ParamForm(fields(), sections());
    d->form->setValues(params());
    d->controls->setWidget(d->form);
    connect(d->form, &ParamForm::valueChanged, self,
            [self](const std::string& key, const latentlab::ParamValue& value, bool interactive) {
              self->onFormValue(key, value, interactive);
            });
    self->paramsUpdated();  // pages set dependent ranges (k ≤ n) on the fresh form
  }
  return d->form;
}

QWidget* Page::controls() {
  form();
  return d->controls;
}

void Page::onFormValue(const std::string& key, const latentlab::ParamValue& value,
                       bool interactive) {
  try {
    latentlab::ParamSet merged = mergeChecked(fields(), params(), {{key, value}});
    validateParams(merged);
    d->params = std::move(merged);
  } catch (const latentlab::ParamError& e) {
    emit computeFailed(QString::fromStdString(e.what()));
    d->form->setValues(d->params);  // back to the last accepted state
    return;
  }
  paramsUpdated();
  if (isCheap(key))
    d->controller->setPolicy(RecomputeController::Policy::Throttle, kThrottleMs);
  else
    d->controller->setPolicy(RecomputeController::Policy::Debounce, kDebounceMs);
  requestFor({{key, value}}, interactive);
  emit paramsChanged();
}

void Page::computeNow() {
  d->controller->cancel();  // a queued run of the same params would only repeat this work
  const auto t0 = std::chrono::steady_clock::now();
  const std::any result = RecomputeController::runNow(makeJob());
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  applyResult(result);
  d->hasResult = true;
  d->cost.record(costKey(computedOn().device), costUnits(), ms);
  emit computed(ms);
}

void Page::recompute() { d->controller->request(makeJob(), false); }

bool Page::usesDevice() const { return false; }

bool Page::measureNow(int) { return false; }

bool Page::hasMeasurement() const { return false; }

double Page::costUnits() const { return std::numeric_limits<double>::quiet_NaN(); }

// Rates are kept per device and view: the views' extra work differs (sweeps, redraws).
std::string Page::costKey(const std::string& device) const {
  const auto it = d->params.find("view");
  const auto* view = it == d->params.end() ? nullptr : std::get_if<std::string>(&it->second);
  return device + "/" + (view ? *view : std::string());
}

QString Page::costPreview() const {
  const double units = costUnits();
  if (!std::isfinite(units)) return {};
  const std::string device =
      usesDevice() ? DeviceChoice::instance().current().toStdString() : std::string("cpu");
  const auto info = latentlab::findDevice(device);
  const QString where = device == "cpu" || !info
                            ? tr("the CPU")
                            : tr("OpenCL: %1").arg(QString::fromStdString(info->name));
  return costText(d->cost.predict(costKey(device), units), where);
}

bool Page::hasResult() const { return d->hasResult; }

RecomputeController* Page::controller() const { return d->controller; }

void Page::setActive(bool active) {
  d->controller->setPaused(!active);
  // A page shown for the first time computes its defaults; later it only catches up on changes.
  if (active && !d->hasResult && !d->controller->isBusy()) d->controller->request(makeJob(), false);
}

QWidget* Page::makeFigure(QWidget* parent, FigureMode mode) const {
  QWidget* fig = createFigure(parent);
  setFigureMode(fig, mode);  // before filling: texts leave their mouse hints out in an export
  if (d->hasResult) fillFigure(fig);
  if (mode == FigureMode::Export) applyExportMode(fig);
  return fig;
}

std::vector<std::string> Page::captionKeys() const { return {}; }

QString Page::figureCaption() const {
  const std::vector<latentlab::FieldSpec> specs = fields();
  const latentlab::ParamSet values = params();
  QStringList parts;
  for (const std::string& key : captionKeys()) {
    const latentlab::FieldSpec* spec = latentlab::findField(specs, key);
    const auto value = values.find(key);
    if (!spec || value == values.end()) continue;
    // "τ (inverse temperature)" names the field on the form; the caption keeps "τ".
    QString label = QCoreApplication::translate("fields", spec->label.c_str());
    if (const qsizetype paren = label.indexOf(QStringLiteral(" (")); paren > 0)
      label.truncate(paren);
    QString text = QString::fromStdString(latentlab::formatValue(value->second));
    if (spec->kind == latentlab::FieldKind::Choice) {
      const auto& ids = spec->choices;
      const auto it = std::find(ids.begin(), ids.end(), latentlab::formatValue(value->second));
      const auto i = static_cast<std::size_t>(it - ids.begin());
      if (it != ids.end() && i < spec->choiceLabels.size())
        text = QCoreApplication::translate("fields", spec->choiceLabels[i].c_str());
    }
    parts << QStringLiteral("%1 = %2").arg(label, text);
  }
  const QString src = source();
  if (parts.isEmpty()) return src;
  return src.isEmpty() ? parts.join(QStringLiteral(", "))
                       : src + QStringLiteral(" · ") + parts.join(QStringLiteral(", "));
}

QWidget* Page::screenFigure() const {
  if (!d->figure) {
    d->figure = createFigure(const_cast<Page*>(this));
    enablePanelExport(d->figure);  // right-click a chart, map or table to export it alone
    d->layout->addWidget(d->figure);
    d->overlay = new ComputingOverlay(d->figure);
    if (d->hasResult) fillFigure(d->figure);
  }
  return d->figure;
}

void Page::markHasResult() { d->hasResult = true; }

void Page::showEvent(QShowEvent* event) {
  screenFigure();  // the page shows its figure; built here because createFigure() is virtual
  QWidget::showEvent(event);
}

}  // namespace latentlab::ui
