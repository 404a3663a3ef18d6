// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/param_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

namespace latentlab::ui {
namespace {

constexpr int kSliderSteps = 1000;

QString fieldText(const std::string& english) {
  // Field labels and help come from core in English; the "fields" context translates them.
  return QCoreApplication::translate("fields", english.c_str());
}

/// Shows values with %g-style significant digits, so 0.001 and 10000 on one log field are both
/// legible, and accepts scientific input ("1e-3"). QDoubleSpinBox rounds to decimals(), so the
/// caller sets enough decimals for the smallest value.
class SciSpinBox : public QDoubleSpinBox {
 public:
  using QDoubleSpinBox::QDoubleSpinBox;
  QString textFromValue(double v) const override {
    QLocale loc = locale();
    loc.setNumberOptions(loc.numberOptions() |
                         QLocale::OmitGroupSeparator);  // "10000", not "10,000"
    return loc.toString(v, 'g', 6);
  }
  double valueFromText(const QString& text) const override {
    bool ok = false;
    const double v = locale().toDouble(text.trimmed(), &ok);
    return ok ? v : value();
  }
  QValidator::State validate(QString& text, int&) const override {
    const QString t = text.trimmed();
    if (t.isEmpty() || t == "-" || t.endsWith('e', Qt::CaseInsensitive) || t.endsWith('-') ||
        t.endsWith('+'))
      return QValidator::Intermediate;
    bool ok = false;
    const double v = locale().toDouble(t, &ok);
    if (!ok) return QValidator::Invalid;
    return (v >= minimum() && v <= maximum()) ? QValidator::Acceptable : QValidator::Intermediate;
  }
};

}  // namespace

struct ParamForm::Impl {
  struct Row {
    latentlab::FieldSpec spec;
    double min = 0.0, max = 1.0;
    bool log = false;
    bool directSlider = false;  // small integer range: one slider step per integer
    QFormLayout* layout = nullptr;
    QLabel* label = nullptr;
    QWidget* field = nullptr;  // the widget (or container) in the form's field column
    bool shown = true;         // setFieldVisible's last word (the row may not be on screen yet)
    QSlider* slider = nullptr;
    QDoubleSpinBox* realSpin = nullptr;
    QSpinBox* intSpin = nullptr;
    QCheckBox* check = nullptr;
    QComboBox* combo = nullptr;
    QLineEdit* line = nullptr;
    latentlab::ParamValue last;  // last value emitted or set, to skip no-op vector edits
  };

  std::vector<latentlab::FieldSpec> specs;
  std::map<std::string, Row> rows;

  int toSlider(const Row& r, double v) const {
    if (r.directSlider) return static_cast<int>(std::lround(v));
    double t = 0.0;
    if (r.log)
      t = (std::log10(v) - std::log10(r.min)) / (std::log10(r.max) - std::log10(r.min));
    else if (r.max > r.min)
      t = (v - r.min) / (r.max - r.min);
    return static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * kSliderSteps));
  }

  double fromSlider(const Row& r, int pos) const {
    if (r.directSlider) return pos;
    if (pos <= 0) return r.min;
    if (pos >= kSliderSteps) return r.max;  // ends exact, whatever the rounding below
    const double t = static_cast<double>(pos) / kSliderSteps;
    double v = 0.0;
    if (r.log) {
      v = std::pow(10.0, std::log10(r.min) + t * (std::log10(r.max) - std::log10(r.min)));
      // Three significant digits: a dragged temperature reads 0.0123, not 0.012345678.
      const double mag = std::pow(10.0, std::floor(std::log10(v)) - 2.0);
      v = std::round(v / mag) * mag;
    } else {
      v = r.min + t * (r.max - r.min);
    }
    if (r.spec.kind == latentlab::FieldKind::Integer)
      v = std::round(v);
    else if (r.realSpin && !r.log)
      v = std::round(v * std::pow(10.0, r.realSpin->decimals())) /
          std::pow(10.0, r.realSpin->decimals());
    return std::clamp(v, r.min, r.max);
  }

  void configureRange(Row& r) {
    r.log = r.spec.logScale && r.min > 0.0 && r.max > r.min;
    r.directSlider =
        r.spec.kind == latentlab::FieldKind::Integer && !r.log && (r.max - r.min) <= kSliderSteps;
    if (r.slider) {
      if (r.directSlider)
        r.slider->setRange(static_cast<int>(r.min), static_cast<int>(r.max));
      else
        r.slider->setRange(0, kSliderSteps);
    }
    if (r.intSpin) r.intSpin->setRange(static_cast<int>(r.min), static_cast<int>(r.max));
    if (r.realSpin) {
      // Enough decimals for the smallest non-zero magnitude the field can take.
      const double span = r.max - r.min;
      const double smallest = r.log ? r.min : span / kSliderSteps;
      const int decimals =
          smallest > 0.0 ? std::clamp(static_cast<int>(std::ceil(-std::log10(smallest))) + 2, 2, 12)
                         : 4;
      r.realSpin->setDecimals(decimals);
      r.realSpin->setRange(r.min, r.max);
    }
  }
};

