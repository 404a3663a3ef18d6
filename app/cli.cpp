// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "app/cli.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStyleFactory>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "latentlab/common/device.h"
#include "latentlab/common/errors.h"
#include "latentlab/common/file_read.h"
#include "latentlab/common/params.h"
#include "latentlab/common/scenario_inputs.h"
#include "latentlab/common/sha256.h"
#include "ui/common/device_choice.h"
#include "ui/common/figure_export.h"
#include "ui/common/page.h"
#include "ui/shell/language.h"
#include "ui/shell/main_window.h"
#include "ui/shell/page_registry.h"
#include "ui/shell/scenario_io.h"

namespace latentlab::app {
namespace {

using latentlab::ParamError;
using latentlab::ui::Page;

// lupdate files these strings under the "Cli" context.
struct Tr {
  Q_DECLARE_TR_FUNCTIONS(Cli)
};

/// A problem with the command line itself; carries the exit code.
struct CliError {
  QString message;
  int code = kExitBadInput;
};

const QStringList kFlags = {QStringLiteral("--help"),       QStringLiteral("-h"),
                            QStringLiteral("--version"),    QStringLiteral("-v"),
                            QStringLiteral("--list-pages"), QStringLiteral("--no-caption"),
                            QStringLiteral("--article"),    QStringLiteral("--list-devices"),
                            QStringLiteral("--measure")};
const QStringList kValued = {QStringLiteral("--scenario"),
                             QStringLiteral("--page"),
                             QStringLiteral("--set"),
                             QStringLiteral("--export"),
                             QStringLiteral("--export-data"),
                             QStringLiteral("--export-images"),
                             QStringLiteral("--open"),
                             QStringLiteral("--size"),
                             QStringLiteral("--dpi"),
                             QStringLiteral("--report"),
                             QStringLiteral("--window-screenshot"),
                             QStringLiteral("--wait"),
                             QStringLiteral("--language"),
                             QStringLiteral("--device")};

struct Options {
  bool help = false;
  bool version = false;
  bool listPages = false;
  bool listDevices = false;
  bool measure = false;  // --measure: run the page's timing measurement before writing
  QString scenario, page, figurePath, dataPath, imagesDir, reportDir, windowShot, language;
  QString device;  // --device: an id from --list-devices
  QStringList sets;   // "key=value", in order
  QStringList opens;  // --open files, in order
  latentlab::ui::FigureOptions figure;
  int waitSeconds = 60;  // --window-screenshot: how long the page may compute
};

void printOut(const QString& text) {
  std::fputs(text.toUtf8().constData(), stdout);
  std::fflush(stdout);
}

/// One line on stderr, whatever the message contains (JSON parser errors span lines).
void printError(const QString& message) {
  const QString line = QString(message).replace(QRegularExpression(QStringLiteral("\\s*\\n\\s*")),
                                                QStringLiteral(" "));
  std::fputs(("latentlab: " + line.trimmed() + "\n").toUtf8().constData(), stderr);
  std::fflush(stderr);
}

QString optionName(const QString& arg) { return arg.section(QLatin1Char('='), 0, 0); }

/// The last --language value when it names a known language, else empty (parse() reports a bad
/// one).
QString requestedLanguage(const QStringList& args) {
  QString code;
  for (int i = 1; i < args.size(); ++i) {
    if (args[i] == QLatin1String("--")) break;
    if (args[i] == QLatin1String("--language") && i + 1 < args.size())
      code = args[++i];
    else if (args[i].startsWith(QLatin1String("--language=")))
      code = args[i].mid(11);
  }
  return latentlab::ui::languages().contains(code) ? code : QString();
}

void setOnce(QString& slot, const QString& name, const QString& value) {
  if (!slot.isNull()) throw CliError{Tr::tr("%1 given twice").arg(name)};
  if (value.isEmpty()) throw CliError{Tr::tr("%1 needs a non-empty value").arg(name)};
  slot = value;
}

int parseDpi(const QString& text) {
  bool ok = false;
  const int dpi = text.toInt(&ok);
  if (!ok || dpi < 72 || dpi > 1200)
    throw CliError{Tr::tr("--dpi must be an integer between 72 and 1200, got '%1'").arg(text)};
  return dpi;
}

int parseWait(const QString& text) {
  bool ok = false;
  const int seconds = text.toInt(&ok);
  if (!ok || seconds < 1 || seconds > 3600)
    throw CliError{
        Tr::tr("--wait must be a whole number of seconds between 1 and 3600, got '%1'").arg(text)};
  return seconds;
}

Options parse(const QStringList& args) {
  Options o;
  QString size, dpi, wait;
  for (int i = 1; i < args.size(); ++i) {
    const QString& arg = args[i];
    if (arg == QLatin1String("--")) {  // ends the options; LatentLab takes no operands
      if (i + 1 < args.size())
        throw CliError{Tr::tr("unexpected argument '%1' (see --help)").arg(args[i + 1])};
      break;
    }
    const QString name = arg.startsWith(QLatin1String("--")) ? optionName(arg) : arg;
    if (kFlags.contains(name)) {
      if (name != arg) throw CliError{Tr::tr("%1 takes no value").arg(name)};
      if (name == QLatin1String("--help") || name == QLatin1String("-h"))
        o.help = true;
      else if (name == QLatin1String("--version") || name == QLatin1String("-v"))
        o.version = true;
      else if (name == QLatin1String("--no-caption"))
        o.figure.caption = false;
      else if (name == QLatin1String("--article"))
        o.figure.article = true;
      else if (name == QLatin1String("--list-devices"))
        o.listDevices = true;
      else if (name == QLatin1String("--measure"))
        o.measure = true;
      else
        o.listPages = true;
      continue;
    }
    if (!kValued.contains(name)) {
      if (arg.startsWith(QLatin1Char('-')))
        throw CliError{Tr::tr("unknown option '%1' (see --help)").arg(name)};
      throw CliError{Tr::tr("unexpected argument '%1' (see --help)").arg(arg)};
    }
    QString value;
    if (name != arg) {
      value = arg.mid(name.size() + 1);
    } else {
      if (i + 1 >= args.size()) throw CliError{Tr::tr("%1 needs a value").arg(name)};
      value = args[++i];
    }
    if (name == QLatin1String("--set"))
      o.sets << value;
    else if (name == QLatin1String("--open"))
      o.opens << value;
    else if (name == QLatin1String("--scenario"))
      setOnce(o.scenario, name, value);
    else if (name == QLatin1String("--page"))
      setOnce(o.page, name, value);
    else if (name == QLatin1String("--export"))
      setOnce(o.figurePath, name, value);
    else if (name == QLatin1String("--export-data"))
      setOnce(o.dataPath, name, value);
    else if (name == QLatin1String("--export-images"))
      setOnce(o.imagesDir, name, value);
    else if (name == QLatin1String("--report"))
      setOnce(o.reportDir, name, value);
    else if (name == QLatin1String("--window-screenshot"))
      setOnce(o.windowShot, name, value);
    else if (name == QLatin1String("--size"))
      setOnce(size, name, value);
    else if (name == QLatin1String("--wait"))
      setOnce(wait, name, value);
    else if (name == QLatin1String("--language"))
      setOnce(o.language, name, value);  // applied by runCli() before parsing
    else if (name == QLatin1String("--device"))
      setOnce(o.device, name, value);
    else
      setOnce(dpi, name, value);
  }
  if (!dpi.isNull()) o.figure.dpi = parseDpi(dpi);
  if (!size.isNull()) {
    if (const QString error = latentlab::ui::parseFigureSize(size, o.figure); !error.isEmpty())
      throw CliError{QStringLiteral("--size: ") + error};
  }
  if (!wait.isNull()) o.waitSeconds = parseWait(wait);
  if (!o.language.isNull() && !latentlab::ui::languages().contains(o.language))
    throw CliError{Tr::tr("--language must be one of %1, got '%2'")
                       .arg(latentlab::ui::languages().join(QStringLiteral(", ")), o.language)};
  if (!o.device.isNull() && !latentlab::findDevice(o.device.toStdString()))
    throw CliError{Tr::tr("no device '%1' (see --list-devices)").arg(o.device)};
  if (!o.windowShot.isNull() && !o.figure.points.isEmpty())
    throw CliError{
        Tr::tr("--window-screenshot needs --size in pixels (a window has no page size)")};
  if (!wait.isNull() && o.windowShot.isNull())
    throw CliError{Tr::tr("--wait applies to --window-screenshot only")};

  const auto suffix = [](const QString& path) { return QFileInfo(path).suffix().toLower(); };
  if (!o.figurePath.isNull() && !QStringList{"png", "svg", "pdf"}.contains(suffix(o.figurePath)))
    throw CliError{
        Tr::tr("--export needs a .png, .svg or .pdf file name, got '%1'").arg(o.figurePath)};
  if (!o.dataPath.isNull() && !QStringList{"csv", "json"}.contains(suffix(o.dataPath)))
    throw CliError{
        Tr::tr("--export-data needs a .csv or .json file name, got '%1'").arg(o.dataPath)};
  if (!o.windowShot.isNull() && suffix(o.windowShot) != QLatin1String("png"))
    throw CliError{
        Tr::tr("--window-screenshot needs a .png file name, got '%1'").arg(o.windowShot)};
  const bool hasPage = !o.scenario.isNull() || !o.page.isNull();
  if (!hasPage && !o.sets.isEmpty()) throw CliError{Tr::tr("--set needs --page or --scenario")};
  if (!hasPage && !o.opens.isEmpty()) throw CliError{Tr::tr("--open needs --page or --scenario")};
  if (!hasPage && (!o.figurePath.isNull() || !o.dataPath.isNull() || !o.imagesDir.isNull()))
    throw CliError{Tr::tr("--export, --export-data and --export-images need --page or --scenario")};
  return o;
}

/// Applies the --set list on top of the page's params in one all-or-nothing step.
void applySets(Page& page, const QStringList& sets) {
  const std::vector<latentlab::FieldSpec> fields = page.fields();
  latentlab::ParamSet changes;
  for (const QString& set : sets) {
    const int eq = set.indexOf(QLatin1Char('='));
    if (eq <= 0) throw CliError{Tr::tr("--set needs key=value, got '%1'").arg(set)};
    const std::string key = set.left(eq).trimmed().toStdString();
    const latentlab::FieldSpec* spec = latentlab::findField(fields, key);
    if (!spec) {
      std::string known;
      for (const auto& f : fields) {
        if (!known.empty()) known += ", ";
        known += f.key;
      }
      throw ParamError(key, "unknown parameter '" + key + "' for page '" + page.id().toStdString() +
                                "' (known: " + known + ")");
    }
    changes[key] = latentlab::parseValue(*spec, set.mid(eq + 1).trimmed().toStdString());
  }
  if (!changes.empty()) page.setParams(changes);
}

/// --open: a file that cannot be read at all is an I/O failure (exit 1), told before the page
/// tries it; the page's own loader reports files whose content is wrong (exit 2).
void openFiles(Page& page, const QStringList& paths) {
  if (paths.isEmpty()) return;
  for (const QString& path : paths) {
    const QFileInfo info(path);
    if (!info.exists())
      throw CliError{Tr::tr("--open: '%1' does not exist").arg(path), kExitIoError};
    if (info.isDir())
      throw CliError{Tr::tr("--open: '%1' is a directory, not a file").arg(path), kExitIoError};
    if (!info.isReadable())
      throw CliError{Tr::tr("--open: '%1' cannot be read (permission)").arg(path), kExitIoError};
  }
  page.openFiles(paths);
}

std::unique_ptr<Page> makePage(const QString& id) {
  const latentlab::ui::PageInfo* info = latentlab::ui::findPage(id);
  if (!info) throw CliError{Tr::tr("unknown page '%1' (see --list-pages)").arg(id)};
  std::unique_ptr<Page> page(info->factory());
  page->setActive(false);  // no background recompute: the CLI computes synchronously
  return page;
}

/// A scenario that records its inputs replays those: --open files given with it must be the same
/// files (same SHA-256, in the page's order), never a silent substitute.
void checkOpenedAgainst(const latentlab::Scenario& scenario, const QStringList& opens) {
  if (scenario.inputs.empty() || opens.isEmpty()) return;
  if (opens.size() != static_cast<qsizetype>(scenario.inputs.size()))
    throw CliError{Tr::tr("--open: the scenario records %1 input(s), got %2 file(s)")
                       .arg(scenario.inputs.size())
                       .arg(opens.size())};
  for (qsizetype i = 0; i < opens.size(); ++i) {
    const latentlab::ScenarioInput& in = scenario.inputs[static_cast<std::size_t>(i)];
    const std::string sha = latentlab::sha256File(QFile::encodeName(opens[i]).toStdString());
    if (sha != in.sha256)
      throw CliError{Tr::tr("--open '%1' (SHA-256 %2…) is not the scenario's input '%3', %4; "
                            "give that file, or drop --open to use the embedded copy")
                         .arg(opens[i], QString::fromStdString(sha.substr(0, 12)),
                              QString::fromStdString(in.role),
                              QString::fromStdString(latentlab::describeInput(in)))};
  }
}

/// Opened files that the final params do not use would be silently ignored: say so instead.
void checkOpenedUsed(const Page& page, const QStringList& opens) {
  if (opens.isEmpty() || !page.inputs().empty()) return;
  throw CliError{Tr::tr("--open: the page's parameters do not use the opened file(s) (the "
                        "scenario or --set chose built-in data); add --set %1")
                     .arg(page.loadedSetting())};
}

/// Sets up `page` as the command line asks, in the window's order: --open files first (as the
/// Open button), then the scenario (its recorded inputs checked against them, or taken from the
/// embedded copies), then --set, each checked against the data loaded before it.
void configure(Page& page, const std::optional<latentlab::Scenario>& scenario, const Options& o) {
  openFiles(page, o.opens);  // unreadable files exit 1 here, before they are fingerprinted
  if (scenario) checkOpenedAgainst(*scenario, o.opens);
  if (scenario) page.applyScenario(*scenario);
  applySets(page, o.sets);
  checkOpenedUsed(page, o.opens);
}

/// The page named by --scenario/--page with --open, the scenario and --set applied; null when
/// none.
std::unique_ptr<Page> configuredPage(const Options& o) {
  if (o.scenario.isNull() && o.page.isNull()) return nullptr;
  std::optional<latentlab::Scenario> scenario;
  QString id = o.page;
  if (!o.scenario.isNull()) {
    scenario = latentlab::ui::readScenario(o.scenario);
    const QString fromFile = QString::fromStdString(scenario->page);
    if (!id.isNull() && id != fromFile)
      throw CliError{
          Tr::tr("--page '%1' does not match the scenario's page '%2'").arg(id, fromFile)};
    id = fromFile;
  }
  std::unique_ptr<Page> page = makePage(id);
  configure(*page, scenario, o);
  return page;
}

/// --measure: the page's timing measurement, or a clear error when it has none or it failed.
void measure(Page& page, int timeoutMs) {
  if (!page.hasMeasurement())
    throw CliError{Tr::tr("--measure: page '%1' has no timing to measure (efficient_attention's "
                          "Timing and topk's Speed views have one)")
                       .arg(page.id())};
  if (!page.measureNow(timeoutMs))
    throw CliError{Tr::tr("--measure: the timing of page '%1' failed or did not finish within %2 s")
                       .arg(page.id())
                       .arg(timeoutMs / 1000),
                   kExitUnfinished};
}

/// The whole window, laid out at --size, with the page of --page/--scenario (default: the first
/// page) showing its computed figure, saved as PNG: what a user sees, without a display.
void writeWindowScreenshot(const Options& o) {
  std::optional<latentlab::Scenario> scenario;
  QString id = o.page;
  if (!o.scenario.isNull()) {
    scenario = latentlab::ui::readScenario(o.scenario);
    id = QString::fromStdString(scenario->page);
  }
  if (id.isNull()) id = latentlab::ui::pageRegistry().front().id;
  latentlab::ui::MainWindow window;
  if (!window.showPage(id)) throw CliError{Tr::tr("unknown page '%1' (see --list-pages)").arg(id)};
  Page* page = window.currentPage();
  configure(*page, scenario, o);
  window.resize(o.figure.size);
  QString failure;
  QObject::connect(page, &Page::computeFailed, page, [&failure](const QString& m) { failure = m; });
  window.show();
  QElapsedTimer timer;
  timer.start();
  const qint64 limitMs = 1000LL * o.waitSeconds;
  latentlab::ui::processEventsUntil(
      [&] { return (page->hasResult() && !page->controller()->isBusy()) || !failure.isNull(); },
      static_cast<int>(limitMs));
  // A half-computed window is not the page's figure: say so instead of writing it.
  if (!failure.isNull())
    throw CliError{Tr::tr("page '%1' failed to compute: %2").arg(id, failure), kExitUnfinished};
  if (!page->hasResult() || page->controller()->isBusy())
    throw CliError{Tr::tr("page '%1' did not finish computing within %2 s (--wait); "
                          "no screenshot written")
                       .arg(id)
                       .arg(o.waitSeconds),
                   kExitUnfinished};
  if (o.measure)
    measure(*page, static_cast<int>(std::max<qint64>(1000, limitMs - timer.elapsed())));
  for (int i = 0; i < 5; ++i) QCoreApplication::processEvents();
  latentlab::ui::exportWidgetPng(&window, o.windowShot);
  printOut(Tr::tr("wrote %1\n").arg(o.windowShot));
}

void writeReport(const Options& o, Page* configured) {
  const QDir dir(o.reportDir);
  if (!QDir().mkpath(dir.absolutePath()))
    throw CliError{Tr::tr("cannot create directory '%1'").arg(o.reportDir), kExitIoError};
  std::vector<std::unique_ptr<Page>> owned;
  QList<const Page*> pages;
  for (const latentlab::ui::PageInfo& info : latentlab::ui::pageRegistry()) {
    Page* page = configured && configured->id() == info.id ? configured : nullptr;
    if (!page) {
      owned.push_back(makePage(info.id));
      page = owned.back().get();
      page->computeNow();
    }
    const QString png = dir.filePath(info.id + QStringLiteral(".png"));
    latentlab::ui::exportFigure(*page, png, o.figure);
    printOut(Tr::tr("wrote %1\n").arg(png));
    pages << page;
  }
  const QString pdf = dir.filePath(QStringLiteral("latentlab-report.pdf"));
  latentlab::ui::exportReportPdf(pages, pdf, o.figure);
  printOut(Tr::tr("wrote %1\n").arg(pdf));
}

int run(const Options& o) {
  if (o.help) {
    printOut(usageText());
    return kExitOk;
  }
  if (o.version) {
    printOut(versionText());
    return kExitOk;
  }
  if (o.listPages) {
    for (const latentlab::ui::PageInfo& info : latentlab::ui::pageRegistry())
      printOut(QStringLiteral("%1\t%2\t%3\n").arg(info.id, info.area, info.title));
  }
  if (o.listDevices) {
    for (const latentlab::DeviceInfo& d : latentlab::listDevices())
      printOut(QStringLiteral("%1\t%2\t%3\n")
                   .arg(QString::fromStdString(d.id),
                        QString::fromUtf8(latentlab::deviceKindName(d.kind).data()),
                        QString::fromStdString(d.name)));
  }
  if (!o.device.isNull()) latentlab::ui::DeviceChoice::instance().choose(o.device);
  if (!o.windowShot.isNull()) writeWindowScreenshot(o);
  const bool pageOutput = !o.figurePath.isNull() || !o.dataPath.isNull() || !o.imagesDir.isNull() ||
                          !o.reportDir.isNull();
  std::unique_ptr<Page> page = o.windowShot.isNull() || pageOutput ? configuredPage(o) : nullptr;
  if (page) {
    QElapsedTimer timer;
    timer.start();
    page->computeNow();
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (o.measure) measure(*page, 3600 * 1000);
    if (!o.figurePath.isNull()) {
      latentlab::ui::exportFigure(*page, o.figurePath, o.figure);
      printOut(Tr::tr("wrote %1\n").arg(o.figurePath));
    }
    if (!o.dataPath.isNull()) {
      latentlab::ui::exportData(*page, o.dataPath);
      printOut(Tr::tr("wrote %1\n").arg(o.dataPath));
    }
    if (!o.imagesDir.isNull()) {
      for (const QString& path : page->exportImages(o.imagesDir))
        printOut(Tr::tr("wrote %1\n").arg(path));
    }
    if (o.figurePath.isNull() && o.dataPath.isNull() && o.imagesDir.isNull() &&
        o.reportDir.isNull())
      printOut(Tr::tr("%1: parameters valid, computed in %2 ms (add --export or --export-data "
                      "to write files)\n")
                   .arg(page->id())
                   .arg(ms, 0, 'f', 1));
  }
  if (!o.reportDir.isNull()) writeReport(o, page.get());
  if (!o.listPages && !o.listDevices && !page && o.reportDir.isNull() && o.windowShot.isNull())
    throw CliError{
        Tr::tr("nothing to do: give --page, --scenario, --report, --list-pages or "
               "--list-devices (see --help)")};
  return kExitOk;
}

}  // namespace

bool isCommandLine(int argc, char** argv) {
  // Qt's own options (QGuiApplication/QApplication docs) keep the window; anything else, known
  // or not, goes to the command line, which runs it or reports it without opening a window.
  static const QStringList kQtWithValue = {
      QStringLiteral("platform"),        QStringLiteral("platformpluginpath"),
      QStringLiteral("platformtheme"),   QStringLiteral("plugin"),
      QStringLiteral("qwindowgeometry"), QStringLiteral("qwindowicon"),
      QStringLiteral("qwindowtitle"),    QStringLiteral("style"),
      QStringLiteral("stylesheet"),      QStringLiteral("session"),
      QStringLiteral("display"),         QStringLiteral("geometry"),
      QStringLiteral("title"),           QStringLiteral("name")};
  static const QStringList kQtFlags = {QStringLiteral("reverse"), QStringLiteral("widgetcount"),
                                       QStringLiteral("nograb"), QStringLiteral("dograb")};
  for (int i = 1; i < argc; ++i) {
    const QString arg = QString::fromLocal8Bit(argv[i]);
    if (arg == QLatin1String("--")) return i + 1 < argc;  // operands follow: the CLI reports them
    QString bare = arg;
    while (bare.startsWith(QLatin1Char('-'))) bare.remove(0, 1);
    const QString key = optionName(bare);
    if (arg.startsWith(QLatin1Char('-')) && key == bare && kQtWithValue.contains(key)) {
      ++i;  // its value
      continue;
    }
    if (arg.startsWith(QLatin1Char('-')) && (kQtFlags.contains(key) || kQtWithValue.contains(key)))
      continue;
    return true;
  }
  return false;
}

void choosePlatform(bool commandLine) {
  const bool noDisplay =
      qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
  if ((commandLine || noDisplay) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
}

void quietQtMessages() {
  if (!qEnvironmentVariableIsEmpty("LATENTLAB_VERBOSE")) return;
  qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtCriticalMsg || type == QtFatalMsg) printError(message);
  });
}

