#include "ui/voice_page.h"

#include "app/public_feed_presenter.h"
#include "ui/message_text.h"
#include "ui/my_reports_panel.h"
#include "ui/public_feed_panel.h"
#include "ui/report_panel.h"

#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cd::ui {

VoicePage::VoicePage(wxWindow* parent, app::AppContext& context)
    : Page(parent, wxID_ANY), context_(context),
      hotline_(new wxStaticText(this, wxID_ANY, wxString())),
      sections_(new wxNotebook(this, wxID_ANY)) {
    report_ = new ReportPanel(sections_, context);
    mine_ = new MyReportsPanel(sections_, context);
    feed_ = new PublicFeedPanel(sections_, context);
    sections_->AddPage(report_, _("Report a problem"), true);
    sections_->AddPage(mine_, _("My reports"));
    sections_->AddPage(feed_, _("Public feed"));
    mine_->set_on_edit([this](const store::OutboxItem& item) {
        sections_->SetSelection(0); // the Report form
        report_->presenter().edit(item);
    });
    wxFont bold = hotline_->GetFont();
    bold.MakeBold();
    hotline_->SetFont(bold);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(hotline_, wxSizerFlags().Border(wxALL, FromDIP(8)));
    sizer->Add(sections_, wxSizerFlags(1).Expand());
    SetSizer(sizer);
    show_hotline();
    subscription_ = app::Subscription(context.events, [this](app::AppEvent event) {
        if (event == app::AppEvent::city_changed) {
            show_hotline();
        }
    });
    sections_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
        if (event.GetSelection() >= 0 &&
            sections_->GetPage(std::size_t(event.GetSelection())) == mine_) {
            mine_->presenter().poll();
        }
        event.Skip();
    });
}

void VoicePage::on_page_shown() {
    mine_->presenter().poll();
}

void VoicePage::rewrap() {
    Layout();
}

wxString VoicePage::hotline_text() const {
    return hotline_->GetLabel();
}

void VoicePage::show_hotline() {
    // The city profile gives the hotline's name and number (no opening hours).
    auto hotline = app::city_hotline(context_.data, context_.chinese);
    hotline_->SetLabel(hotline
                           ? wxString::Format(_("Call the city: %s %s"), from_utf8(hotline->name),
                                              from_utf8(hotline->number))
                           : wxString());
    Layout();
}

Page* create_voice_page(wxWindow* parent, app::AppContext& context) {
    return new VoicePage(parent, context);
}

} // namespace cd::ui
