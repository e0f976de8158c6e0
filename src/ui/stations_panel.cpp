#include "ui/stations_panel.h"

#include "ui/accessible_names.h"
#include "ui/choice_items.h"
#include "ui/message_text.h"
#include "ui/text_wrap.h"

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cd::ui {

wxString hours_text(const std::vector<app::HoursSpan>& spans) {
    const wxString days[] = {_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")};
    const auto day = [&](int weekday) {
        return weekday >= 1 && weekday <= 7 ? days[weekday - 1] : wxString("?");
    };
    wxString text;
    for (const auto& s : spans) {
        if (!text.empty()) {
            text += ", ";
        }
        text += day(s.first_weekday);
        if (s.last_weekday != s.first_weekday) {
            text += wxString::FromUTF8("\xE2\x80\x93") + day(s.last_weekday); // en dash
        }
        text += " " + from_utf8(s.open) + wxString::FromUTF8("\xE2\x80\x93") + from_utf8(s.close);
    }
    return text.empty() ? _("Hours not given") : text;
}

StationsPanel::StationsPanel(wxWindow* parent, app::AppContext& context)
    : wxPanel(parent, wxID_ANY), districts_(new wxChoice(this, wxID_ANY)),
      order_(new wxStaticText(this, wxID_ANY, wxString())),
      note_(new wxStaticText(this, wxID_ANY, wxString())),
      stations_(new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL)),
      minute_(this), presenter_(context, *this) {
    stations_->AppendColumn(_("Station"));
    // TRANSLATORS: column header: "Open now" or "Closed".
    stations_->AppendColumn(_("Now"));
    stations_->AppendColumn(_("Hours"));
    stations_->AppendColumn(_("Distance"));
    stations_->AppendColumn(_("Address"));
    stations_->AppendColumn(_("Phone"));
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(label_for(districts_, _("&District:")),
             wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    top->Add(districts_, wxSizerFlags().CenterVertical());
    auto* column = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(8);
    column->Add(top, wxSizerFlags().Border(wxALL, gap));
    column->Add(order_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(note_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(stations_, wxSizerFlags(1).Expand().Border(wxALL, gap));
    SetSizer(column);
    districts_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
        if (event.GetSelection() >= 0) {
            presenter_.choose_district(std::size_t(event.GetSelection()));
        }
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { presenter_.update_open_now(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        rewrap();
        event.Skip();
    });
    minute_.Start(60 * 1000);
    rewrap();
    presenter_.start();
}

void StationsPanel::rewrap() {
    const int width = GetClientSize().x - FromDIP(32);
    note_->SetLabel(wrap_to_width(*note_, note_text_, width > FromDIP(200) ? width : FromDIP(480)));
    for (int c = 0; c < stations_->GetColumnCount(); ++c) {
        stations_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
    }
    Layout();
}

void StationsPanel::show_districts(const std::vector<std::string>& names, std::size_t selected) {
    set_choice_items(*districts_, names, selected);
    Layout();
}

void StationsPanel::show_busy(bool busy) {
    SetCursor(busy ? wxCursor(wxCURSOR_ARROWWAIT) : wxNullCursor);
}

void StationsPanel::show_stations(const std::vector<app::StationRow>& stations,
                                  const Message& order) {
    order_->SetLabel(tr(order));
    stations_->DeleteAllItems();
    long row = 0;
    for (const auto& s : stations) {
        stations_->InsertItem(row, from_utf8(s.name));
        stations_->SetItem(row, 1, s.open_now ? _("Open now") : _("Closed"));
        stations_->SetItem(row, 2, hours_text(s.hours));
        stations_->SetItem(row, 3, tr(s.distance));
        stations_->SetItem(row, 4, from_utf8(s.address));
        stations_->SetItem(row, 5, from_utf8(s.phone));
        ++row;
    }
    rewrap();
}

void StationsPanel::show_note(const Message& note) {
    note_text_ = tr(note);
    rewrap();
}

} // namespace cd::ui
