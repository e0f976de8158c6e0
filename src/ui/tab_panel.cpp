#include "ui/tab_panel.h"

#include "ui/message_text.h"
#include "ui/text_wrap.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cd::ui {

TabPanel::TabPanel(wxWindow* parent, app::Tab tab)
    : Page(parent, wxID_ANY), headline_(new wxStaticText(this, wxID_ANY, wxString())),
      explanation_(new wxStaticText(this, wxID_ANY, wxString())), presenter_(tab, *this) {

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->AddStretchSpacer(1);
    column->Add(headline_, wxSizerFlags().Center().Border(wxALL, FromDIP(8)));
    column->Add(explanation_, wxSizerFlags().Center().Border(wxLEFT | wxRIGHT, FromDIP(24)));
    column->AddStretchSpacer(2);
    SetSizer(column);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        rewrap();
        event.Skip();
    });
}

void TabPanel::rewrap() {
    // The headline is half as large again as the body text, whatever the text size.
    wxFont big = explanation_->GetFont();
    big.SetFractionalPointSize(big.GetFractionalPointSize() * 1.5);
    big.MakeBold();
    headline_->SetFont(big);
    const int width = GetClientSize().x - FromDIP(48);
    explanation_->SetLabel(wrap_to_width(*explanation_, explanation_unwrapped_,
                                         width > FromDIP(200) ? width : FromDIP(520)));
    Layout();
}

void TabPanel::show_empty_state(const Message& headline, const Message& explanation) {
    headline_->SetLabel(tr(headline));
    explanation_unwrapped_ = tr(explanation);
    rewrap();
}

wxString TabPanel::headline_text() const {
    return headline_->GetLabel();
}
wxString TabPanel::explanation_text() const {
    return explanation_->GetLabel();
}

} // namespace cd::ui
