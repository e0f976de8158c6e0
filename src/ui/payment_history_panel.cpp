#include "ui/payment_history_panel.h"

#include "app/bills_presenter.h"
#include "app/history_export_presenter.h"
#include "app/payment_history_presenter.h"
#include "core/money.h"
#include "core/path_text.h"
#include "ui/message_text.h"
#include "ui/spending_chart.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

#include <memory>
#include <vector>

namespace cd::ui {

namespace {

const store::PaymentStatus statuses[] = {store::PaymentStatus::paid, store::PaymentStatus::declined,
                                         store::PaymentStatus::pending,
                                         store::PaymentStatus::unknown};

// The virtual list: asks the presenter for each row it draws; a row still loading shows
// "..." until rows_ready() redraws it.
class HistoryList final : public wxListCtrl {
public:
    explicit HistoryList(wxWindow* parent)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL, wxDefaultValidator,
                     "payment-history-list") {
        AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(140));
        AppendColumn(_("Payee"), wxLIST_FORMAT_LEFT, FromDIP(200));
        AppendColumn(_("Category"), wxLIST_FORMAT_LEFT, FromDIP(130));
        AppendColumn(_("Amount"), wxLIST_FORMAT_RIGHT, FromDIP(100));
        AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(110));
        AppendColumn(_("Receipt"), wxLIST_FORMAT_LEFT, FromDIP(140));
    }
    app::PaymentHistoryPresenter* presenter = nullptr;

    wxString OnGetItemText(long item, long column) const override {
        const auto* entry = presenter != nullptr ? presenter->row(item) : nullptr;
        if (entry == nullptr) {
            return column == 0 ? wxString("...") : wxString();
        }
        const auto row = app::history_row(*entry, presenter->utc_offset_minutes());
        switch (column) {
        case 0:
            return from_utf8(row.time);
        case 1:
            return from_utf8(row.payee);
        case 2:
            return tr(row.category);
        case 3:
            return yuan(entry->amount);
        case 4:
            return tr(row.status);
        default:
            return from_utf8(row.receipt);
        }
    }
};

