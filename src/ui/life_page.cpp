#include "ui/life_page.h"

#include "ui/citizen_card_panel.h"
#include "ui/holidays_panel.h"
#include "ui/life_services_panel.h"
#include "ui/stations_panel.h"
#include "ui/weather_panel.h"

#include <wx/listbook.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>

namespace cd::ui {

LifePage::LifePage(wxWindow* parent, app::AppContext& context)
    : Page(parent, wxID_ANY),
      sections_(new wxListbook(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLB_LEFT)) {
    weather_ = new WeatherPanel(sections_, context);
    services_ = new LifeServicesPanel(sections_, context);
    holidays_ = new HolidaysPanel(sections_, context);
    stations_ = new StationsPanel(sections_, context);
    card_ = new CitizenCardPanel(sections_, context);
    sections_->AddPage(weather_, _("Weather"), true);
    sections_->AddPage(services_, _("Convenience services"));
    sections_->AddPage(holidays_, _("Public holidays"));
    sections_->AddPage(stations_, _("Community stations"));
    sections_->AddPage(card_, _("Citizen card"));
    // Without images the section list is a plain text column, as large as the body text.
    sections_->GetListView()->SetWindowStyleFlag(wxLC_LIST | wxLC_SINGLE_SEL);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(sections_, wxSizerFlags(1).Expand());
    SetSizer(sizer);
}

void LifePage::on_page_shown() {
    weather_->presenter().on_shown();
    stations_->presenter().update_open_now();
}

void LifePage::rewrap() {
    weather_->rewrap();
    services_->rewrap();
    holidays_->rewrap();
    stations_->rewrap();
    card_->rewrap();
    // The section list's width is worked out when the book is sized: ask again after the text
    // size changed, so no section name is cut.
    sections_->GetListView()->InvalidateBestSize();
    sections_->SendSizeEvent();
    Layout();
}

Page* create_life_page(wxWindow* parent, app::AppContext& context) {
    return new LifePage(parent, context);
}

} // namespace cd::ui
