#include "ui/life_services_panel.h"

#include "ui/accessible_names.h"
#include "ui/message_text.h"
#include "ui/text_wrap.h"

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

namespace cd::ui {

LifeServicesPanel::LifeServicesPanel(wxWindow* parent, app::AppContext& context)
    : wxPanel(parent, wxID_ANY), categories_(new wxListBox(this, wxID_ANY)),
      services_(new wxListBox(this, wxID_ANY)), name_(new wxStaticText(this, wxID_ANY, wxString())),
      summary_(new wxStaticText(this, wxID_ANY, wxString())),
      contact_(new wxStaticText(this, wxID_ANY, wxString())),
      note_(new wxStaticText(this, wxID_ANY, wxString())),
      open_link_(new wxButton(this, wxID_ANY, _("Open the service's &page"))),
      presenter_(context, *this) {
    open_link_->Hide();
    const int gap = FromDIP(8);
    auto* lists = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(label_for(categories_, _("&Categories")));
    left->Add(categories_, wxSizerFlags(1).Expand());
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(label_for(services_, _("&Services")));
    right->Add(services_, wxSizerFlags(1).Expand());
    lists->Add(left, wxSizerFlags(1).Expand().Border(wxRIGHT, gap));
    lists->Add(right, wxSizerFlags(2).Expand());
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(note_, wxSizerFlags().Border(wxALL, gap));
    column->Add(lists, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap));
    column->Add(name_, wxSizerFlags().Border(wxALL, gap));
    column->Add(summary_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(contact_, wxSizerFlags().Border(wxALL, gap));
    column->Add(open_link_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    SetSizer(column);

    categories_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& event) {
        if (event.GetSelection() >= 0) {
            presenter_.choose_category(std::size_t(event.GetSelection()));
        }
    });
    const auto open = [this](wxCommandEvent& event) {
        if (event.GetSelection() >= 0) {
            presenter_.open_service(std::size_t(event.GetSelection()));
        }
    };
    services_->Bind(wxEVT_LISTBOX, open);
    open_link_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!link_.empty()) {
            wxLaunchDefaultBrowser(from_utf8(link_));
        }
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        rewrap();
        event.Skip();
    });
    rewrap();
    presenter_.start();
}

void LifeServicesPanel::rewrap() {
    wxFont bold = GetFont();
    bold.MakeBold();
    name_->SetFont(bold);
    const int width = GetClientSize().x - FromDIP(32);
    const int wrap = width > FromDIP(200) ? width : FromDIP(480);
    summary_->SetLabel(wrap_to_width(*summary_, summary_text_, wrap));
    note_->SetLabel(wrap_to_width(*note_, note_text_, wrap));
    Layout();
}

void LifeServicesPanel::show_busy(bool busy) {
    SetCursor(busy ? wxCursor(wxCURSOR_ARROWWAIT) : wxNullCursor);
}

void LifeServicesPanel::show_categories(const std::vector<app::CategoryRow>& categories) {
    const int selected = categories_->GetSelection();
    categories_->Clear();
    for (const auto& c : categories) {
        categories_->Append(wxString::Format(_("%s (%zu)"), from_utf8(c.name), c.services));
    }
    if (!categories.empty()) {
        categories_->SetSelection(
            selected >= 0 && unsigned(selected) < categories_->GetCount() ? selected : 0);
    }
}

void LifeServicesPanel::show_services(const std::vector<app::ServiceRow>& services) {
    services_->Clear();
    for (const auto& s : services) {
        // TRANSLATORS: a community service and its district.
        services_->Append(s.district.empty() ? from_utf8(s.name)
                                             : wxString::Format(_("%s (%s)"), from_utf8(s.name),
                                                                from_utf8(s.district)));
    }
}

void LifeServicesPanel::show_details(const app::ServiceDetails& details) {
    name_->SetLabel(from_utf8(details.name));
    summary_text_ = from_utf8(details.summary);
    wxString contact;
    if (!details.address.empty()) {
        contact += wxString::Format(_("Address: %s"), from_utf8(details.address));
    }
    if (!details.phone.empty()) {
        if (!contact.empty()) {
            contact += "\n";
        }
        contact += wxString::Format(_("Phone: %s"), from_utf8(details.phone));
    }
    contact_->SetLabel(contact);
    link_ = details.link;
    open_link_->Show(!link_.empty());
    rewrap();
}

void LifeServicesPanel::show_note(const Message& note) {
    note_text_ = tr(note);
    rewrap();
}

unsigned LifeServicesPanel::category_count() const {
    return categories_->GetCount();
}
unsigned LifeServicesPanel::service_count() const {
    return services_->GetCount();
}

} // namespace cd::ui