void configureApplication() {
  QCoreApplication::setOrganizationName(QStringLiteral("LatentLab"));
  QCoreApplication::setApplicationName(QStringLiteral("LatentLab"));
  QCoreApplication::setApplicationVersion(QStringLiteral(LATENTLAB_VERSION));
  // Window managers group the window with its launcher, and find the icon, by this name.
  QGuiApplication::setDesktopFileName(QStringLiteral("io.github.latentlab.LatentLab"));
  // One style everywhere, so figures rendered headless match the window.
  QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

int runCli(const QStringList& args) {
  // Before parsing, so that its messages are in the language asked for.
  latentlab::ui::applyLanguage(latentlab::ui::startupLanguage(requestedLanguage(args)));
  try {
    return run(parse(args));
  } catch (const CliError& e) {
    printError(e.message);
    return e.code;
  } catch (const latentlab::FileError& e) {  // missing, unreadable or unwritable: exit 1
    printError(latentlab::ui::describeParamError(e));
    return kExitIoError;
  } catch (const ParamError& e) {
    printError(latentlab::ui::describeParamError(e));
    return e.key() == "file" ? kExitIoError : kExitBadInput;
  } catch (const latentlab::ui::ExportError& e) {
    printError(QString::fromUtf8(e.what()));
    return kExitIoError;
  } catch (const std::exception& e) {
    printError(QString::fromUtf8(e.what()));
    return kExitIoError;
  }
}

QString usageText() {
  const QString options = Tr::tr(
      "Usage: latentlab [OPTION]...\n"
      "LatentLab, an interactive lab for the mathematics of modern deep learning.\n"
      "Without options it opens the window. With any option below it runs without a window:\n"
      "it computes synchronously, writes the requested files and exits.\n"
      "\n"
      "  --list-pages        print one line per page: id<TAB>area<TAB>title\n"
      "  --list-devices      print one line per compute device: id<TAB>kind<TAB>name,\n"
      "                      kind cpu or opencl (pocl's OpenCL device runs on the CPU)\n"
      "  --device ID         compute on device ID (from --list-devices; default cpu):\n"
      "                      the attention, quantization, Top-k and flow pages run their\n"
      "                      kernels there in float32; a device error falls back to the\n"
      "                      CPU with a message, and exported data records the device\n"
      "  --page ID           use page ID with its default parameters\n"
      "  --scenario FILE     load a scenario file (.json): its page, parameters and seed\n"
      "  --set KEY=VALUE     change one parameter (repeatable), e.g. --set k=3 --set x=3,2,1,4\n"
      "  --open FILE         open a data file in the page, as its Open button does\n"
      "                      (repeatable): attention_rank Q then K (.npy/.csv/.txt),\n"
      "                      quant_grid, quant_image and reflow an image; opened before\n"
      "                      the scenario and --set, which are checked against it\n"
      "  --export OUT        write the figure to OUT.png, OUT.svg or OUT.pdf\n"
      "  --export-data OUT   write the numbers behind the figure to OUT.csv or OUT.json\n"
      "  --export-images DIR write the page's full-resolution images as PNG into DIR\n"
      "                      (quant_image: original, fsq, vq and the two error maps)\n"
      "  --size WxH[UNIT]    figure size (default 1600x1000). Without a unit, pixels\n"
      "                      (200..8000 each): the PNG has them, and SVG/PDF pages are\n"
      "                      as large as the PNG printed at --dpi (1600x1000 at 144 dpi\n"
      "                      is 800x500 pt). With a unit (mm, cm, in, or pt = 1/72 in;\n"
      "                      e.g. 170x110mm, 6.7x4.3in), SVG/PDF pages are exactly that\n"
      "                      size and the PNG is that size at --dpi. Text keeps its\n"
      "                      point size either way\n"
      "  --dpi N             PNG resolution, and the inches of a pixel --size,\n"
      "                      72..1200 (default 144)\n"
      "  --no-caption        leave out the caption line under an exported figure (the\n"
      "                      article it illustrates and its key parameters)\n"
      "  --article           put the page's Article panel beside the exported figure:\n"
      "                      the article, its claim and formulas, and the live numbers\n"
      "                      that confirm it\n"
      "  --report DIR        every page's figure as DIR/<id>.png and all of them in\n"
      "                      DIR/latentlab-report.pdf (DIR is created)\n"
      "  --measure           run the page's timing measurement (efficient_attention's\n"
      "                      Timing view, topk's Speed view) before writing, on the CPU\n"
      "                      and on the --device beside it\n"
      "  --window-screenshot OUT.png\n"
      "                      the whole window at --size showing the page of --page or\n"
      "                      --scenario (default: the first page), once it has finished\n"
      "                      computing; exit 3 without a file if it has not within --wait\n"
      "  --wait SECONDS      how long --window-screenshot waits, 1..3600 (default 60)\n"
      "  --language CODE     the language of messages and figures: en or zh_CN\n"
      "                      (default: the choice in View > Language, else the\n"
      "                      system locale)\n"
      "  -h, --help          show this help and exit\n"
      "  -v, --version       show the version and exit\n"
      "\n"
      "--export and --export-data may be combined. A page set up with --page or --scenario\n"
      "replaces that page's default figure in --report.\n"
      "\n"
      "Scenarios record the files a page had opened (name, size, SHA-256, and small ones\n"
      "embedded). Replaying one uses the embedded copy, or the --open file whose SHA-256\n"
      "matches; an input that is neither stops the run with its name (exit 2).\n"
      "\n"
      "Exit status: 0 on success, 1 when a file cannot be read or written, 2 on bad input,\n"
      "3 when --window-screenshot's page did not finish (or failed) within --wait.\n"
      "\n"
      "Examples:\n"
      "  latentlab --page topk --set k=3 --set tau=0.5 --export topk.png\n"
      "  latentlab --scenario my.json --export fig.pdf --export-data fig.csv\n"
      "  latentlab --page quant_image --open photo.jpg --export-images out/\n"
      "  latentlab --report out/\n"
      "  latentlab --page reflow --device opencl:0:0 --export-data reflow.json\n");
  return options + Tr::tr("\nReport bugs to: <%1/issues>\nLatentLab home page: <%1>\n")
                       .arg(QStringLiteral(LATENTLAB_HOMEPAGE));
}

QString versionText() {
  // GNU layout: name and version, copyright, licence, warranty. help2man reads it for the man page.
  return QStringLiteral("latentlab (LatentLab) %1\n").arg(QStringLiteral(LATENTLAB_VERSION)) +
         Tr::tr(
             "Copyright (C) 2026 LatentLab developers\n"
             "License GPLv3: GNU GPL version 3 <https://gnu.org/licenses/gpl.html>, because this\n"
             "binary links Qt Charts (GPL-3); LatentLab's own sources are under the MIT licence.\n"
             "This is free software: you are free to change and redistribute it.\n"
             "There is NO WARRANTY, to the extent permitted by law.\n");
}

}  // namespace latentlab::app
