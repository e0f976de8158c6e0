#include "ui/report_panel.h"

#include "ui/accessible_names.h"
#include "ui/message_text.h"
#include "ui/open311_settings_dialog.h"
#include "ui/theme.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/image.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cd::ui {
namespace {

std::string utf8(const wxString& s) {
    return s.ToStdString(wxConvUTF8);
}

} // namespace

ReportPanel::ReportPanel(wxWindow* parent, app::AppContext& context)
    : wxScrolledWindow(parent, wxID_ANY), context_(context),
      categories_(new wxChoice(this, wxID_ANY)),
      category_help_(new wxStaticText(this, wxID_ANY, wxString())),
      attributes_sizer_(new wxFlexGridSizer(2, FromDIP(6), FromDIP(8))),
      description_(new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                                  FromDIP(wxSize(-1, 120)), wxTE_MULTILINE)),
      counter_(new wxStaticText(this, wxID_ANY, wxString())),
      districts_(new wxChoice(this, wxID_ANY)), address_(new wxTextCtrl(this, wxID_ANY)),
      latitude_(new wxTextCtrl(this, wxID_ANY)), longitude_(new wxTextCtrl(this, wxID_ANY)),
      photos_sizer_(new wxBoxSizer(wxHORIZONTAL)),
      anonymous_(new wxCheckBox(this, wxID_ANY, _("Stay &anonymous in the public feed"))),
      problems_(new wxStaticText(this, wxID_ANY, wxString())),
      note_(new wxStaticText(this, wxID_ANY, wxString())),
      send_(new wxButton(this, wxID_ANY, _("&Send report"))), presenter_(context, *this) {
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) {
        wxInitAllImageHandlers();
    }
    attributes_sizer_->AddGrowableCol(1);
    anonymous_->SetValue(true);
    problems_->SetForegroundColour(to_wx(current_palette().error));
    latitude_->SetHint(_("Latitude"));
    longitude_->SetHint(_("Longitude"));
    auto* add_photo = new wxButton(this, wxID_ANY, _("Add &photo..."));
    auto* settings = new wxButton(this, wxID_ANY, _("Where reports &go..."));

    const int gap = FromDIP(8);
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto label = [&](wxWindow* field, const wxString& text) {
        column->Add(field != nullptr ? label_for(field, text)
                                     : new wxStaticText(this, wxID_ANY, text),
                    wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    };
    label(categories_, _("&What is the problem?"));
    column->Add(categories_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(category_help_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(attributes_sizer_, wxSizerFlags().Expand().Border(wxALL, gap));
    label(description_, _("&Describe it (up to 4,000 characters):"));
    column->Add(description_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    column->Add(counter_, wxSizerFlags().Right().Border(wxLEFT | wxRIGHT, gap));
    label(nullptr, _("Where is it? A district, an address or the coordinates:"));
    auto* place = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    place->AddGrowableCol(1);
    place->Add(label_for(districts_, _("Dis&trict:")), wxSizerFlags().CenterVertical());
    place->Add(districts_);
    place->Add(label_for(address_, _("Add&ress:")), wxSizerFlags().CenterVertical());
    place->Add(address_, wxSizerFlags().Expand());
    place->Add(label_for(latitude_, _("C&oordinates:")), wxSizerFlags().CenterVertical());
    auto* coordinates = new wxBoxSizer(wxHORIZONTAL);
    coordinates->Add(latitude_, wxSizerFlags(1).Border(wxRIGHT, gap));
    coordinates->Add(longitude_, wxSizerFlags(1));
    place->Add(coordinates, wxSizerFlags().Expand());
    column->Add(place, wxSizerFlags().Expand().Border(wxALL, gap));
    label(nullptr, _("Photos (JPEG or PNG, up to 5 MB each, at most three):"));
    column->Add(photos_sizer_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(add_photo, wxSizerFlags().Border(wxALL, gap));
    column->Add(anonymous_, wxSizerFlags().Border(wxALL, gap));
    column->Add(problems_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(send_, wxSizerFlags().Border(wxRIGHT, gap));
    buttons->Add(settings);
    column->Add(buttons, wxSizerFlags().Border(wxALL, gap));
    column->Add(note_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    SetSizer(column);
    SetScrollRate(0, FromDIP(12));

    categories_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
        const int i = event.GetSelection();
        if (i >= 0 && std::size_t(i) < services_.size()) {
            category_help_->SetLabel(from_utf8(services_[std::size_t(i)].description));
            presenter_.choose_category(std::size_t(i));
        }
    });
    description_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        presenter_.description_changed(utf8(description_->GetValue()));
    });
    add_photo->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_photo(); });
    send_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { send(); });
    settings->Bind(wxEVT_BUTTON, [this, &context](wxCommandEvent&) {
        Open311SettingsDialog dialog(this, context);
        if (dialog.ShowModal() == wxID_OK) {
            presenter_.start(); // the service list of the endpoint now in use
        }
    });
    presenter_.start();
}

