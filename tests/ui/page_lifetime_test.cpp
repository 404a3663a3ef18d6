// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Every page type deleted while its work is in flight: the base destructor's cancel() used to
// emit busyChanged into LstRunPage::setBusyUi after the derived part was gone (a use after
// destruction that the ASan/UBSan build reports; release happened to survive it).
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <memory>

#include "ui/common/page.h"
#include "ui/shell/page_registry.h"

namespace latentlab::ui {
namespace {

// A change that schedules a run on every page: the seed when the page has one, otherwise the
// first numeric field moved inside its range.
latentlab::ParamSet someChange(const Page& page) {
  for (const auto& f : page.fields()) {
    if (f.kind != latentlab::FieldKind::Integer && f.kind != latentlab::FieldKind::Real) continue;
    const double def = std::get<double>(f.def);
    const double next = def + 1 <= f.max ? def + 1 : f.min;
    if (next == def) continue;
    return {{f.key, next}};
  }
  return {};
}

TEST(PageLifetime, EveryPageDeletedMidComputationIsQuiet) {
  for (const PageInfo& info : pageRegistry()) {
    SCOPED_TRACE(info.id.toStdString());
    std::unique_ptr<Page> page(info.factory());
    const latentlab::ParamSet change = someChange(*page);
    ASSERT_FALSE(change.empty());
    page->setParams(change);  // a recompute is now pending or running on a worker
    ASSERT_TRUE(page->controller()->isBusy());  // so the destructor has a run to cancel
    // Let the run start on its worker. A fast page (topk) may finish within these events on a
    // loaded machine; the destructor then has nothing to cancel, which is also a case to cover.
    QCoreApplication::processEvents();
    page.reset();  // under ASan/UBSan a slot on the dead derived page is a reported error
    QCoreApplication::processEvents();
  }
}

TEST(PageLifetime, InactivePageDeletedWithAPendingChangeIsQuiet) {
  // The harness of the report: a change on an inactive (paused) page, then delete.
  for (const PageInfo& info : pageRegistry()) {
    SCOPED_TRACE(info.id.toStdString());
    std::unique_ptr<Page> page(info.factory());
    page->setActive(false);
    page->setParams(someChange(*page));
    page.reset();
    QCoreApplication::processEvents();
  }
}

}  // namespace
}  // namespace latentlab::ui
