#include "ui/holidays_panel.h"

#include "ui/message_text.h"
#include "ui/text_wrap.h"
#include "ui/theme.h"

#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cd::ui {

HolidaysPanel::HolidaysPanel(wxWindow* parent, app::AppContext& context)
    : wxPanel(parent, wxID_ANY), summary_(new wxStaticText(this, wxID_ANY, wxString())),
      next_(new wxStaticText(this, wxID_ANY, wxString())),
      note_(new wxStaticText(this, wxID_ANY, wxString())),
      days_(new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL)),
      presenter_(context, *this) {
    days_->AppendColumn(_("Date"));
    days_->AppendColumn(_("Holiday"));
    // TRANSLATORS: column header: whether the date is a day off or a make-up working day.
    days_->AppendColumn(_("Day"));
    auto* column = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(8);
    column->Add(summary_, wxSizerFlags().Border(wxALL, gap));
    column->Add(next_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(note_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(days_, wxSizerFlags(1).Expand().Border(wxALL, gap));
    SetSizer(column);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        rewrap();
        event.Skip();
    });
    rewrap();
    presenter_.start();
}

void HolidaysPanel::rewrap() {
    wxFont bold = GetFont();
    bold.MakeBold();
    next_->SetFont(bold);
    const int width = GetClientSize().x - FromDIP(32);
    note_->SetLabel(wrap_to_width(*note_, note_text_, width > FromDIP(200) ? width : FromDIP(480)));
    for (int c = 0; c < days_->GetColumnCount(); ++c) {
        days_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
    }
    Layout();
}

void HolidaysPanel::show_busy(bool busy) {
    SetCursor(busy ? wxCursor(wxCURSOR_ARROWWAIT) : wxNullCursor);
}

void HolidaysPanel::show_year(const app::HolidayYear& year) {
    summary_->SetLabel(
        wxString::Format(_("Public holidays in %d: %d days off and %d make-up working days"),
                         year.year, year.off_days, year.working_days));
    next_->SetLabel(tr(year.next));
    days_->DeleteAllItems();
    const wxColour highlight = to_wx(current_palette().info_back);
    const wxColour highlight_text = to_wx(current_palette().info_text);
    long row = 0;
    long first_next = -1;
    for (const auto& day : year.days) {
        days_->InsertItem(row, from_utf8(day.date));
        days_->SetItem(row, 1, from_utf8(day.name));
        days_->SetItem(row, 2, tr(day.kind));
        if (day.next) {
            days_->SetItemBackgroundColour(row, highlight);
            days_->SetItemTextColour(row, highlight_text);
            wxFont bold = days_->GetFont();
            bold.MakeBold();
            days_->SetItemFont(row, bold);
            first_next = first_next < 0 ? row : first_next;
        }
        ++row;
    }
    if (first_next >= 0) {
        days_->EnsureVisible(first_next);
    }
    rewrap();
}

void HolidaysPanel::show_note(const Message& note) {
    note_text_ = tr(note);
    rewrap();
}

} // namespace cd::ui
