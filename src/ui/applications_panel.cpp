#include "ui/applications_panel.h"

#include "ui/application_windows.h"
#include "ui/message_text.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cd::ui {

ApplicationsPanel::ApplicationsPanel(wxWindow* parent, app::AppContext& context)
    : Page(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "applications"),
      list_(new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL)),
      timeline_(new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL)),
      next_(new wxStaticText(this, wxID_ANY, wxString())),
      note_(new wxStaticText(this, wxID_ANY, wxString())), context_(context), poll_(this),
      presenter_(context, *this) {
    list_->AppendColumn(_("Number"));
    list_->AppendColumn(_("Service"));
    list_->AppendColumn(_("Status"));
    list_->AppendColumn(_("Submitted"));
    list_->AppendColumn(_("Updated"));
    // TRANSLATORS: column header of an application's timeline: when a step happened.
    timeline_->AppendColumn(_("When"));
    timeline_->AppendColumn(_("Status"));
    timeline_->AppendColumn(_("Note"));
    auto* refresh = new wxButton(this, wxID_REFRESH, _("&Refresh"));
    const int gap = FromDIP(8);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("My applications")),
             wxSizerFlags(1).CenterVertical());
    edit_ = new wxButton(this, wxID_ANY, _("&Edit and send again"));
    discard_ = new wxButton(this, wxID_ANY, _("&Discard..."));
    top->Add(edit_, wxSizerFlags().Border(wxRIGHT, gap));
    top->Add(discard_, wxSizerFlags().Border(wxRIGHT, gap));
    top->Add(refresh);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(top, wxSizerFlags().Expand().Border(wxALL, gap));
    column->Add(note_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    column->Add(list_, wxSizerFlags(2).Expand().Border(wxALL, gap));
    column->Add(new wxStaticText(this, wxID_ANY, _("Timeline of the selected application:")),
                wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(timeline_, wxSizerFlags(1).Expand().Border(wxALL, gap));
    column->Add(next_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    SetSizer(column);
    refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_.refresh(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
        presenter_.select(std::size_t(event.GetIndex()));
        update_actions();
    });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { update_actions(); });
    edit_->Bind(wxEVT_BUTTON,
                [this](wxCommandEvent&) { presenter_.edit_and_send_again(selected_outbox_id()); });
    discard_->Bind(wxEVT_BUTTON,
                   [this](wxCommandEvent&) { presenter_.discard(selected_outbox_id()); });
    update_actions();
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { presenter_.on_poll_timer(); });
    poll_.Start(int(std::chrono::milliseconds(app::ApplicationsPresenter::poll_interval).count()));
    // Bound on the top-level window, so unbound in the destructor: the window outlives its
    // children while it is destroyed and could deliver an activation to a panel already gone.
    top_ = wxGetTopLevelParent(this);
    if (top_ != nullptr) {
        top_->Bind(wxEVT_ACTIVATE, &ApplicationsPanel::on_window_activated, this);
    }
    presenter_.start();
}

ApplicationsPanel::~ApplicationsPanel() {
    if (top_ != nullptr) {
        top_->Unbind(wxEVT_ACTIVATE, &ApplicationsPanel::on_window_activated, this);
    }
}

void ApplicationsPanel::on_window_activated(wxActivateEvent& event) {
    event.Skip(); // the window handles its own activation too
    if (event.GetActive() && IsShownOnScreen()) {
        presenter_.on_focus(); // fetches unless the last fetch is recent
    }
}

std::int64_t ApplicationsPanel::selected_outbox_id() const {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row >= 0 && std::size_t(row) < rows_.size() ? rows_[std::size_t(row)].outbox_id : 0;
}

void ApplicationsPanel::update_actions() {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const bool queued = row >= 0 && std::size_t(row) < rows_.size();
    edit_->Enable(queued && rows_[std::size_t(row)].refused);
    discard_->Enable(queued && rows_[std::size_t(row)].outbox_id != 0);
}

bool ApplicationsPanel::confirm_discard(const Message& question) {
    return wxMessageBox(tr(question), _("Discard application"),
                        wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) == wxYES;
}

void ApplicationsPanel::edit_application(const store::OutboxItem& item) {
    open_refused_application(this, context_, item);
}

void ApplicationsPanel::show_busy(bool busy) {
    SetCursor(busy ? wxCursor(wxCURSOR_ARROWWAIT) : wxNullCursor);
}

void ApplicationsPanel::show_applications(const std::vector<app::ApplicationRow>& rows) {
    const long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const std::string selected_id =
        selected >= 0 && std::size_t(selected) < ids_.size() ? ids_[std::size_t(selected)] : "";
    list_->DeleteAllItems();
    ids_.clear();
    rows_ = rows;
    long i = 0;
    for (const auto& r : rows) {
        list_->InsertItem(i, from_utf8(r.number));
        list_->SetItem(i, 1, from_utf8(r.service));
        list_->SetItem(i, 2, tr(r.status_words));
        list_->SetItem(i, 3, from_utf8(r.submitted_at));
        list_->SetItem(i, 4, from_utf8(r.updated_at));
        if (r.id == selected_id) {
            list_->SetItemState(i, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        }
        ids_.push_back(r.id);
        ++i;
    }
    update_actions();
    rewrap();
}

void ApplicationsPanel::show_timeline(const std::string&, const std::vector<app::TimelineRow>& rows,
                                      const Message& next) {
    timeline_->DeleteAllItems();
    long i = 0;
    for (const auto& r : rows) {
        timeline_->InsertItem(i, from_utf8(r.at));
        timeline_->SetItem(i, 1, tr(r.status_words));
        timeline_->SetItem(i, 2, from_utf8(r.note));
        ++i;
    }
    next_->SetLabel(tr(next));
    rewrap();
}

void ApplicationsPanel::show_note(const Message& note) {
    note_->SetLabel(tr(note));
    rewrap();
}

void ApplicationsPanel::rewrap() {
    for (auto* list : {list_, timeline_}) {
        for (int c = 0; c < list->GetColumnCount(); ++c) {
            list->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
        }
    }
    Layout();
}

} // namespace cd::ui