ParamForm::ParamForm(std::vector<latentlab::FieldSpec> specs,
                     std::vector<std::pair<QString, std::string>> sections, QWidget* parent)
    : QWidget(parent), d(std::make_unique<Impl>()) {
  using latentlab::FieldKind;
  d->specs = std::move(specs);
  auto* outer = new QVBoxLayout(this);
  auto* current = new QFormLayout;
  current->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  // A narrow dock puts a long label's field under it instead of widening the form.
  current->setRowWrapPolicy(QFormLayout::WrapLongRows);
  outer->addLayout(current);

  for (const auto& spec : d->specs) {
    for (const auto& [title, firstKey] : sections) {
      if (firstKey != spec.key) continue;
      auto* box = new QGroupBox(title, this);
      current = new QFormLayout(box);
      current->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
      current->setRowWrapPolicy(QFormLayout::WrapLongRows);
      outer->addWidget(box);
    }
    Impl::Row& r = d->rows[spec.key];
    r.spec = spec;
    r.min = spec.min;
    r.max = spec.max;
    r.layout = current;
    r.last = spec.def;
    const QString key = QString::fromStdString(spec.key);
    const QString tip = fieldText(spec.help);
    r.label = new QLabel(fieldText(spec.label), this);
    r.label->setToolTip(tip);
    const std::string k = spec.key;

    switch (spec.kind) {
      case FieldKind::Real:
      case FieldKind::Integer: {
        auto* box = new QWidget(this);
        auto* h = new QHBoxLayout(box);
        h->setContentsMargins(0, 0, 0, 0);
        r.slider = new QSlider(Qt::Horizontal, box);
        r.slider->setObjectName(key + "_slider");
        r.slider->setVisible(spec.slider);
        h->addWidget(r.slider, 1);
        QAbstractSpinBox* spin = nullptr;
        if (spec.kind == FieldKind::Integer) {
          r.intSpin = new QSpinBox(box);
          spin = r.intSpin;
        } else {
          r.realSpin = new SciSpinBox(box);
          r.realSpin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
          spin = r.realSpin;
        }
        spin->setObjectName(key + "_spin");
        spin->setKeyboardTracking(false);  // emit on Enter/focus-out, not on every keystroke
        spin->setMinimumWidth(80);
        h->addWidget(spin);
        d->configureRange(r);
        r.slider->setToolTip(tip);
        spin->setToolTip(tip);
        r.field = box;

        connect(r.slider, &QSlider::valueChanged, this, [this, k](int pos) {
          Impl::Row& row = d->rows[k];
          const double v = d->fromSlider(row, pos);
          {
            const QSignalBlocker b1(row.realSpin), b2(row.intSpin);
            if (row.realSpin) row.realSpin->setValue(v);
            if (row.intSpin) row.intSpin->setValue(static_cast<int>(v));
          }
          row.last = v;
          emit valueChanged(k, v, row.slider->isSliderDown());
        });
        connect(r.slider, &QSlider::sliderReleased, this, [this, k] {
          Impl::Row& row = d->rows[k];
          const double v = d->fromSlider(row, row.slider->value());
          row.last = v;
          emit valueChanged(k, v, false);
        });
        auto spinChanged = [this, k](double v) {
          Impl::Row& row = d->rows[k];
          {
            const QSignalBlocker b(row.slider);
            row.slider->setValue(d->toSlider(row, v));
          }
          row.last = v;
          emit valueChanged(k, v, false);
        };
        if (r.intSpin)
          connect(r.intSpin, &QSpinBox::valueChanged, this,
                  [spinChanged](int v) { spinChanged(v); });
        else
          connect(r.realSpin, &QDoubleSpinBox::valueChanged, this, spinChanged);
        break;
      }
      case FieldKind::Bool: {
        r.check = new QCheckBox(this);
        r.check->setObjectName(key);
        r.field = r.check;
        connect(r.check, &QCheckBox::toggled, this, [this, k](bool on) {
          d->rows[k].last = on;
          emit valueChanged(k, on, false);
        });
        break;
      }
      case FieldKind::Choice: {
        r.combo = new QComboBox(this);
        r.combo->setObjectName(key);
        // Narrow docks shorten the shown choice (its full text is in the list and the tooltip)
        // instead of pushing the form wider than the dock.
        r.combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        r.combo->setMinimumContentsLength(12);
        for (std::size_t i = 0; i < spec.choices.size(); ++i) {
          const std::string& shown =
              i < spec.choiceLabels.size() ? spec.choiceLabels[i] : spec.choices[i];
          r.combo->addItem(fieldText(shown), QString::fromStdString(spec.choices[i]));
        }
        r.field = r.combo;
        connect(r.combo, &QComboBox::currentIndexChanged, this, [this, k](int index) {
          Impl::Row& row = d->rows[k];
          if (index < 0) return;
          const std::string id = row.combo->itemData(index).toString().toStdString();
          row.last = id;
          emit valueChanged(k, id, false);
        });
        break;
      }
      case FieldKind::Vector: {
        r.line = new QLineEdit(this);
        r.line->setObjectName(key);
        r.line->setPlaceholderText(tr("comma-separated numbers, e.g. 3, 2, 1, 4"));
        r.field = r.line;
        connect(r.line, &QLineEdit::editingFinished, this, [this, k, tip] {
          Impl::Row& row = d->rows[k];
          try {
            const latentlab::ParamValue v =
                latentlab::parseValue(row.spec, row.line->text().toStdString());
            row.line->setStyleSheet({});
            row.line->setToolTip(tip);
            if (v == row.last) return;  // focus-out without an edit
            row.last = v;
            emit valueChanged(k, v, false);
          } catch (const latentlab::ParamError& e) {
            row.line->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #d62728; }"));
            row.line->setToolTip(QString::fromStdString(e.what()));
          }
        });
        break;
      }
    }
    if (r.field->toolTip().isEmpty()) r.field->setToolTip(tip);
    current->addRow(r.label, r.field);
  }
  outer->addStretch(1);
  setValues([this] {
    latentlab::ParamSet defaults;
    for (const auto& s : d->specs) defaults[s.key] = s.def;
    return defaults;
  }());
}

