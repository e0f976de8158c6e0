#include "ui/appointments_panel.h"

#include "ui/booking_dialog.h"
#include "ui/message_text.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/weakref.h>

namespace cd::ui {

AppointmentsPanel::AppointmentsPanel(wxWindow* parent, app::AppContext& context)
    : Page(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "appointments"),
      context_(context), list_(new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                              wxLC_REPORT | wxLC_SINGLE_SEL)),
      note_(new wxStaticText(this, wxID_ANY, wxString())),
      move_(new wxButton(this, wxID_ANY, _("&Move..."))),
      cancel_(new wxButton(this, wxID_ANY, _("&Cancel appointment"))), presenter_(context, *this) {
    list_->AppendColumn(_("Date"));
    list_->AppendColumn(_("Time"));
    list_->AppendColumn(_("Hall"));
    list_->AppendColumn(_("Service"));
    list_->AppendColumn(_("Status"));
    auto* refresh = new wxButton(this, wxID_REFRESH, _("&Refresh"));
    const int gap = FromDIP(8);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("My appointments")),
             wxSizerFlags(1).CenterVertical());
    top->Add(move_);
    top->Add(cancel_, wxSizerFlags().Border(wxLEFT, gap));
    top->Add(refresh, wxSizerFlags().Border(wxLEFT, gap));
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(top, wxSizerFlags().Expand().Border(wxALL, gap));
    column->Add(note_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    column->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, gap));
    SetSizer(column);
    refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_.refresh(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_buttons(); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { update_buttons(); });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const long i = selected();
        if (i < 0) {
            return;
        }
        if (wxMessageBox(_("Cancel this appointment?"), _("My appointments"),
                         wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) == wxYES) {
            presenter_.cancel(std::size_t(i));
        }
    });
    move_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const long i = selected();
        if (i < 0 || std::size_t(i) >= presenter_.appointments().size()) {
            return;
        }
        const auto& a = presenter_.appointments()[std::size_t(i)];
        wxWeakRef<AppointmentsPanel> self(this);
        (new BookingDialog(wxGetTopLevelParent(this), context_, a.service_id, a.hall_id, a.id,
                           [self] {
                               if (self) {
                                   self->presenter().refresh();
                               }
                           }))
            ->Show();
    });
    update_buttons();
    presenter_.start();
}

long AppointmentsPanel::selected() const {
    return list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

void AppointmentsPanel::update_buttons() {
    const long i = selected();
    const bool active = i >= 0 && std::size_t(i) < rows_.size() && rows_[std::size_t(i)].active;
    move_->Enable(active);
    cancel_->Enable(active);
}

void AppointmentsPanel::show_busy(bool busy) {
    SetCursor(busy ? wxCursor(wxCURSOR_ARROWWAIT) : wxNullCursor);
}

void AppointmentsPanel::show_appointments(const std::vector<app::AppointmentRow>& rows) {
    rows_ = rows;
    list_->DeleteAllItems();
    long i = 0;
    for (const auto& r : rows) {
        list_->InsertItem(i, from_utf8(r.date));
        list_->SetItem(i, 1, from_utf8(r.time));
        list_->SetItem(i, 2, from_utf8(r.hall));
        list_->SetItem(i, 3, from_utf8(r.service));
        list_->SetItem(i, 4, tr(r.status));
        ++i;
    }
    update_buttons();
    rewrap();
}

void AppointmentsPanel::show_note(const Message& note) {
    note_->SetLabel(tr(note));
    rewrap();
}

void AppointmentsPanel::rewrap() {
    for (int c = 0; c < list_->GetColumnCount(); ++c) {
        list_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
    }
    Layout();
}

} // namespace cd::ui