class PaymentHistoryPanel final : public Page,
                                  public app::PaymentHistoryView,
                                  public app::HistoryExportView {
public:
    PaymentHistoryPanel(wxWindow* parent, app::AppContext& context)
        : Page(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL,
               "payment-history"),
          context_(context), typing_(this) {
        build();
        history_ = std::make_unique<app::PaymentHistoryPresenter>(context_, *this);
        export_ = std::make_unique<app::HistoryExportPresenter>(context_, *this);
        list_->presenter = history_.get();
        if (context_.vault.unlocked()) {
            history_->refresh();
            chart_->presenter().refresh();
        }
    }
    ~PaymentHistoryPanel() override {
        list_->presenter = nullptr;
        export_.reset();
        history_.reset();
    }

    void on_page_shown() override {
        if (context_.vault.unlocked()) {
            history_->refresh();
            chart_->presenter().refresh();
        }
    }
    void rewrap() override {
        chart_->rewrap();
        Layout();
    }

    void show_summary(const app::HistorySummary& s) override {
        if (list_->GetItemCount() != s.count) {
            list_->SetItemCount(static_cast<long>(s.count));
        }
        list_->Refresh();
        if (!s.problem.empty()) {
            totals_->SetLabel(tr(s.problem));
        } else if (s.loading) {
            totals_->SetLabel(_("Loading the payment history..."));
        } else if (s.count == 0) {
            totals_->SetLabel(_("No payments match."));
        } else {
            wxString line = wxString::Format(wxPLURAL("%lld payment", "%lld payments", s.count),
                                             static_cast<long long>(s.count));
            if (s.totals_ready) {
                line += "  ";
                line += wxString::Format(_("Paid: %s"), yuan(s.totals.paid));
                if (s.totals.unsettled_count > 0) {
                    line += "  ";
                    line +=
                        wxString::Format(_("Outcome not known yet: %s"), yuan(s.totals.unsettled));
                }
                if (s.totals.declined_count > 0) {
                    line += "  ";
                    line += wxString::Format(
                        wxPLURAL("%lld declined", "%lld declined", s.totals.declined_count),
                        static_cast<long long>(s.totals.declined_count));
                }
            }
            totals_->SetLabel(line);
        }
        export_button_->Enable(s.count > 0 && s.problem.empty() && !export_->running());
        Layout();
    }
    void rows_ready(std::int64_t first, std::int64_t last) override {
        if (first < list_->GetItemCount()) {
            list_->RefreshItems(static_cast<long>(first), static_cast<long>(std::min<std::int64_t>(
                                                              last, list_->GetItemCount() - 1)));
        }
    }

    void export_progress(const app::ExportProgress& p) override {
        gauge_->SetRange(static_cast<int>(std::max<std::int64_t>(1, p.total)));
        gauge_->SetValue(static_cast<int>(std::min(p.written, p.total)));
        export_status_->SetLabel(wxString::Format(_("Exporting: %lld of %lld"),
                                                  static_cast<long long>(p.written),
                                                  static_cast<long long>(p.total)));
        set_exporting(true);
    }
    void export_finished(std::int64_t written, bool cancelled, const Message& problem,
                         const std::string& destination) override {
        set_exporting(false);
        if (cancelled) {
            export_status_->SetLabel(_("Export cancelled. No file was written."));
        } else if (!problem.empty()) {
            export_status_->SetLabel(tr(problem));
        } else {
            export_status_->SetLabel(wxString::Format(
                wxPLURAL("Exported %lld payment to %s", "Exported %lld payments to %s", written),
                static_cast<long long>(written), from_utf8(destination)));
        }
        export_button_->Enable(history_->summary().count > 0);
        Layout();
    }

private:
    void build() {
        // Each label is created just before its control: the mnemonic focuses the next control
        // in creation order.
        std::vector<wxWindow*> labels;
        auto label = [&](const wxString& text) {
            labels.push_back(new wxStaticText(this, wxID_ANY, text));
        };
        label(_("Fro&m"));
        from_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxTE_PROCESS_ENTER, wxDefaultValidator, "history-from");
        from_->SetHint(_("YYYY-MM-DD"));
        label(_("&To"));
        until_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxTE_PROCESS_ENTER, wxDefaultValidator, "history-until");
        until_->SetHint(_("YYYY-MM-DD"));
        label(_("&Category"));
        category_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                                 wxDefaultValidator, "history-category");
        category_->Append(_("All categories"));
        for (const auto& kind : app::bill_kinds()) {
            category_->Append(tr(app::bill_kind_title(kind)));
        }
        category_->SetSelection(0);
        label(_("Pa&yee"));
        payee_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxTE_PROCESS_ENTER, wxDefaultValidator, "history-payee");
        payee_->SetHint(_("Payee contains"));
        label(_("&Status"));
        status_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                               wxDefaultValidator, "history-status");
        status_->Append(_("Any status"));
        for (auto s : statuses) {
            status_->Append(tr(app::payment_status_title(s)));
        }
        status_->SetSelection(0);
        auto* filters = new wxFlexGridSizer(2, 5, FromDIP(2), FromDIP(8));
        for (auto* l : labels) {
            filters->Add(l);
        }
        for (wxWindow* control :
             std::initializer_list<wxWindow*>{from_, until_, category_, payee_, status_}) {
            filters->Add(control, wxSizerFlags().Expand());
        }
        filters->AddGrowableCol(3, 1);

        // The list above, the charts below; the citizen moves the sash.
        auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                           wxSP_LIVE_UPDATE | wxSP_3DSASH, "history-split");
        auto* top = new wxPanel(split);
        totals_ = new wxStaticText(top, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                   "history-totals");
        list_ = new HistoryList(top);
        export_button_ = new wxButton(top, wxID_ANY, _("&Export CSV..."), wxDefaultPosition,
                                      wxDefaultSize, 0, wxDefaultValidator, "history-export");
        export_button_->Disable();
        gauge_ = new wxGauge(top, wxID_ANY, 100, wxDefaultPosition, wxDefaultSize,
                             wxGA_HORIZONTAL | wxGA_SMOOTH, wxDefaultValidator, "history-gauge");
        cancel_ = new wxButton(top, wxID_CANCEL, _("Cancel export"));
        export_status_ = new wxStaticText(top, wxID_ANY, wxString());
        gauge_->Hide();
        cancel_->Hide();
        auto* exports = new wxBoxSizer(wxHORIZONTAL);
        exports->Add(export_button_, wxSizerFlags().CenterVertical());
        exports->Add(gauge_, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(8)));
        exports->Add(cancel_, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));
        exports->Add(export_status_, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(8)));

        chart_ = new SpendingChartPanel(split, context_);

        auto* column = new wxBoxSizer(wxVERTICAL);
        auto* listing = new wxBoxSizer(wxVERTICAL);
        listing->Add(totals_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(8)));
        listing->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(8)));
        listing->Add(exports,
                     wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
        top->SetSizer(listing);
        split->SetMinimumPaneSize(FromDIP(120));
        split->SetSashGravity(0.55);
        split->SplitHorizontally(top, chart_);
        column->Add(filters, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
        column->Add(split, wxSizerFlags(1).Expand());
        SetSizer(column);

        // Typing waits for a pause; choices apply at once.
        for (auto* text : {from_, until_, payee_}) {
            text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { typing_.StartOnce(350); });
            text->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { apply_filter(); });
        }
        Bind(wxEVT_TIMER, [this](wxTimerEvent&) { apply_filter(); });
        category_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { apply_filter(); });
        status_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { apply_filter(); });
        export_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_export_file(); });
        cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_->cancel(); });
    }

    void apply_filter() {
        app::HistoryFilter f;
        f.from_date = from_->GetValue().Trim().Trim(false).utf8_string();
        f.until_date = until_->GetValue().Trim().Trim(false).utf8_string();
        f.payee = payee_->GetValue().Trim().Trim(false).utf8_string();
        const int category = category_->GetSelection();
        if (category > 0) {
            f.category = app::bill_kinds().at(static_cast<std::size_t>(category - 1));
        }
        const int status = status_->GetSelection();
        if (status > 0) {
            f.status = statuses[status - 1];
        }
        if (!(f == history_->filter())) {
            history_->set_filter(f);
        }
    }

    void choose_export_file() {
        wxFileDialog dialog(
            this, _("Export payment history"), wxString(),
            from_utf8(app::HistoryExportPresenter::suggested_file_name(context_.now())),
            _("CSV files (*.csv)|*.csv"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dialog.ShowModal() != wxID_OK) {
            return;
        }
        start_export(path_from_utf8(dialog.GetPath().utf8_string()));
    }

public:
    // Exports the listed history to `path` (the Export button after its file dialog).
    void start_export(const std::filesystem::path& path) {
        export_status_->SetLabel(wxString());
        std::vector<std::string> columns;
        for (const auto& column : app::HistoryExportPresenter::columns()) {
            columns.push_back(tr(column).utf8_string()); // the file speaks the citizen's language
        }
        export_->start(history_->ledger_filter(), history_->summary().count, path, columns);
    }

private:
    void set_exporting(bool on) {
        gauge_->Show(on);
        cancel_->Show(on);
        export_button_->Enable(!on);
    }

    app::AppContext& context_;
    wxTimer typing_;
    wxTextCtrl* from_ = nullptr;
    wxTextCtrl* until_ = nullptr;
    wxChoice* category_ = nullptr;
    wxTextCtrl* payee_ = nullptr;
    wxChoice* status_ = nullptr;
    wxStaticText* totals_ = nullptr;
    HistoryList* list_ = nullptr;
    wxButton* export_button_ = nullptr;
    wxGauge* gauge_ = nullptr;
    wxButton* cancel_ = nullptr;
    wxStaticText* export_status_ = nullptr;
    SpendingChartPanel* chart_ = nullptr;
    std::unique_ptr<app::PaymentHistoryPresenter> history_;
    std::unique_ptr<app::HistoryExportPresenter> export_;
};

} // namespace

Page* create_payment_history_panel(wxWindow* parent, app::AppContext& context) {
    return new PaymentHistoryPanel(parent, context);
}

} // namespace cd::ui