void ReportPanel::show_categories(const std::vector<api::open311::Service>& services) {
    services_ = services;
    categories_->Clear();
    for (const auto& s : services) {
        categories_->Append(from_utf8(s.group.empty() ? s.name : s.group + " · " + s.name));
    }
    FitInside();
    Layout();
}

void ReportPanel::show_attributes(const std::vector<api::open311::Attribute>& attributes) {
    attributes_sizer_->Clear(true);
    attribute_controls_.clear();
    for (const auto& a : attributes) {
        wxString text = from_utf8(a.description.empty() ? a.code : a.description);
        if (!a.variable) {
            attributes_sizer_->AddSpacer(0);
            attributes_sizer_->Add(new wxStaticText(this, wxID_ANY, text));
            continue;
        }
        if (a.required) {
            text += " *";
        }
        attributes_sizer_->Add(new wxStaticText(this, wxID_ANY, text),
                               wxSizerFlags().CenterVertical());
        wxWindow* control = nullptr;
        if (a.datatype == "singlevaluelist") {
            auto* choice = new wxChoice(this, wxID_ANY);
            choice->Append(wxString());
            for (const auto& v : a.values) {
                choice->Append(from_utf8(v.name));
            }
            control = choice;
        } else if (a.datatype == "multivaluelist") {
            auto* list = new wxCheckListBox(this, wxID_ANY);
            for (const auto& v : a.values) {
                list->Append(from_utf8(v.name));
            }
            control = list;
        } else {
            auto* field =
                new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                               a.datatype == "text" ? FromDIP(wxSize(-1, 60)) : wxDefaultSize,
                               a.datatype == "text" ? wxTE_MULTILINE : 0);
            if (a.datatype == "datetime") {
                field->SetHint(_("YYYY-MM-DD HH:MM"));
            } else if (a.datatype == "number") {
                field->SetHint(_("A number"));
            }
            control = field;
        }
        attributes_sizer_->Add(control, wxSizerFlags().Expand());
        attribute_controls_.push_back({a, control});
    }
    FitInside();
    Layout();
}

void ReportPanel::show_districts(const std::vector<std::string>& names) {
    districts_->Clear();
    districts_->Append(_("(not given)"));
    for (const auto& n : names) {
        districts_->Append(from_utf8(n));
    }
    districts_->SetSelection(0);
}

void ReportPanel::show_counter(const Message& counter, bool too_long) {
    counter_->SetLabel(tr(counter));
    counter_->SetForegroundColour(too_long ? to_wx(current_palette().error)
                                           : GetForegroundColour());
    Layout();
}

