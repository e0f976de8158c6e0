#include "ui/booking_dialog.h"

#include "ui/accessible_names.h"
#include "ui/message_text.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cd::ui {

BookingDialog::BookingDialog(wxWindow* parent, app::AppContext& context,
                             const std::string& service_id, const std::string& hall_id,
                             const std::string& move_id, std::function<void()> on_done)
    : wxDialog(parent, wxID_ANY, move_id.empty() ? _("Book a hall") : _("Move the appointment"),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER,
               "booking"),
      on_done_(std::move(on_done)), presenter_(context, *this, service_id, hall_id, move_id) {
    halls_ = new wxChoice(this, wxID_ANY);
    address_ = new wxStaticText(this, wxID_ANY, wxString());
    days_ = new wxChoice(this, wxID_ANY);
    slots_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 220)));
    note_ = new wxStaticText(this, wxID_ANY, wxString());
    book_ = new wxButton(this, wxID_OK, _("&Book this slot"));
    auto* close = new wxButton(this, wxID_CANCEL, _("&Close"));
    const int gap = FromDIP(8);
    auto* grid = new wxFlexGridSizer(2, gap, gap);
    grid->AddGrowableCol(1);
    grid->Add(label_for(halls_, _("&Hall:")), wxSizerFlags().CenterVertical());
    grid->Add(halls_, wxSizerFlags().Expand());
    grid->AddSpacer(0);
    grid->Add(address_);
    grid->Add(label_for(days_, _("&Day:")), wxSizerFlags().CenterVertical());
    grid->Add(days_, wxSizerFlags().Expand());
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(book_);
    buttons->Add(close, wxSizerFlags().Border(wxLEFT, gap));
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(grid, wxSizerFlags().Expand().Border(wxALL, gap));
    column->Add(new wxStaticText(this, wxID_ANY, _("Free times:")),
                wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(slots_, wxSizerFlags(1).Expand().Border(wxALL, gap));
    column->Add(note_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    column->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));
    SetSizer(column);
    SetSize(FromDIP(wxSize(460, 520)));

    halls_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        if (e.GetSelection() >= 0 && std::size_t(e.GetSelection()) < hall_rows_.size()) {
            address_->SetLabel(from_utf8(hall_rows_[std::size_t(e.GetSelection())].address));
            presenter_.choose_hall(std::size_t(e.GetSelection()));
        }
    });
    days_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        if (e.GetSelection() >= 0) {
            presenter_.choose_day(std::size_t(e.GetSelection()));
        }
    });
    auto book = [this] {
        if (slots_->GetSelection() != wxNOT_FOUND) {
            presenter_.book(std::size_t(slots_->GetSelection()));
        }
    };
    book_->Bind(wxEVT_BUTTON, [book](wxCommandEvent&) { book(); });
    slots_->Bind(wxEVT_LISTBOX_DCLICK, [book](wxCommandEvent&) { book(); });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
    presenter_.start();
}

void BookingDialog::show_busy(bool busy) {
    SetCursor(busy ? wxCursor(wxCURSOR_ARROWWAIT) : wxNullCursor);
    book_->Enable(!busy && !booked_);
}

void BookingDialog::show_halls(const std::vector<app::BookingHall>& halls, std::size_t selected) {
    hall_rows_ = halls;
    halls_->Clear();
    for (const auto& h : halls) {
        halls_->Append(from_utf8(h.name));
    }
    if (selected < halls.size()) {
        halls_->SetSelection(int(selected));
        address_->SetLabel(from_utf8(halls[selected].address));
    }
    Layout();
}

void BookingDialog::show_days(const std::vector<std::string>& dates, std::size_t selected) {
    days_->Clear();
    for (const auto& d : dates) {
        days_->Append(from_utf8(d));
    }
    if (selected < dates.size()) {
        days_->SetSelection(int(selected));
    }
}

void BookingDialog::show_slots(const std::vector<app::SlotRow>& slots) {
    slots_->Clear();
    for (const auto& s : slots) {
        // TRANSLATORS: a time slot that someone else has booked, e.g. "09:00–09:30 (taken)".
        slots_->Append(s.available ? from_utf8(s.time)
                                   : wxString::Format(_("%s (taken)"), from_utf8(s.time)));
    }
}

void BookingDialog::show_note(const Message& note) {
    note_->SetLabel(tr(note));
    note_->Wrap(GetClientSize().x - FromDIP(16));
    Layout();
}

void BookingDialog::show_booked(const Message& outcome) {
    booked_ = true;
    book_->Disable();
    show_note(outcome);
    if (on_done_) {
        on_done_();
    }
}

} // namespace cd::ui
