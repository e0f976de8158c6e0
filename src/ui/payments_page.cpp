#include "ui/payments_page.h"

#include "app/bill_reminders.h"
#include "app/payment_resolver.h"
#include "ui/bills_panel.h"
#include "ui/payment_history_panel.h"

#include <wx/intl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/timer.h>

namespace cd::ui {

namespace {

// My Payments: a notebook of "Bills due" and "History". It owns the app's PaymentResolver
// (pending payments are settled at start, unlock, sign-in and when back online) and the bill
// reminders, checked at start, unlock, sign-in and hourly (each bill at most once a day).
class PaymentsPage final : public Page {
public:
    PaymentsPage(wxWindow* parent, app::AppContext& context)
        : Page(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "payments"),
          resolver_(context), reminders_(context), timer_(this) {
        notebook_ = new wxNotebook(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0,
                                   "payments-notebook");
        bills_ = new BillsPanel(notebook_, context, resolver_);
        history_ = create_payment_history_panel(notebook_, context);
        notebook_->AddPage(bills_, _("Bills due"), true);
        notebook_->AddPage(history_, _("History"));
        auto* column = new wxBoxSizer(wxVERTICAL);
        column->Add(notebook_, wxSizerFlags(1).Expand());
        SetSizer(column);
        Bind(wxEVT_TIMER, [this](wxTimerEvent&) { reminders_.check(); });
        notebook_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
            if (event.GetSelection() == 1) {
                history_->on_page_shown();
            }
            event.Skip();
        });
        timer_.Start(60 * 60 * 1000); // hourly: a new day's reminders come within the hour
    }
    ~PaymentsPage() override {
        timer_.Stop();
        DestroyChildren(); // the panels use the resolver: they go first
    }

    void on_page_shown() override {
        bills_->presenter().refresh();
        if (notebook_->GetSelection() == 1) {
            history_->on_page_shown();
        }
    }
    void rewrap() override {
        history_->rewrap();
        Layout();
    }

private:
    app::PaymentResolver resolver_;
    app::BillReminders reminders_;
    wxTimer timer_;
    wxNotebook* notebook_ = nullptr;
    BillsPanel* bills_ = nullptr;
    Page* history_ = nullptr;
};

} // namespace

Page* create_payments_page(wxWindow* parent, app::AppContext& context) {
    return new PaymentsPage(parent, context);
}

} // namespace cd::ui
