// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>
#include <QStringList>
#include <string>

#include "latentlab/common/errors.h"
#include "latentlab/common/scenario.h"

namespace latentlab::ui {

class Page;

/// Scenario files for the window and the command line alike (one code path, one set of messages).
/// Every failure is a latentlab::ParamError: key "file" for I/O, "json"/"version"/"page"/... or a
/// param key for content.

/// Reads a scenario from disk or from a Qt resource (":/scenarios/topk-default.json") and checks
/// that its page exists. Throws ParamError("page", "unknown page 'foo'") for an unknown id.
latentlab::Scenario readScenario(const QString& path);
/// Writes page.scenario() stamped with the app version. Throws ParamError("file", ...).
void writeScenario(const Page& page, const QString& path);

/// "k must be between 0 and n = 4, got 7 (key 'k')"; the key is omitted when the message is
/// about the file itself.
QString describeParamError(const latentlab::ParamError& error);

/// Registers the bundled resources (icons, presets). latentlab_ui is a static library, so its
/// resource initialiser is not linked in on its own; pageRegistry() and presetPaths() call this.
void initResources();

/// The bundled presets (":/scenarios/*.json"), sorted by name.
QStringList presetPaths();
/// A menu label for a preset: "Smooth Top-k: ten scores" from "topk-ten-scores.json".
QString presetTitle(const QString& path);

}  // namespace latentlab::ui
