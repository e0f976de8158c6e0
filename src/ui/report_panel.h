// My Voice's Report form: implements app::ReportView. Category, the category's extra fields
// (built from the service definition), description with its counter, place, photos (their
// thumbnails are made off the UI thread), anonymity, Send. Renders and forwards only.
#pragma once

#include "app/report_presenter.h"

#include <wx/scrolwin.h>

#include <memory>

class wxBoxSizer;
class wxButton;
class wxCheckBox;
class wxChoice;
class wxFlexGridSizer;
class wxImage;
class wxStaticText;
class wxTextCtrl;

namespace cd::ui {

class ReportPanel final : public wxScrolledWindow, public app::ReportView {
public:
    ReportPanel(wxWindow* parent, app::AppContext& context);

    void show_categories(const std::vector<api::open311::Service>& services) override;
    void show_attributes(const std::vector<api::open311::Attribute>& attributes) override;
    void show_districts(const std::vector<std::string>& names) override;
    void show_counter(const Message& counter, bool too_long) override;
    void show_photos(const std::vector<std::string>& paths) override;
    void show_problems(const std::vector<app::ReportProblem>& problems) override;
    void show_busy(bool busy) override;
    void show_note(const Message& note) override;
    void clear_form() override;
    void show_draft(const app::ReportDraft& draft) override;

    app::ReportPresenter& presenter() { return presenter_; }
    // For tests: the controls a citizen fills.
    wxChoice* category_choice() const { return categories_; }
    wxTextCtrl* description_field() const { return description_; }
    wxTextCtrl* address_field() const { return address_; }
    wxButton* send_button() const { return send_; }
    wxString note_text() const;
    // For tests: the control of a category's extra field, or null.
    wxWindow* attribute_control(const std::string& code) const;
    void send(); // what the Send button does

private:
    struct AttributeControl {
        api::open311::Attribute attribute;
        wxWindow* control = nullptr;
    };
    app::ReportDraft draft() const;
    void choose_photo();
    void add_thumbnail(std::size_t index, const wxImage& image);

    app::AppContext& context_;
    wxChoice* categories_ = nullptr;
    wxStaticText* category_help_ = nullptr;
    wxFlexGridSizer* attributes_sizer_ = nullptr;
    std::vector<AttributeControl> attribute_controls_;
    wxTextCtrl* description_ = nullptr;
    wxStaticText* counter_ = nullptr;
    wxChoice* districts_ = nullptr;
    wxTextCtrl* address_ = nullptr;
    wxTextCtrl* latitude_ = nullptr;
    wxTextCtrl* longitude_ = nullptr;
    wxBoxSizer* photos_sizer_ = nullptr;
    std::vector<std::string> photo_paths_;
    wxCheckBox* anonymous_ = nullptr;
    wxStaticText* problems_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxButton* send_ = nullptr;
    std::vector<api::open311::Service> services_;
    std::shared_ptr<int> alive_ = std::make_shared<int>(0); // for thumbnails made elsewhere
    app::ReportPresenter presenter_;                        // last
};

} // namespace cd::ui
