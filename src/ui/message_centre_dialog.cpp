#include "ui/message_centre_dialog.h"

#include "ui/message_text.h"

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

namespace cd::ui {
namespace {

// The id a tree item stands for; group headings carry none.
class MessageItem final : public wxTreeItemData {
public:
    explicit MessageItem(std::int64_t id) : id_(id) {}
    std::int64_t id() const { return id_; }

private:
    std::int64_t id_;
};

wxString row_label(const app::MessageRow& row) {
    // In words as well as in bold: never the font (or a colour) alone.
    const wxString line = tr(row.title) + "  " + from_utf8(row.when);
    return row.unread ? wxString::Format(_("Unread: %s"), line) : line;
}

} // namespace

MessageCentreDialog::MessageCentreDialog(wxWindow* parent,
                                         std::shared_ptr<app::MessageCentrePresenter> presenter)
    : wxDialog(parent, wxID_ANY, _("Message Centre"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      presenter_(std::move(presenter)) {
    SetName("citizendesk-messages");
    // Labels before their fields: screen readers name a field by the label created before it.
    auto* search_label = new wxStaticText(this, wxID_ANY, _("&Search messages:"));
    search_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                             wxTE_PROCESS_ENTER);
    search_->SetName("message-search");
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    auto* list_label = new wxStaticText(this, wxID_ANY, _("M&essages:"));
    tree_ =
        new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 320)),
                       wxTR_DEFAULT_STYLE | wxTR_HIDE_ROOT | wxTR_SINGLE | wxTR_FULL_ROW_HIGHLIGHT);
    tree_->SetName("message-list");
    auto* text_label = new wxStaticText(this, wxID_ANY, _("&Text of the message:"));
    text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(560, 120)),
                           wxTE_MULTILINE | wxTE_READONLY);
    older_ = new wxButton(this, wxID_ANY, _("Show &Older Messages"));
    older_->Disable();
    mark_all_ = new wxButton(this, wxID_ANY, _("Mark &All Read"));
    auto* close = new wxButton(this, wxID_CLOSE, _("&Close"));
    SetEscapeId(wxID_CLOSE);
    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'W', wxID_CLOSE}};
    SetAcceleratorTable(wxAcceleratorTable(1, keys));

    auto* search_row = new wxBoxSizer(wxHORIZONTAL);
    search_row->Add(search_label, wxSizerFlags().CenterVertical());
    search_row->AddSpacer(FromDIP(6));
    search_row->Add(search_, wxSizerFlags(1).CenterVertical());
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(mark_all_);
    buttons->AddSpacer(FromDIP(8));
    buttons->Add(older_);
    buttons->AddStretchSpacer();
    buttons->Add(close);
    auto* column = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(10);
    column->Add(search_row, wxSizerFlags().Expand().Border(wxALL, gap));
    column->Add(status_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    column->Add(list_label, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    column->Add(tree_, wxSizerFlags(2).Expand().Border(wxLEFT | wxRIGHT, gap));
    column->Add(text_label, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    column->Add(text_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap));
    column->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));
    SetSizerAndFit(column);

    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        presenter_->search(search_->GetValue().utf8_string());
    });
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, &MessageCentreDialog::on_selected, this);
    older_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_->load_more(); });
    mark_all_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_->mark_all_read(); });
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    // Modeless: closing destroys it (the main window forgets it through its weak reference).
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
    presenter_->attach(this);
}

MessageCentreDialog::~MessageCentreDialog() {
    presenter_->detach();
}

void MessageCentreDialog::show_messages(const std::vector<app::MessageGroup>& groups, bool more) {
    rebuilding_ = true;
    tree_->Freeze();
    tree_->DeleteAllItems();
    rows_.clear();
    items_.clear();
    const wxTreeItemId root = tree_->AddRoot(wxString());
    std::int64_t unread = 0;
    for (const auto& group : groups) {
        unread += group.unread;
        const wxString heading =
            group.unread > 0
                ? wxString::Format(wxPLURAL("%s (%lld unread)", "%s (%lld unread)",
                                            static_cast<int>(group.unread)),
                                   tr(group.heading), static_cast<long long>(group.unread))
                : tr(group.heading);
        const wxTreeItemId parent = tree_->AppendItem(root, heading);
        tree_->SetItemBold(parent, group.unread > 0);
        for (const auto& row : group.rows) {
            const wxTreeItemId item =
                tree_->AppendItem(parent, row_label(row), -1, -1, new MessageItem(row.id));
            tree_->SetItemBold(item, row.unread);
            rows_[row.id] = row;
            items_[row.id] = item;
        }
        tree_->Expand(parent);
    }
    tree_->Thaw();
    if (selected_) {
        if (auto it = items_.find(*selected_); it != items_.end()) {
            tree_->SelectItem(it->second);
            show_text(rows_[*selected_]);
        }
    }
    rebuilding_ = false;
    status_->SetLabel(unread > 0
                          ? wxString::Format(wxPLURAL("%lld unread message", "%lld unread messages",
                                                      static_cast<int>(unread)),
                                             static_cast<long long>(unread))
                          : _("Every message is read."));
    older_->Enable(more);
    mark_all_->Enable(unread > 0);
    Layout();
}

void MessageCentreDialog::show_empty(const Message& why) {
    rebuilding_ = true;
    tree_->DeleteAllItems();
    rows_.clear();
    items_.clear();
    rebuilding_ = false;
    text_->Clear();
    status_->SetLabel(tr(why));
    older_->Disable();
    mark_all_->Disable();
    Layout();
}

void MessageCentreDialog::show_error(const Message& error) {
    status_->SetLabel(tr(error));
    Layout();
}

void MessageCentreDialog::show_text(const app::MessageRow& row) {
    text_->ChangeValue(tr(row.title) + "\n" + from_utf8(row.when) + "\n\n" + tr(row.body));
}

void MessageCentreDialog::on_selected(wxTreeEvent& event) {
    if (rebuilding_) {
        return;
    }
    const auto* data = dynamic_cast<MessageItem*>(tree_->GetItemData(event.GetItem()));
    if (data == nullptr) {
        text_->Clear(); // a group heading
        return;
    }
    selected_ = data->id();
    if (auto it = rows_.find(data->id()); it != rows_.end()) {
        show_text(it->second);
    }
    presenter_->open(data->id());
}

void MessageCentreDialog::open_message(std::int64_t id) {
    if (auto it = items_.find(id); it != items_.end()) {
        tree_->SelectItem(it->second); // sends the selection event, as a click does
    }
}

} // namespace cd::ui
