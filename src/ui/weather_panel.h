// My Life's weather section: implements app::WeatherView (district picker, the weather now in
// large type with a weather symbol, the air quality, the next 7 days).
#pragma once

#include "app/weather_presenter.h"

#include <wx/panel.h>

class wxChoice;
class wxListCtrl;
class wxStaticText;

namespace cd::ui {

class WeatherPanel final : public wxPanel, public app::WeatherView {
public:
    WeatherPanel(wxWindow* parent, app::AppContext& context);

    void show_districts(const std::vector<std::string>& names, std::size_t selected) override;
    void show_busy(bool busy) override;
    void show_weather(const app::WeatherNow& weather) override;
    void show_air(const app::AirNow& air) override;
    void show_note(const Message& note) override;

    void rewrap();
    wxString temperature_text() const; // for tests and screen readers
    app::WeatherPresenter& presenter() { return presenter_; }

private:
    wxChoice* districts_ = nullptr;
    wxStaticText* heading_ = nullptr;
    wxStaticText* symbol_ = nullptr;
    wxStaticText* temperature_ = nullptr;
    wxStaticText* condition_ = nullptr;
    wxStaticText* details_ = nullptr;
    wxStaticText* air_ = nullptr;
    wxStaticText* particles_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxString note_text_;
    wxListCtrl* days_ = nullptr;
    app::WeatherPresenter presenter_; // last: the widgets exist before it renders
};

// The symbol drawn for a weather icon (Unicode, from the system's fonts).
wxString weather_symbol(app::WeatherIcon icon);

} // namespace cd::ui
