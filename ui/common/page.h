// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QList>
#include <QString>
#include <QWidget>
#include <any>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "latentlab/common/device.h"
#include "latentlab/common/params.h"
#include "latentlab/common/scenario.h"
#include "ui/common/data_table.h"
#include "ui/common/figure_mode.h"
#include "ui/common/recompute_controller.h"

namespace latentlab::ui {

class ParamForm;
class ViewTabs;

/// Base of every page (ARCHITECTURE "UI contract"). A page owns its params (a ParamSet checked
/// against its FieldSpec table) and seed, builds its ParamForm for the parameter dock, schedules
/// recompute through one RecomputeController, and applies results on the GUI thread.
///
/// Figures have one render path for screen, export and the command line: createFigure() makes a
/// fresh, empty figure widget and fillFigure() puts the current result in it. The page shows one
/// such widget; export makes another at the requested size and renders it.
class Page : public QWidget {
  Q_OBJECT
 public:
  explicit Page(QWidget* parent = nullptr);
  ~Page() override;

  virtual QString id() const = 0;     // "topk"
  virtual QString title() const = 0;  // "Smooth Top-k"
  virtual std::vector<latentlab::FieldSpec> fields() const = 0;

  latentlab::ParamSet params() const;
  /// Checks `changes` (checkParamSet + validateParams on the merged set), merges them and schedules
  /// a recompute. Throws ParamError and keeps the previous state when anything is wrong. Widgets
  /// are updated with signals blocked.
  void setParams(const latentlab::ParamSet& changes);
  void setParam(const std::string& key, const latentlab::ParamValue& value);
  /// Restores every field to its default (and the seed to 1).
  void resetParams();
  std::uint64_t seed() const;
  void setSeed(std::uint64_t seed);

  latentlab::Scenario scenario() const;
  /// Throws ParamError ("page" when the id differs) and keeps the previous state on error.
  void applyScenario(const latentlab::Scenario& scenario);

  /// The parameter dock's content (built once, owned by the page).
  QWidget* controls();

  /// Computes the current params on this thread and applies the result (CLI, tests, export).
  /// Throws what the job throws.
  void computeNow();
  /// Requests a recompute of the current params (another device was chosen).
  void recompute();
  /// Whether this page computes on the chosen device (View ▸ Device); such pages recompute when
  /// it changes. Default: false (the page always computes on the CPU).
  virtual bool usesDevice() const;
  /// Runs the page's on-request measurement (the attention Timing view, the Top-k Speed view) on
  /// this thread's event loop, on the chosen device beside the CPU, and shows it; returns false
  /// when the page has none or it did not finish within `timeoutMs` (CLI --measure).
  virtual bool measureNow(int timeoutMs);
  /// Whether the page has such a measurement (default: false).
  virtual bool hasMeasurement() const;
  /// The size of the current params' run in the page's work model (e.g. its FLOP model), for
  /// the cost preview; NaN (the default) for pages without one.
  virtual double costUnits() const;
  /// The cost preview: how long a run of the current params will take on the chosen device,
  /// from the last run of this view there ("≈ 12 s on OpenCL: …", or "no estimate yet …");
  /// empty for pages without a work model. The computing mark shows it while a run goes on.
  QString costPreview() const;
  bool hasResult() const;
  RecomputeController* controller() const;
  /// Hidden pages pause recompute and catch up when shown again.
  void setActive(bool active);
  /// Whether the on-screen figure carries the computing mark (its figure is older than its
  /// params, or shows a partial result of them); set shortly after a computation starts.
  bool showsComputingMark() const;
  /// The mark's text ("Computing… 35 %"); empty when it is not shown.
  QString computingMarkText() const;

  /// A fresh figure widget showing the current result (caller owns it). An Export figure hides
  /// what only works under a mouse (figure_mode.h).
  QWidget* makeFigure(QWidget* parent = nullptr, FigureMode mode = FigureMode::Screen) const;
  /// What the figure illustrates: the article or paper ("Su Jianlin, “…” (2023),
  /// kexue.fm/archives/9826; Mentzer et al. 2023, arXiv:2309.15505").
  virtual QString source() const = 0;
  /// The caption line of an exported figure: source() and the parameters that matter
  /// (captionKeys(), "label = value" with the form's translated labels).
  QString figureCaption() const;
  /// The arrays behind the current figure.
  virtual QList<DataTable> exportData() const = 0;
  /// Full-resolution images behind the figure (e.g. reconstructions) as PNG files in `dir`, for the
  /// command line's --export-images; returns the files written. Default: throws
  /// ParamError("export-images"), the page has no such images.
  virtual QStringList exportImages(const QString& dir) const;
  /// Opens data files in the page as its Open button does (the command line's --open). Throws
  /// ParamError("open") with the reason when the page takes no files, the count is wrong or a
  /// file cannot be used; the page then keeps its previous input.
  virtual void openFiles(const QStringList& paths);
  /// The loaded files the current params use, as a scenario records them (name, size, SHA-256,
  /// small data embedded; README "Scenario files"), in openFiles() order. Empty when the page
  /// shows built-in data or takes no files. scenario() carries them.
  virtual std::vector<latentlab::ScenarioInput> inputs() const;
  /// The parameter setting that makes the page use what openFiles() loaded ("source=npy"), for
  /// messages; empty for pages without files.
  virtual QString loadedSetting() const;
  /// Named values behind the figure that are not tables: the actual sizes, step counts,
  /// integrator, precision, device, iteration counts and any value the page clamped or capped.
  /// Written with the data export (JSON "values", CSV block "# values"). Default: none.
  virtual QList<DataValue> exportValues() const;
  /// The device the shown result was computed on (and, after a fallback, the one asked for and
  /// why it was not used). Every data export records it. Default: the CPU.
  virtual latentlab::DeviceUse computedOn() const;

