#include "ui/tab_panel.h"

#include "ui/message_text.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cd::ui {

TabPanel::TabPanel(wxWindow* parent, app::Tab tab)
    : wxPanel(parent, wxID_ANY), headline_(new wxStaticText(this, wxID_ANY, wxString())),
      explanation_(new wxStaticText(this, wxID_ANY, wxString())), presenter_(tab, *this) {
    wxFont big = headline_->GetFont();
    big.SetPointSize(big.GetPointSize() * 3 / 2);
    big.MakeBold();
    headline_->SetFont(big);

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->AddStretchSpacer(1);
    column->Add(headline_, wxSizerFlags().Center().Border(wxALL, FromDIP(8)));
    column->Add(explanation_, wxSizerFlags().Center().Border(wxLEFT | wxRIGHT, FromDIP(24)));
    column->AddStretchSpacer(2);
    SetSizer(column);
}

void TabPanel::show_empty_state(const Message& headline, const Message& explanation) {
    headline_->SetLabel(tr(headline));
    explanation_->SetLabel(tr(explanation));
    explanation_->Wrap(FromDIP(520));
    Layout();
}

wxString TabPanel::headline_text() const {
    return headline_->GetLabel();
}
wxString TabPanel::explanation_text() const {
    return explanation_->GetLabel();
}

} // namespace cd::ui
