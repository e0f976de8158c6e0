// My Life's holidays section: implements app::HolidaysView (the year's days off and make-up
// working days in a list, the next holiday highlighted and named above it).
#pragma once

#include "app/holidays_presenter.h"

#include <wx/panel.h>

class wxListCtrl;
class wxStaticText;

namespace cd::ui {

class HolidaysPanel final : public wxPanel, public app::HolidaysView {
public:
    HolidaysPanel(wxWindow* parent, app::AppContext& context);

    void show_busy(bool busy) override;
    void show_year(const app::HolidayYear& year) override;
    void show_note(const Message& note) override;

    void rewrap();
    app::HolidaysPresenter& presenter() { return presenter_; }

private:
    wxStaticText* summary_ = nullptr;
    wxStaticText* next_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxString note_text_;
    wxListCtrl* days_ = nullptr;
    app::HolidaysPresenter presenter_; // last
};

} // namespace cd::ui
