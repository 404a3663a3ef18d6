// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/article.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <optional>

namespace latentlab::ui {
namespace {

// lupdate files these strings under the "Article" context.
struct Tr {
  Q_DECLARE_TR_FUNCTIONS(Article)
};

/// {"en": "...", "zh_CN": "..."} in `language`, else English; a plain string as it is.
QString text(const QJsonValue& v, const QString& language) {
  if (v.isString()) return v.toString();
  const QJsonObject o = v.toObject();
  const QString s = o.value(language).toString();
  return s.isEmpty() ? o.value(QStringLiteral("en")).toString() : s;
}

const DataTable* findTable(const QList<DataTable>& tables, const QString& name) {
  for (const DataTable& t : tables)
    if (t.name == name) return &t;
  return nullptr;
}

/// One cell: `row` counts from the end when negative (-1 the last row); "max" takes the column's
/// largest entry instead.
std::optional<double> cell(const QList<DataTable>& tables, const QJsonObject& spec,
                           const QString& tableName, int row) {
  const DataTable* t = findTable(tables, tableName);
  if (!t || t->rows.empty()) return std::nullopt;
  const auto col = t->columns.indexOf(spec.value(QStringLiteral("column")).toString());
  if (col < 0) return std::nullopt;
  const auto c = static_cast<std::size_t>(col);
  if (spec.value(QStringLiteral("max")).toBool()) {
    double best = -INFINITY;
    for (const auto& r : t->rows)
      if (c < r.size() && std::isfinite(r[c])) best = std::max(best, r[c]);
    return std::isfinite(best) ? std::optional<double>(best) : std::nullopt;
  }
  const int n = static_cast<int>(t->rows.size());
  const int at = row < 0 ? n + row : row;
  if (at < 0 || at >= n || c >= t->rows[static_cast<std::size_t>(at)].size()) return std::nullopt;
  return t->rows[static_cast<std::size_t>(at)][c];
}

QString format(double v, const QString& how) {
  if (!std::isfinite(v)) return QStringLiteral("∞");
  if (how == QLatin1String("percent")) return QString::number(100.0 * v, 'f', 1) + '%';
  if (how == QLatin1String("int")) return QString::number(std::llround(v));
  if (how.size() == 2 && (how[0] == 'f' || how[0] == 'g'))
    return QString::number(v, how[0].toLatin1(), how[1].digitValue());
  return QString::number(v, 'g', 4);
}

/// A step's number: {"value": key} (exportValues), or {"table", "row", "column"} with optional
/// "max", "divide": {"row", "column"} (a ratio of two cells), "scale" and "format".
QString number(const QJsonObject& spec, const QList<DataTable>& tables,
               const QList<DataValue>& values) {
  const QString how = spec.value(QStringLiteral("format")).toString();
  if (spec.contains(QStringLiteral("value"))) {
    const QString key = spec.value(QStringLiteral("value")).toString();
    for (const DataValue& v : values)
      if (v.key == key) {
        if (const auto* s = std::get_if<QString>(&v.value)) return *s;
        return format(std::get<double>(v.value), how);
      }
    return QStringLiteral("—");
  }
  const QString table = spec.value(QStringLiteral("table")).toString();
  std::optional<double> v = cell(tables, spec, table, spec.value(QStringLiteral("row")).toInt());
  if (v && spec.contains(QStringLiteral("divide"))) {
    QJsonObject d = spec.value(QStringLiteral("divide")).toObject();
    if (!d.contains(QStringLiteral("column"))) d[QStringLiteral("column")] = spec["column"];
    const std::optional<double> by = cell(tables, d, table, d.value(QStringLiteral("row")).toInt());
    v = by && *by != 0.0 ? std::optional<double>(*v / *by) : std::nullopt;
  }
  if (!v) return QStringLiteral("—");
  return format(*v * spec.value(QStringLiteral("scale")).toDouble(1.0), how);
}

}  // namespace

Article loadArticle(const QString& pageId, const QString& language, const QList<DataTable>& tables,
                    const QList<DataValue>& values) {
  QFile file(QStringLiteral(":/articles/%1.json").arg(pageId));
  Article a;
  if (!file.open(QIODevice::ReadOnly)) return a;
  const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
  for (const QJsonValue& s : o.value(QStringLiteral("sources")).toArray()) {
    const QJsonObject so = s.toObject();
    a.sources.push_back({text(so.value(QStringLiteral("title")), language),
                         so.value(QStringLiteral("date")).toString(),
                         so.value(QStringLiteral("url")).toString()});
  }
  for (const QJsonValue& p : o.value(QStringLiteral("papers")).toArray()) a.papers << p.toString();
  a.claim = text(o.value(QStringLiteral("claim")), language);
  for (const QJsonValue& f : o.value(QStringLiteral("formulas")).toArray())
    a.formulas << QStringLiteral(":/formulas/%1.svg").arg(f.toString());
  a.theory = o.value(QStringLiteral("theory")).toString();
  for (const QJsonValue& s : o.value(QStringLiteral("steps")).toArray()) {
    const QJsonObject so = s.toObject();
    QString sentence = text(so.value(QStringLiteral("text")), language);
    for (const QJsonValue& n : so.value(QStringLiteral("numbers")).toArray())
      sentence = sentence.arg(number(n.toObject(), tables, values));
    const QString preset = so.value(QStringLiteral("preset")).toString();
    a.steps.push_back({sentence, preset.isEmpty()
                                     ? QString()
                                     : QStringLiteral(":/scenarios/%1.json").arg(preset)});
  }
  return a;
}

QString articleHeaderHtml(const Article& a) {
  QString html;
  for (const Article::Source& s : a.sources)
    html += QStringLiteral("<p><b><a href='%1'>%2</a></b><br>%3 · %4</p>")
                .arg(s.url.toHtmlEscaped(), s.title.toHtmlEscaped(), Tr::tr("Su Jianlin"),
                     s.date.toHtmlEscaped());
  if (!a.papers.isEmpty())
    html += QStringLiteral("<p>%1 %2</p>")
                .arg(Tr::tr("Papers:"), a.papers.join(QStringLiteral("; ")).toHtmlEscaped());
  html += QStringLiteral("<p>%1</p>").arg(a.claim.toHtmlEscaped());
  if (!a.theory.isEmpty())
    html += QStringLiteral("<p><small>%1</small></p>")
                .arg(Tr::tr("The mathematics, with sources: %1 in the repository").arg(a.theory));
  return html;
}

}  // namespace latentlab::ui
