// My Life's convenience services section: implements app::LifeServicesView (categories on the
// left, their services beside them, the chosen service's details below with its phone and a
// button that opens its page in the browser).
#pragma once

#include "app/life_services_presenter.h"

#include <wx/panel.h>

class wxButton;
class wxListBox;
class wxStaticText;

namespace cd::ui {

class LifeServicesPanel final : public wxPanel, public app::LifeServicesView {
public:
    LifeServicesPanel(wxWindow* parent, app::AppContext& context);

    void show_busy(bool busy) override;
    void show_categories(const std::vector<app::CategoryRow>& categories) override;
    void show_services(const std::vector<app::ServiceRow>& services) override;
    void show_details(const app::ServiceDetails& details) override;
    void show_note(const Message& note) override;

    void rewrap();
    unsigned category_count() const; // for tests
    unsigned service_count() const;
    app::LifeServicesPresenter& presenter() { return presenter_; }

private:
    wxListBox* categories_ = nullptr;
    wxListBox* services_ = nullptr;
    wxStaticText* name_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxStaticText* contact_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxButton* open_link_ = nullptr;
    wxString summary_text_;
    wxString note_text_;
    std::string link_;
    app::LifeServicesPresenter presenter_; // last
};

} // namespace cd::ui