ParamForm::~ParamForm() = default;

void ParamForm::setValues(const latentlab::ParamSet& values) {
  for (const auto& [key, value] : values) {
    auto it = d->rows.find(key);
    if (it == d->rows.end()) continue;
    Impl::Row& r = it->second;
    r.last = value;
    const QSignalBlocker b1(r.slider), b2(r.realSpin), b3(r.intSpin), b4(r.check), b5(r.combo),
        b6(r.line);
    if (const double* v = std::get_if<double>(&value)) {
      if (r.slider) r.slider->setValue(d->toSlider(r, *v));
      if (r.realSpin) r.realSpin->setValue(*v);
      if (r.intSpin) r.intSpin->setValue(static_cast<int>(std::lround(*v)));
      if (r.check) r.check->setChecked(*v != 0.0);
    } else if (const bool* b = std::get_if<bool>(&value)) {
      if (r.check) r.check->setChecked(*b);
    } else if (const auto* s = std::get_if<std::string>(&value)) {
      if (r.combo) r.combo->setCurrentIndex(r.combo->findData(QString::fromStdString(*s)));
    } else if (r.line) {
      // formatValue gives "3,2,1,4"; a space after each comma reads better in the field.
      const QString text = QString::fromStdString(latentlab::formatValue(value));
      r.line->setText(text.split(QLatin1Char(',')).join(QStringLiteral(", ")));
      r.line->setStyleSheet({});
    }
  }
}

void ParamForm::setFieldVisible(const std::string& key, bool visible) {
  auto it = d->rows.find(key);
  if (it == d->rows.end()) return;
  QFormLayout* layout = it->second.layout;
  layout->setRowVisible(it->second.field, visible);
  it->second.shown = visible;
  // A titled section whose rows are all hidden would show an empty header: hide the box too.
  if (auto* box = qobject_cast<QGroupBox*>(layout->parentWidget())) {
    bool any = false;
    for (const auto& [k, row] : d->rows)
      if (row.layout == layout && row.shown) any = true;
    box->setVisible(any);
  }
}

void ParamForm::setFieldRange(const std::string& key, double min, double max) {
  auto it = d->rows.find(key);
  if (it == d->rows.end() || !(max >= min)) return;
  Impl::Row& r = it->second;
  if (!r.slider) return;
  const QSignalBlocker b1(r.slider), b2(r.realSpin), b3(r.intSpin);
  const double current = r.realSpin ? r.realSpin->value() : r.intSpin->value();
  r.min = min;
  r.max = max;
  d->configureRange(r);
  r.slider->setValue(d->toSlider(r, std::clamp(current, min, max)));
}

const std::vector<latentlab::FieldSpec>& ParamForm::specs() const { return d->specs; }

}  // namespace latentlab::ui
