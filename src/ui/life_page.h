// The My Life tab's page: a list of sections on the left (weather, convenience services,
// holidays, community stations, citizen card), each a panel with its own presenter.
#pragma once

#include "app/app_context.h"
#include "ui/page.h"

class wxListbook;

namespace cd::ui {

class WeatherPanel;
class LifeServicesPanel;
class HolidaysPanel;
class StationsPanel;
class CitizenCardPanel;

class LifePage final : public Page {
public:
    LifePage(wxWindow* parent, app::AppContext& context);

    void on_page_shown() override;
    void rewrap() override;

    WeatherPanel* weather() const { return weather_; }
    LifeServicesPanel* services() const { return services_; }
    CitizenCardPanel* card() const { return card_; }
    wxListbook* sections() const { return sections_; }

private:
    wxListbook* sections_ = nullptr;
    WeatherPanel* weather_ = nullptr;
    LifeServicesPanel* services_ = nullptr;
    HolidaysPanel* holidays_ = nullptr;
    StationsPanel* stations_ = nullptr;
    CitizenCardPanel* card_ = nullptr;
};

Page* create_life_page(wxWindow* parent, app::AppContext& context);

} // namespace cd::ui
