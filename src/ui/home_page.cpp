#include "ui/home_page.h"

#include "ui/message_text.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cd::ui {

namespace {

wxStaticText* heading(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    wxFont bold = label->GetFont();
    bold.MakeBold();
    bold.MakeLarger();
    label->SetFont(bold);
    return label;
}

} // namespace

HomePage::HomePage(wxWindow* parent, app::AppContext& context)
    : Page(parent, wxID_ANY), presenter_(context, *this) {
    SetName("home-page");
    body_ = new wxScrolledWindow(this, wxID_ANY);
    body_->SetScrollRate(0, FromDIP(12));
    auto* column = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(8);
    attention_heading_ = heading(body_, _("What needs attention now"));
    column->Add(attention_heading_, wxSizerFlags().Border(wxALL, gap));
    attention_ = new wxPanel(body_, wxID_ANY);
    attention_->SetName("home-attention");
    attention_->SetSizer(new wxBoxSizer(wxVERTICAL));
    column->Add(attention_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));

    suggestions_heading_ = heading(body_, _("Suggestions for you"));
    column->Add(suggestions_heading_, wxSizerFlags().Border(wxALL, gap));
    column->Add(new wxStaticText(body_, wxID_ANY,
                                 _("Made only on this computer from your profile and choices; "
                                   "nothing of them is sent to the platform.")),
                wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    suggestions_on_ = new wxCheckBox(body_, wxID_ANY, _("Show suggestions"));
    suggestions_on_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& e) {
        presenter_.set_suggestions_enabled(e.IsChecked());
    });
    column->Add(suggestions_on_, wxSizerFlags().Border(wxALL, gap));
    auto* events = new wxBoxSizer(wxHORIZONTAL);
    events->Add(new wxStaticText(body_, wxID_ANY, _("What is happening in your life:")),
                wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    for (const auto& id : app::home_life_events()) {
        auto* box = new wxCheckBox(body_, wxID_ANY, tr(app::life_event_title(id)));
        box->Bind(wxEVT_CHECKBOX, [this, id](wxCommandEvent& e) {
            presenter_.choose_life_event(id, e.IsChecked());
        });
        life_events_.push_back(box);
        events->Add(box, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    }
    column->Add(events, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    suggestions_ = new wxPanel(body_, wxID_ANY);
    suggestions_->SetName("home-suggestions");
    suggestions_->SetSizer(new wxBoxSizer(wxVERTICAL));
    column->Add(suggestions_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    body_->SetSizer(column);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(body_, wxSizerFlags(1).Expand());
    SetSizer(outer);
    presenter_.start();
}

void HomePage::on_page_shown() {
    presenter_.on_shown();
}

void HomePage::rewrap() {
    body_->FitInside();
    Layout();
}

void HomePage::act(app::Tab tab) {
    if (navigate_) {
        navigate_(tab);
    }
}

std::vector<wxString> HomePage::item_texts() const {
    std::vector<wxString> out;
    for (const auto* t : texts_) {
        out.push_back(t->GetLabel());
    }
    return out;
}

void HomePage::show_home(const app::HomeState& state) {
    const int gap = FromDIP(6);
    // Rebuilt whole: the lists are short, and a stale button must never act on a gone item.
    attention_->DestroyChildren();
    attention_->GetSizer()->Clear();
    actions_.clear();
    texts_.clear();
    wxSizer* rows = attention_->GetSizer();
    if (state.items.empty()) {
        auto* headline = new wxStaticText(attention_, wxID_ANY, tr(state.headline));
        texts_.push_back(headline);
        rows->Add(headline, wxSizerFlags().Border(wxBOTTOM, gap));
        for (const auto& fine : state.fine) {
            rows->Add(new wxStaticText(attention_, wxID_ANY, tr(fine)),
                      wxSizerFlags().Border(wxLEFT, gap * 2));
        }
    }
    for (const auto& item : state.items) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        auto* words = new wxBoxSizer(wxVERTICAL);
        auto* text = new wxStaticText(attention_, wxID_ANY, tr(item.text));
        texts_.push_back(text);
        words->Add(text);
        if (!item.detail.empty()) {
            words->Add(new wxStaticText(attention_, wxID_ANY, tr(item.detail)));
        }
        auto* button = new wxButton(attention_, wxID_ANY, tr(item.action_label));
        button->SetName("home-action");
        const app::Tab tab = item.tab;
        button->Bind(wxEVT_BUTTON, [this, tab](wxCommandEvent&) { act(tab); });
        actions_.push_back(button);
        row->Add(button, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap * 2));
        row->Add(words, wxSizerFlags(1).CenterVertical());
        rows->Add(row, wxSizerFlags().Expand().Border(wxBOTTOM, gap));
    }

    suggestions_on_->SetValue(state.suggestions_on);
    for (std::size_t i = 0; i < life_events_.size() && i < state.life_events.size(); ++i) {
        life_events_[i]->SetValue(state.life_events[i].chosen);
        life_events_[i]->Enable(state.suggestions_on);
    }
    suggestions_->DestroyChildren();
    suggestions_->GetSizer()->Clear();
    wxSizer* list = suggestions_->GetSizer();
    if (!state.suggestions_note.empty()) {
        list->Add(new wxStaticText(suggestions_, wxID_ANY, tr(state.suggestions_note)));
    }
    for (const auto& s : state.suggestions) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        auto* button = new wxButton(suggestions_, wxID_ANY, _("Open"));
        const app::Tab tab = s.tab;
        button->Bind(wxEVT_BUTTON, [this, tab](wxCommandEvent&) { act(tab); });
        row->Add(button, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap * 2));
        auto* words = new wxBoxSizer(wxVERTICAL);
        words->Add(new wxStaticText(suggestions_, wxID_ANY, from_utf8(s.title)));
        words->Add(new wxStaticText(suggestions_, wxID_ANY, tr(s.reason)));
        row->Add(words, wxSizerFlags(1).CenterVertical());
        list->Add(row, wxSizerFlags().Expand().Border(wxBOTTOM, gap));
    }
    body_->FitInside();
    Layout();
}

Page* create_home_page(wxWindow* parent, app::AppContext& context) {
    return new HomePage(parent, context);
}

} // namespace cd::ui
