#include "ui/public_feed_panel.h"

#include "ui/accessible_names.h"
#include "ui/message_text.h"
#include "ui/my_reports_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cd::ui {

PublicFeedPanel::PublicFeedPanel(wxWindow* parent, app::AppContext& context)
    : wxPanel(parent, wxID_ANY), categories_(new wxChoice(this, wxID_ANY)),
      districts_(new wxChoice(this, wxID_ANY)),
      list_(new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL)),
      exchange_(new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxTE_MULTILINE | wxTE_READONLY)),
      note_(new wxStaticText(this, wxID_ANY, wxString())), presenter_(context, *this) {
    list_->AppendColumn(_("Reported"));
    list_->AppendColumn(_("Category"));
    list_->AppendColumn(_("State"));
    list_->AppendColumn(_("Place"));
    list_->AppendColumn(_("Description"));
    list_->AppendColumn(_("By"));
    auto* refresh = new wxButton(this, wxID_ANY, _("&Refresh"));
    const int gap = FromDIP(8);
    auto* filters = new wxBoxSizer(wxHORIZONTAL);
    filters->Add(label_for(categories_, _("Ca&tegory:")),
                 wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    filters->Add(categories_, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    filters->Add(label_for(districts_, _("&District:")),
                 wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    filters->Add(districts_, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    filters->Add(refresh, wxSizerFlags().CenterVertical());
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(filters, wxSizerFlags().Border(wxALL, gap));
    column->Add(note_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(list_, wxSizerFlags(2).Expand().Border(wxALL, gap));
    column->Add(exchange_, wxSizerFlags(1).Expand().Border(wxALL, gap));
    SetSizer(column);

    categories_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
        presenter_.choose_category(std::size_t(std::max(0, event.GetSelection())));
    });
    districts_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
        presenter_.choose_district(std::size_t(std::max(0, event.GetSelection())));
    });
    refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_.refresh(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED,
                [this](wxListEvent& event) { presenter_.open(std::size_t(event.GetIndex())); });
    presenter_.start();
}

void PublicFeedPanel::show_filters(const std::vector<std::string>& categories,
                                   const std::vector<std::string>& districts) {
    auto fill = [](wxChoice* choice, const wxString& all, const std::vector<std::string>& names) {
        const int selected = std::max(0, choice->GetSelection());
        choice->Clear();
        choice->Append(all);
        for (const auto& n : names) {
            choice->Append(from_utf8(n));
        }
        choice->SetSelection(selected < int(choice->GetCount()) ? selected : 0);
    };
    fill(categories_, _("All categories"), categories);
    fill(districts_, _("All districts"), districts);
    Layout();
}

void PublicFeedPanel::show_items(const std::vector<app::FeedItem>& items) {
    list_->DeleteAllItems();
    long row = 0;
    for (const auto& item : items) {
        list_->InsertItem(row, local_time_text(item.requested_utc));
        list_->SetItem(row, 1, from_utf8(item.service_name));
        list_->SetItem(row, 2, tr(item.state));
        list_->SetItem(row, 3, from_utf8(item.address));
        list_->SetItem(row, 4, from_utf8(item.description).Left(60));
        // No name for anyone but the citizen's own named reports.
        list_->SetItem(row, 5,
                       item.author.empty() ? (item.mine ? _("You (anonymous)") : wxString())
                                           : from_utf8(item.author));
        ++row;
    }
    for (int c = 0; c < list_->GetColumnCount(); ++c) {
        list_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
    }
    exchange_->Clear();
}

void PublicFeedPanel::show_exchange(const app::FeedItem& item,
                                    const std::vector<app::TimelineEntry>& timeline) {
    wxString text = from_utf8(item.service_name) + "  ·  " + tr(item.state) + "\n" +
                    from_utf8(item.address) + "\n\n" + from_utf8(item.description) + "\n\n";
    if (timeline.empty() && !item.answer.empty()) {
        text += _("The city's answer:") + "\n" + from_utf8(item.answer) + "\n";
    }
    for (const auto& entry : timeline) {
        text += local_time_text(entry.when_utc) + "\n" + from_utf8(entry.text) + "\n\n";
    }
    exchange_->ChangeValue(text);
}

void PublicFeedPanel::show_busy(bool busy) {
    if (busy) {
        SetCursor(wxCursor(wxCURSOR_ARROWWAIT));
    } else {
        SetCursor(wxNullCursor);
    }
}

void PublicFeedPanel::show_note(const Message& note) {
    note_->SetLabel(tr(note));
    Layout();
}

} // namespace cd::ui