void ReportPanel::show_photos(const std::vector<std::string>& paths) {
    photo_paths_ = paths;
    photos_sizer_->Clear(true);
    for (std::size_t i = 0; i < paths.size(); ++i) {
        auto* cell = new wxBoxSizer(wxVERTICAL);
        auto* placeholder = new wxStaticText(this, wxID_ANY, _("Loading..."), wxDefaultPosition,
                                             FromDIP(wxSize(96, 96)));
        auto* remove = new wxButton(this, wxID_ANY, _("Remove"));
        remove->Bind(wxEVT_BUTTON, [this, i](wxCommandEvent&) { presenter_.remove_photo(i); });
        cell->Add(placeholder);
        cell->Add(remove, wxSizerFlags().Border(wxTOP, FromDIP(4)));
        photos_sizer_->Add(cell, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
        // Decoding and scaling a camera photo takes a while: not on the UI thread.
        const std::string path = paths[i];
        const int edge = FromDIP(96);
        std::weak_ptr<int> alive = alive_;
        app::Dispatcher& ui = context_.ui;
        context_.worker.run([this, alive, &ui, path, edge, i] {
            wxImage image;
            if (image.LoadFile(wxString::FromUTF8(path))) {
                const double scale =
                    double(edge) / double(std::max(image.GetWidth(), image.GetHeight()));
                image.Rescale(std::max(1, int(image.GetWidth() * scale)),
                              std::max(1, int(image.GetHeight() * scale)), wxIMAGE_QUALITY_HIGH);
            }
            ui.post([this, alive, image = std::move(image), i, path] {
                if (!alive.expired() && i < photo_paths_.size() && photo_paths_[i] == path &&
                    image.IsOk()) {
                    add_thumbnail(i, image);
                }
            });
        });
    }
    FitInside();
    Layout();
}

void ReportPanel::add_thumbnail(std::size_t index, const wxImage& image) {
    auto* item = photos_sizer_->GetItem(index);
    if (!item || !item->GetSizer()) {
        return;
    }
    auto* cell = item->GetSizer();
    auto* old = cell->GetItem(std::size_t(0))->GetWindow();
    auto* picture = new wxStaticBitmap(this, wxID_ANY, wxBitmap(image));
    cell->Replace(old, picture);
    old->Destroy();
    Layout();
}

void ReportPanel::show_problems(const std::vector<app::ReportProblem>& problems) {
    wxString text;
    for (const auto& p : problems) {
        text += (text.empty() ? "" : "\n") + tr(p.message);
    }
    problems_->SetLabel(text);
    FitInside();
    Layout();
}

void ReportPanel::show_busy(bool busy) {
    send_->Enable(!busy);
}

void ReportPanel::show_note(const Message& note) {
    note_->SetLabel(tr(note));
    note_->Wrap(std::max(FromDIP(300), GetClientSize().x - FromDIP(24)));
    FitInside();
    Layout();
}

wxWindow* ReportPanel::attribute_control(const std::string& code) const {
    for (const auto& [a, control] : attribute_controls_) {
        if (a.code == code) {
            return control;
        }
    }
    return nullptr;
}

wxString ReportPanel::note_text() const {
    return note_->GetLabel();
}

void ReportPanel::clear_form() {
    description_->Clear();
    address_->Clear();
    latitude_->Clear();
    longitude_->Clear();
    districts_->SetSelection(0);
    categories_->SetSelection(wxNOT_FOUND);
    category_help_->SetLabel(wxString());
    show_attributes({});
    show_photos({});
}

void ReportPanel::show_draft(const app::ReportDraft& d) {
    for (std::size_t i = 0; i < services_.size(); ++i) {
        if (services_[i].code == d.service_code) {
            categories_->SetSelection(int(i));
        }
    }
    description_->ChangeValue(from_utf8(d.description));
    presenter_.description_changed(d.description);
    districts_->SetSelection(0);
    for (unsigned i = 1; i < districts_->GetCount(); ++i) {
        if (!d.district.empty() && presenter_.district_id(i - 1) == d.district) {
            districts_->SetSelection(int(i));
        }
    }
    address_->ChangeValue(from_utf8(d.address));
    latitude_->ChangeValue(from_utf8(d.latitude));
    longitude_->ChangeValue(from_utf8(d.longitude));
    anonymous_->SetValue(d.anonymous);
    for (const auto& [a, control] : attribute_controls_) {
        auto it = d.attributes.find(a.code);
        if (it == d.attributes.end()) {
            continue;
        }
        const auto& values = it->second;
        auto picked = [&values](const std::string& key) {
            return std::find(values.begin(), values.end(), key) != values.end();
        };
        if (auto* choice = dynamic_cast<wxChoice*>(control)) {
            for (std::size_t i = 0; i < a.values.size(); ++i) {
                if (picked(a.values[i].key)) {
                    choice->SetSelection(int(i + 1));
                }
            }
        } else if (auto* list = dynamic_cast<wxCheckListBox*>(control)) {
            for (unsigned i = 0; i < list->GetCount() && i < a.values.size(); ++i) {
                list->Check(i, picked(a.values[i].key));
            }
        } else if (auto* field = dynamic_cast<wxTextCtrl*>(control); field && !values.empty()) {
            field->ChangeValue(from_utf8(values.front()));
        }
    }
    FitInside();
    Layout();
}

app::ReportDraft ReportPanel::draft() const {
    app::ReportDraft d;
    const int category = categories_->GetSelection();
    if (category >= 0 && std::size_t(category) < services_.size()) {
        d.service_code = services_[std::size_t(category)].code;
    }
    d.description = utf8(description_->GetValue());
    const int district = districts_->GetSelection();
    if (district > 0) {
        d.district = presenter_.district_id(std::size_t(district - 1));
    }
    d.address = utf8(address_->GetValue());
    d.latitude = utf8(latitude_->GetValue());
    d.longitude = utf8(longitude_->GetValue());
    d.anonymous = anonymous_->GetValue();
    for (const auto& [a, control] : attribute_controls_) {
        std::vector<std::string> values;
        if (auto* choice = dynamic_cast<wxChoice*>(control)) {
            const int i = choice->GetSelection();
            if (i > 0 && std::size_t(i) <= a.values.size()) {
                values.push_back(a.values[std::size_t(i - 1)].key);
            }
        } else if (auto* list = dynamic_cast<wxCheckListBox*>(control)) {
            for (unsigned i = 0; i < list->GetCount() && i < a.values.size(); ++i) {
                if (list->IsChecked(i)) {
                    values.push_back(a.values[i].key);
                }
            }
        } else if (auto* field = dynamic_cast<wxTextCtrl*>(control)) {
            values.push_back(utf8(field->GetValue()));
        }
        d.attributes[a.code] = values;
    }
    return d;
}

void ReportPanel::send() {
    presenter_.send(draft());
}

void ReportPanel::choose_photo() {
    wxFileDialog dialog(this, _("Attach a photo"), wxString(), wxString(),
                        _("Photos (*.jpg;*.jpeg;*.png)|*.jpg;*.jpeg;*.png;*.JPG;*.JPEG;*.PNG"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) {
        presenter_.add_photo(utf8(dialog.GetPath()));
    }
}

} // namespace cd::ui
