#include "ui/spending_chart.h"

#include "core/money.h"
#include "ui/accessible_names.h"
#include "ui/message_text.h"
#include "ui/theme.h"

#include <wx/checkbox.h>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace cd::ui {

namespace {

// Whole yuan for axis-like labels where cents are noise: "¥1,234" is not locale-aware
// grouping, so keep it plain: "¥1234".
wxString whole_yuan(Money m) {
    return wxString::FromUTF8("\xC2\xA5") +
           wxString::Format("%lld", static_cast<long long>(m.fen / 100));
}

} // namespace

// Draws both charts: months as vertical bars (amount above, month below), categories as
// horizontal bars (title left, amount right). Every size comes from the font's line height.
class SpendingChartCanvas final : public wxWindow {
public:
    explicit SpendingChartCanvas(wxWindow* parent)
        : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE,
                   "spending-chart") {
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        Bind(wxEVT_PAINT, &SpendingChartCanvas::on_paint, this);
    }

    void set_chart(const app::SpendingChart& chart) {
        chart_ = chart;
        update_min_size();
        set_accessible_text(this, _("Chart of spending in the last 12 months"), summary());
        Refresh();
    }
    void update_min_size() {
        const int line = GetCharHeight();
        const int rows = static_cast<int>(chart_.categories.size());
        SetMinSize(wxSize(FromDIP(360), line * 12 + rows * line * 2));
    }

private:
    // What the bars show, in words, for a screen reader; the table has every figure.
    wxString summary() const {
        if (chart_.categories.empty()) {
            return _("No payments in the last 12 months.");
        }
        const auto month =
            std::max_element(chart_.months.begin(), chart_.months.end(),
                             [](const auto& a, const auto& b) { return a.amount < b.amount; });
        const auto& category = chart_.categories.front(); // largest first
        return wxString::Format(
            _("%s in total. Highest month: %s, %s. Largest category: %s, %s. Show as table "
              "lists every figure."),
            yuan(chart_.total), month != chart_.months.end() ? tr(month->label) : wxString(),
            month != chart_.months.end() ? yuan(month->amount) : wxString(), tr(category.label),
            yuan(category.amount));
    }

    void on_paint(wxPaintEvent&) {
        wxAutoBufferedPaintDC dc(this);
        const app::Palette& palette = current_palette();
        dc.SetBackground(wxBrush(to_wx(palette.list)));
        dc.Clear();
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        if (!gc) {
            return;
        }
        const wxColour text = to_wx(palette.text);
        const wxColour bar = to_wx(palette.chart_bar);
        gc->SetFont(GetFont(), text);
        const wxSize size = GetClientSize();
        const int line = GetCharHeight();
        const int pad = FromDIP(8);

        // By month.
        const int months_height = line * 10;
        const int top = pad;
        gc->DrawText(_("By month"), pad, top);
        Money most;
        for (const auto& b : chart_.months) {
            most = std::max(most, b.amount);
        }
        const int count = std::max<int>(1, static_cast<int>(chart_.months.size()));
        const double slot = (size.x - 2.0 * pad) / count;
        const double plot_top = top + line * 2.5;
        const double plot_bottom = top + months_height - line * 1.5;
        // Month labels every other slot when they do not fit side by side.
        double widest = 0;
        for (const auto& b : chart_.months) {
            double w = 0;
            double h = 0;
            gc->GetTextExtent(tr(b.label), &w, &h);
            widest = std::max(widest, w);
        }
        const int label_every = widest + 4 > slot ? (widest + 4 > 2 * slot ? 3 : 2) : 1;
        gc->SetPen(*wxTRANSPARENT_PEN);
        for (int i = 0; i < static_cast<int>(chart_.months.size()); ++i) {
            const auto& b = chart_.months[static_cast<std::size_t>(i)];
            const double x = pad + i * slot;
            const double h = most.fen > 0
                                 ? (plot_bottom - plot_top) * static_cast<double>(b.amount.fen) /
                                       static_cast<double>(most.fen)
                                 : 0.0;
            gc->SetBrush(wxBrush(bar));
            gc->DrawRectangle(x + slot * 0.15, plot_bottom - h, slot * 0.7, h);
            if ((static_cast<int>(chart_.months.size()) - 1 - i) % label_every == 0) {
                const wxString label = tr(b.label);
                double w = 0;
                double th = 0;
                gc->GetTextExtent(label, &w, &th);
                gc->DrawText(label, x + (slot - w) / 2, plot_bottom + 2);
                if (b.amount.fen > 0) {
                    const wxString amount = whole_yuan(b.amount);
                    gc->GetTextExtent(amount, &w, &th);
                    gc->DrawText(amount, x + (slot - w) / 2, plot_bottom - h - th - 1);
                }
            }
        }

        // By category.
        double y = top + months_height + line;
        gc->DrawText(_("By category"), pad, y);
        y += line * 1.5;
        if (chart_.categories.empty()) {
            gc->DrawText(_("No payments in the last 12 months."), pad, y);
            return;
        }
        double label_width = 0;
        double amount_width = 0;
        for (const auto& b : chart_.categories) {
            double w = 0;
            double h = 0;
            gc->GetTextExtent(tr(b.label), &w, &h);
            label_width = std::max(label_width, w);
            gc->GetTextExtent(yuan(b.amount), &w, &h);
            amount_width = std::max(amount_width, w);
        }
        const Money largest = chart_.categories.front().amount;
        const double bar_left = pad + label_width + pad;
        const double bar_room = std::max(10.0, size.x - bar_left - amount_width - 2.0 * pad);
        for (const auto& b : chart_.categories) {
            gc->DrawText(tr(b.label), pad, y);
            const double w = largest.fen > 0 ? bar_room * static_cast<double>(b.amount.fen) /
                                                   static_cast<double>(largest.fen)
                                             : 0.0;
            gc->SetBrush(wxBrush(bar));
            gc->DrawRectangle(bar_left, y + line * 0.15, w, line * 0.7);
            gc->DrawText(yuan(b.amount), bar_left + w + pad / 2.0, y);
            y += line * 1.6;
        }
    }

    app::SpendingChart chart_;
};

