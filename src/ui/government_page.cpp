#include "ui/government_page.h"

#include "app/government_presenter.h"
#include "ui/accessible_names.h"
#include "ui/application_windows.h"
#include "ui/message_text.h"
#include "ui/service_window.h"
#include "ui/text_wrap.h"

#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <array>

namespace cd::ui {
namespace {

constexpr std::array<app::BrowseMode, 4> modes{
    app::BrowseMode::departments, app::BrowseMode::life_events, app::BrowseMode::favourites,
    app::BrowseMode::recent};

class ServicesPanel final : public Page, public app::GovernmentView {
public:
    ServicesPanel(wxWindow* parent, app::AppContext& context)
        : Page(parent, wxID_ANY), context_(context), mode_(new wxChoice(this, wxID_ANY)),
          groups_(new wxListBox(this, wxID_ANY)), services_(new wxListBox(this, wxID_ANY)),
          note_(new wxStaticText(this, wxID_ANY, wxString())), presenter_(context, *this) {
        SetName("government-services");
        mode_->Append(_("By department"));
        mode_->Append(_("By life event"));
        mode_->Append(_("Favourites"));
        mode_->Append(_("Recently opened"));
        mode_->SetSelection(0);
        const int gap = FromDIP(8);
        auto* top = new wxBoxSizer(wxHORIZONTAL);
        top->Add(label_for(mode_, _("&Browse:")), wxSizerFlags().Centre().Border(wxRIGHT, gap));
        top->Add(mode_, wxSizerFlags().Centre());
        auto* lists = new wxBoxSizer(wxHORIZONTAL);
        lists->Add(groups_, wxSizerFlags(1).Expand().Border(wxRIGHT, gap));
        lists->Add(services_, wxSizerFlags(2).Expand());
        auto* column = new wxBoxSizer(wxVERTICAL);
        column->Add(top, wxSizerFlags().Border(wxALL, gap));
        column->Add(note_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
        column->Add(lists, wxSizerFlags(1).Expand().Border(wxALL, gap));
        SetSizer(column);

        mode_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
            if (e.GetSelection() >= 0 && std::size_t(e.GetSelection()) < modes.size()) {
                presenter_.set_mode(modes[std::size_t(e.GetSelection())]);
            }
        });
        groups_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
            if (e.GetSelection() >= 0) {
                presenter_.choose_group(std::size_t(e.GetSelection()));
            }
        });
        services_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent& e) {
            if (e.GetSelection() >= 0) {
                presenter_.open_service(std::size_t(e.GetSelection()));
            }
        });
        services_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
            if ((e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) &&
                services_->GetSelection() >= 0) {
                presenter_.open_service(std::size_t(services_->GetSelection()));
            } else {
                e.Skip();
            }
        });
        Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
            rewrap();
            e.Skip();
        });
        presenter_.start();
    }

    void on_page_shown() override { presenter_.refresh(); }

    void rewrap() override {
        const int width = std::max(GetClientSize().x - FromDIP(32), FromDIP(240));
        note_->SetLabel(wrap_to_width(*note_, note_text_, width));
        Layout();
    }

    void show_groups(app::BrowseMode mode, const std::vector<app::BrowseGroup>& groups) override {
        const int selected = groups_->GetSelection();
        groups_->Clear();
        for (const auto& g : groups) {
            groups_->Append(wxString::Format(_("%s (%zu)"), from_utf8(g.name), g.services));
        }
        if (!groups.empty()) {
            groups_->SetSelection(
                selected >= 0 && unsigned(selected) < groups_->GetCount() ? selected : 0);
        }
        groups_->Show(!groups.empty());
        for (std::size_t i = 0; i < modes.size(); ++i) {
            if (modes[i] == mode) {
                mode_->SetSelection(int(i));
            }
        }
        Layout();
    }

    void show_services(const std::vector<app::ServiceItem>& services) override {
        services_->Clear();
        for (const auto& s : services) {
            services_->Append(s.online ? wxString::Format(_("%s (online)"), from_utf8(s.name))
                                       : from_utf8(s.name));
        }
    }

    void show_note(const Message& note) override {
        note_text_ = tr(note);
        rewrap();
    }

    void open_service(const std::string& service_id) override {
        open_service_window(wxGetTopLevelParent(this), context_, service_id);
    }

private:
    app::AppContext& context_;
    wxChoice* mode_;
    wxListBox* groups_;
    wxListBox* services_;
    wxStaticText* note_;
    wxString note_text_;
    app::GovernmentPresenter presenter_; // last
};

class GovernmentPage final : public Page {
public:
    GovernmentPage(wxWindow* parent, app::AppContext& context)
        : Page(parent, wxID_ANY), sections_(new wxNotebook(this, wxID_ANY)) {
        pages_[0] = new ServicesPanel(sections_, context);
        pages_[1] = create_applications_page(sections_, context);
        pages_[2] = create_appointments_page(sections_, context);
        sections_->AddPage(pages_[0], _("Services"), true);
        sections_->AddPage(pages_[1], _("My applications"));
        sections_->AddPage(pages_[2], _("My appointments"));
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(sections_, wxSizerFlags(1).Expand());
        SetSizer(sizer);
        sections_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
            if (e.GetSelection() >= 0 && std::size_t(e.GetSelection()) < pages_.size()) {
                pages_[std::size_t(e.GetSelection())]->on_page_shown();
            }
            e.Skip();
        });
    }

    void on_page_shown() override {
        const int at = sections_->GetSelection();
        if (at >= 0 && std::size_t(at) < pages_.size()) {
            pages_[std::size_t(at)]->on_page_shown();
        }
    }

    void rewrap() override {
        for (Page* p : pages_) {
            p->rewrap();
        }
        Layout();
    }

private:
    wxNotebook* sections_;
    std::array<Page*, 3> pages_{};
};

} // namespace

Page* create_government_page(wxWindow* parent, app::AppContext& context) {
    return new GovernmentPage(parent, context);
}

} // namespace cd::ui
