// The My Voice tab: the city's hotline on top, then Report, My reports and the public feed.
#pragma once

#include "app/app_context.h"
#include "ui/page.h"

class wxNotebook;
class wxStaticText;

namespace cd::ui {

class MyReportsPanel;
class PublicFeedPanel;
class ReportPanel;

class VoicePage final : public Page {
public:
    VoicePage(wxWindow* parent, app::AppContext& context);

    void on_page_shown() override;
    void rewrap() override;

    ReportPanel* report() const { return report_; }
    MyReportsPanel* my_reports() const { return mine_; }
    PublicFeedPanel* feed() const { return feed_; }
    wxString hotline_text() const;

private:
    void show_hotline();

    app::AppContext& context_;
    wxStaticText* hotline_ = nullptr;
    wxNotebook* sections_ = nullptr;
    ReportPanel* report_ = nullptr;
    MyReportsPanel* mine_ = nullptr;
    PublicFeedPanel* feed_ = nullptr;
    app::Subscription subscription_;
};

Page* create_voice_page(wxWindow* parent, app::AppContext& context);

} // namespace cd::ui
