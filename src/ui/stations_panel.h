// My Life's community stations section: implements app::StationsView (district picker, the
// stations with hours, open now, distance, address and phone); open now is refreshed each
// minute while the panel lives.
#pragma once

#include "app/stations_presenter.h"

#include <wx/panel.h>
#include <wx/timer.h>

class wxChoice;
class wxListCtrl;
class wxStaticText;

namespace cd::ui {

class StationsPanel final : public wxPanel, public app::StationsView {
public:
    StationsPanel(wxWindow* parent, app::AppContext& context);

    void show_districts(const std::vector<std::string>& names, std::size_t selected) override;
    void show_busy(bool busy) override;
    void show_stations(const std::vector<app::StationRow>& stations, const Message& order) override;
    void show_note(const Message& note) override;

    void rewrap();
    app::StationsPresenter& presenter() { return presenter_; }

private:
    wxChoice* districts_ = nullptr;
    wxStaticText* order_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxString note_text_;
    wxListCtrl* stations_ = nullptr;
    wxTimer minute_;
    app::StationsPresenter presenter_; // last
};

// "Mon–Fri 08:30–17:30, Sat 08:30–12:00" in the display language.
wxString hours_text(const std::vector<app::HoursSpan>& spans);

} // namespace cd::ui
