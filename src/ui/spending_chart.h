// The spending charts on My Payments' History: bars per month (last 12 months) and per
// category, drawn with wxGraphicsContext in the window's own font (so Chinese labels and the
// citizen's text size apply); "Show as table" swaps the drawing for a list of the same numbers,
// which screen readers read.
#pragma once

#include "app/app_context.h"
#include "app/spending_chart_presenter.h"

#include <wx/scrolwin.h>

#include <memory>

class wxCheckBox;
class wxListCtrl;
class wxStaticText;

namespace cd::ui {

class SpendingChartCanvas;

// Scrolls when the text size makes the charts taller than the room they are given.
class SpendingChartPanel final : public wxScrolledWindow, public app::SpendingChartView {
public:
    SpendingChartPanel(wxWindow* parent, app::AppContext& context);
    ~SpendingChartPanel() override;

    void show_chart(const app::SpendingChart& chart) override;
    app::SpendingChartPresenter& presenter() { return *presenter_; }
    bool showing_table() const;
    void show_table(bool table);
    // The table's rows as shown ("label\tamount\tcount"), for tests.
    wxListCtrl* table() const { return table_; }
    // The text size changed: measure the labels again.
    void rewrap();

private:
    void fill_table(const app::SpendingChart& chart);

    app::AppContext& context_;
    wxStaticText* heading_ = nullptr;
    wxCheckBox* as_table_ = nullptr;
    SpendingChartCanvas* canvas_ = nullptr;
    wxListCtrl* table_ = nullptr;
    std::unique_ptr<app::SpendingChartPresenter> presenter_; // last: goes first
};

} // namespace cd::ui
