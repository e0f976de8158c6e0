// A tab's page in the main notebook. Feature pages (My Life, My Government, My Payments, My
// Voice) derive from it; the frame tells every page when its tab is shown and when the text
// size changed. Connection, vault and session changes reach pages through app::EventHub.
#pragma once

#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cd::ui {

class Page : public wxPanel {
public:
    using wxPanel::wxPanel;

    // The citizen switched to this page's tab (refresh what may be stale).
    virtual void on_page_shown() {}
    // The text size changed: wrap long labels again for the new font.
    virtual void rewrap() {}

    // The line at the top of the page saying it shows what was kept; empty hides it. Made on
    // first use, above whatever the page laid out.
    void show_notice(const wxString& text) {
        if (notice_ == nullptr) {
            if (text.empty()) {
                return;
            }
            notice_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
            notice_->SetName("tab-notice");
            if (wxSizer* sizer = GetSizer()) {
                sizer->Insert(0, notice_, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
            }
        }
        notice_->SetLabel(text);
        if (notice_->IsShown() != !text.empty()) {
            notice_->Show(!text.empty());
        }
        Layout();
    }
    // Null until the page first had a notice.
    wxStaticText* notice() const { return notice_; }

private:
    wxStaticText* notice_ = nullptr;
};

} // namespace cd::ui