SpendingChartPanel::SpendingChartPanel(wxWindow* parent, app::AppContext& context)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxTAB_TRAVERSAL | wxVSCROLL, "spending-charts"),
      context_(context) {
    heading_ = new wxStaticText(this, wxID_ANY, _("Spending in the last 12 months"));
    as_table_ = new wxCheckBox(this, wxID_ANY, _("Show as ta&ble"), wxDefaultPosition,
                               wxDefaultSize, 0, wxDefaultValidator, "chart-as-table");
    canvas_ = new SpendingChartCanvas(this);
    table_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "chart-table");
    table_->AppendColumn(_("Month or category"), wxLIST_FORMAT_LEFT, FromDIP(180));
    table_->AppendColumn(_("Paid"), wxLIST_FORMAT_RIGHT, FromDIP(120));
    table_->AppendColumn(_("Payments"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    table_->Hide();
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(heading_, wxSizerFlags(1).CenterVertical());
    top->Add(as_table_, wxSizerFlags().CenterVertical());
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(top, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
    column->Add(canvas_, wxSizerFlags(1).Expand());
    column->Add(table_, wxSizerFlags(1).Expand());
    SetSizer(column);
    SetScrollRate(0, FromDIP(12));
    as_table_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& e) { show_table(e.IsChecked()); });
    presenter_ = std::make_unique<app::SpendingChartPresenter>(context_, *this);
}

SpendingChartPanel::~SpendingChartPanel() {
    presenter_.reset();
}

bool SpendingChartPanel::showing_table() const {
    return table_->IsShown();
}

void SpendingChartPanel::show_table(bool table) {
    as_table_->SetValue(table);
    canvas_->Show(!table);
    table_->Show(table);
    FitInside();
    Layout();
}

void SpendingChartPanel::rewrap() {
    canvas_->update_min_size();
    canvas_->Refresh();
    FitInside();
    Layout();
}

void SpendingChartPanel::show_chart(const app::SpendingChart& chart) {
    if (chart.loading) {
        return; // keep the last chart until the new numbers come
    }
    if (!chart.problem.empty()) {
        heading_->SetLabel(tr(chart.problem));
    } else {
        heading_->SetLabel(
            wxString::Format(_("Spending in the last 12 months: %s"), yuan(chart.total)));
    }
    canvas_->set_chart(chart);
    fill_table(chart);
    FitInside();
    Layout();
}

void SpendingChartPanel::fill_table(const app::SpendingChart& chart) {
    table_->DeleteAllItems();
    long row = 0;
    auto add = [&](const std::vector<app::ChartTableRow>& rows) {
        for (const auto& r : rows) {
            table_->InsertItem(row, tr(r.label));
            table_->SetItem(row, 1, wxString::FromUTF8("\xC2\xA5") + from_utf8(r.amount));
            table_->SetItem(row, 2, wxString::Format("%lld", static_cast<long long>(r.count)));
            ++row;
        }
    };
    add(app::chart_table(chart.months));
    add(app::chart_table(chart.categories));
}

} // namespace cd::ui
