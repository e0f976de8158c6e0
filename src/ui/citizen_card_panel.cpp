#include "ui/citizen_card_panel.h"

#include "ui/message_text.h"

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/tokenzr.h>

#include <algorithm>

namespace cd::ui {

CitizenCardPanel::CitizenCardPanel(wxWindow* parent, app::AppContext& context)
    : wxPanel(parent, wxID_ANY), heading_(new wxStaticText(this, wxID_ANY, wxString())),
      lines_(new wxStaticText(this, wxID_ANY, wxString())), presenter_(context, *this) {
    wxFont big = heading_->GetFont();
    big.SetFractionalPointSize(big.GetFractionalPointSize() * 1.4);
    big.MakeBold();
    heading_->SetFont(big);
    heading_->SetLabel(_("Citizen card")); // after the font, so its best size fits the text
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(heading_, wxSizerFlags().Border(wxALL, FromDIP(12)));
    column->Add(lines_, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    SetSizer(column);
    rewrap();
    presenter_.start();
}

void CitizenCardPanel::show_card(const app::CitizenCard& card) {
    wxString text;
    text << wxString::Format(_("Holder: %s"), from_utf8(card.holder)) << "\n"
         << wxString::Format(_("Resident ID: %s"), from_utf8(card.resident_id_masked)) << "\n"
         << wxString::Format(_("Phone: %s"), from_utf8(card.phone_masked)) << "\n"
         << wxString::Format(_("District: %s"), from_utf8(card.district)) << "\n"
         << wxString::Format(_("Status: %s"), tr(card.status)) << "\n"
         << tr(card.balance);
    lines_->SetLabel(text);
    rewrap();
}

void CitizenCardPanel::show_no_card(const Message& reason) {
    lines_->SetLabel(tr(reason));
    rewrap();
}

namespace {

// The size of a label's lines in its own font, measured by pango rather than asked of GTK.
wxSize text_size(const wxStaticText& label) {
    wxSize size;
    wxStringTokenizer lines(label.GetLabel(), "\n", wxTOKEN_RET_EMPTY_ALL);
    while (lines.HasMoreTokens()) {
        const wxString line = lines.GetNextToken();
        const wxSize extent = label.GetTextExtent(line.empty() ? wxString(" ") : line);
        size.x = std::max(size.x, extent.x);
        size.y += extent.y;
    }
    return size;
}

} // namespace

void CitizenCardPanel::rewrap() {
    for (wxStaticText* label : {heading_, lines_}) {
        label->SetMinSize(text_size(*label));
    }
    Layout();
}

} // namespace cd::ui
