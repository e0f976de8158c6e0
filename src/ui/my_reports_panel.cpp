#include "ui/my_reports_panel.h"

#include "ui/message_text.h"

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cd::ui {
namespace {

constexpr int poll_minutes = 2;

wxString status_words(const std::string& status) {
    if (status == "closed") {
        return _("Closed");
    }
    if (status == "open") {
        return _("Open");
    }
    return from_utf8(status);
}

} // namespace

wxString local_time_text(const std::string& utc) {
    wxDateTime when;
    const wxString text = from_utf8(utc);
    if (utc.empty() || !when.ParseISOCombined(text.Left(19))) {
        return text;
    }
    when.MakeFromUTC();
    return when.Format("%Y-%m-%d %H:%M");
}

MyReportsPanel::MyReportsPanel(wxWindow* parent, app::AppContext& context)
    : wxPanel(parent, wxID_ANY),
      list_(new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL)),
      timeline_(new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxTE_MULTILINE | wxTE_READONLY)),
      note_(new wxStaticText(this, wxID_ANY, wxString())), poll_timer_(this),
      presenter_(context, *this) {
    list_->AppendColumn(_("Sent"));
    list_->AppendColumn(_("Category"));
    list_->AppendColumn(_("State"));
    list_->AppendColumn(_("Description"));
    auto* refresh = new wxButton(this, wxID_ANY, _("&Check for replies"));
    edit_ = new wxButton(this, wxID_ANY, _("&Edit and send again"));
    discard_ = new wxButton(this, wxID_ANY, _("&Discard..."));
    const int gap = FromDIP(8);
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(refresh);
    buttons->Add(edit_, wxSizerFlags().Border(wxLEFT, gap));
    buttons->Add(discard_, wxSizerFlags().Border(wxLEFT, gap));
    column->Add(buttons, wxSizerFlags().Border(wxALL, gap));
    column->Add(note_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, gap));
    column->Add(new wxStaticText(this, wxID_ANY, _("The exchange with the city:")),
                wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(timeline_, wxSizerFlags(1).Expand().Border(wxALL, gap));
    SetSizer(column);

    refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_.poll(); });
    edit_->Bind(wxEVT_BUTTON,
                [this](wxCommandEvent&) { presenter_.edit_and_send_again(selected_reference()); });
    discard_->Bind(wxEVT_BUTTON,
                   [this](wxCommandEvent&) { presenter_.discard(selected_reference()); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
        show_timeline(event.GetIndex());
        update_actions();
    });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { update_actions(); });
    update_actions();
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { presenter_.poll(); });
    poll_timer_.Start(poll_minutes * 60 * 1000);
    presenter_.start();
}

void MyReportsPanel::show_reports(const std::vector<app::MyReport>& reports) {
    long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    std::string selected_ref = selected >= 0 && std::size_t(selected) < reports_.size()
                                   ? reports_[std::size_t(selected)].reference
                                   : std::string();
    reports_ = reports;
    list_->DeleteAllItems();
    long row = 0;
    for (const auto& r : reports_) {
        list_->InsertItem(row, local_time_text(r.requested_utc));
        list_->SetItem(row, 1, from_utf8(r.service_name));
        list_->SetItem(row, 2, tr(r.state));
        list_->SetItem(row, 3, from_utf8(r.description).Left(80));
        if (r.reference == selected_ref) {
            list_->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        }
        ++row;
    }
    for (int c = 0; c < list_->GetColumnCount(); ++c) {
        list_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
    }
    if (selected_ref.empty()) {
        timeline_->Clear();
    }
    update_actions();
}

std::string MyReportsPanel::selected_reference() const {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row >= 0 && std::size_t(row) < reports_.size() ? reports_[std::size_t(row)].reference
                                                          : std::string();
}

void MyReportsPanel::update_actions() {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const bool refused =
        row >= 0 && std::size_t(row) < reports_.size() && reports_[std::size_t(row)].refused;
    const bool waiting =
        row >= 0 && std::size_t(row) < reports_.size() && reports_[std::size_t(row)].waiting;
    edit_->Enable(refused);
    discard_->Enable(waiting);
}

bool MyReportsPanel::confirm_discard(const Message& question) {
    if (confirm_for_tests) {
        return confirm_for_tests();
    }
    return wxMessageBox(tr(question), _("Discard report"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING,
                        this) == wxYES;
}

void MyReportsPanel::edit_report(const store::OutboxItem& item) {
    if (on_edit_) {
        on_edit_(item);
    }
}

wxString MyReportsPanel::note_text() const {
    return note_->GetLabel();
}

wxString MyReportsPanel::detail_text() const {
    return timeline_->GetValue();
}

void MyReportsPanel::show_timeline(long row) {
    if (row < 0 || std::size_t(row) >= reports_.size()) {
        return;
    }
    const auto& r = reports_[std::size_t(row)];
    wxString text = from_utf8(r.description) + "\n";
    if (!r.address.empty()) {
        text += from_utf8(r.address) + "\n";
    }
    text += "\n";
    if (r.refused) {
        text += _("The city refused this report, so it will not be sent as it is. Correct it "
                  "with \"Edit and send again\", or discard it.") +
                "\n" + tr(r.waiting_reason) + "\n";
    } else if (r.waiting) {
        text += _("Waiting to send: it leaves your outbox when the city's service can be "
                  "reached.") +
                "\n";
        if (!r.waiting_reason.empty()) {
            text += tr(r.waiting_reason) + "\n";
        }
    } else {
        text += wxString::Format(_("Report number %s"), from_utf8(r.reference)) + "\n";
        if (r.timeline.empty()) {
            text += _("No reply from the city yet.") + "\n";
        }
        for (const auto& entry : r.timeline) {
            text += local_time_text(entry.when_utc) + "  [" + status_words(entry.status) + "]\n" +
                    from_utf8(entry.text) + "\n\n";
        }
    }
    if (!r.kept_photos.empty()) {
        text += "\n" + tr(r.kept_photos_note) + "\n";
        for (const auto& photo : r.kept_photos) {
            text += "    " + from_utf8(photo) + "\n"; // the whole path: the citizen can find it
        }
    }
    timeline_->ChangeValue(text);
}

void MyReportsPanel::show_busy(bool busy) {
    if (busy) {
        SetCursor(wxCursor(wxCURSOR_ARROWWAIT));
    } else {
        SetCursor(wxNullCursor);
    }
}

void MyReportsPanel::show_note(const Message& note) {
    note_->SetLabel(tr(note));
    Layout();
}

} // namespace cd::ui