 signals:
  void computed(double elapsedMs);  // a result was applied
  /// The on-screen figure shows something new of the current params: a partial or final result.
  void figureUpdated(bool partial);
  void computeFailed(const QString& message);
  void busyChanged(bool busy);
  void progressChanged(double fraction);
  void paramsChanged();  // after any accepted change

 protected:
  /// For openFiles(): checks that `paths` holds `count` files, runs `open` (a page's bool-returning
  /// loader that reports failures through computeFailed) and turns a failure into ParamError.
  void openWith(const QStringList& paths, int count,
                const std::function<bool(const QStringList&)>& open);
  /// Puts a scenario's recorded inputs to use before applyScenario() checks its params: an input
  /// already loaded with the same SHA-256 (a file the user opened) stays, otherwise the embedded
  /// data is decoded. Throws ParamError("inputs", …) naming an input that is neither, so a replay
  /// never computes on something else. Returns what undoes it (applyScenario calls it when the
  /// params then fail); may return an empty function. Default: refuses any input (no files).
  virtual std::function<void()> useInputs(const std::vector<latentlab::ScenarioInput>& inputs);
  /// Cross-field checks on the merged params (e.g. "k must be between 0 and n = 4, got 7").
  /// Default: none. Throw ParamError.
  virtual void validateParams(const latentlab::ParamSet& merged) const;
  /// Snapshot of params + seed by value; runs on a worker thread.
  virtual RecomputeController::Job makeJob() const = 0;
  /// Stores the result (GUI thread) and refreshes the on-screen figure via fillFigure().
  virtual void applyResult(const std::any& result) = 0;
  /// Shows a snapshot the running job handed to RunControl::partial() (GUI thread, newest
  /// request only). The final result still arrives through applyResult(). Default: ignored.
  virtual void applyPartial(const std::any& snapshot);
  virtual QWidget* createFigure(QWidget* parent) const = 0;
  virtual void fillFigure(QWidget* figure) const = 0;
  /// Titled groups for the ParamForm: {title, first key}. Default: none.
  virtual std::vector<std::pair<QString, std::string>> sections() const;
  /// The keys figureCaption() names, in order. Default: none.
  virtual std::vector<std::string> captionKeys() const;
  /// Called after params change (from the form or setParams), before the recompute is requested;
  /// pages adjust dependent widget ranges here (e.g. k's maximum = n). Default: nothing.
  virtual void paramsUpdated();
  /// Whether a change of `key` is cheap enough for throttled live preview (default true).
  virtual bool isCheap(const std::string& key) const;
  /// Whether `key` only chooses what the figure shows of a result (a view tab, a time slider)
  /// and the job's result does not depend on it. While a computation runs, a change of such keys
  /// alone refills the figure from what it has instead of restarting the run. Default: false.
  virtual bool isViewOnly(const std::string& key) const;
  /// The on-screen figure, for applyResult() to refill. Created lazily by the base.
  QWidget* screenFigure() const;
  ParamForm* form() const;
  /// Set by the derived applyResult through the base: marks hasResult().
  void markHasResult();
  /// Puts tabs bound to the Choice field `key` above the figure and hides that field's form row
  /// (the tabs own it). Page-specific buttons go into the returned strip's actions() row.
  ViewTabs* installViewTabs(const std::string& key = "view");
  void showEvent(QShowEvent* event) override;

 private:
  /// The cost preview's rate key: `device` and the params' view.
  std::string costKey(const std::string& device) const;
  void onFormValue(const std::string& key, const latentlab::ParamValue& value, bool interactive);
  void updateMark();
  /// Requests the recompute for accepted `changes`, unless they only change the view of a
  /// computation still running (isViewOnly): then the figure is refilled and the run goes on.
  void requestFor(const latentlab::ParamSet& changes, bool interactive);

  struct Impl;
  std::unique_ptr<Impl> d;
};

}  // namespace latentlab::ui
