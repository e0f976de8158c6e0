// The message centre window (View > Messages..., or a click on the status bar's count): every
// kept notification grouped by kind, unread ones in bold and said in words ("Unread: ..."), a
// search box, the selected message's text; opening a message marks it read. Modeless, one at a
// time; Esc and Ctrl+W close it.
#pragma once

#include "app/message_centre_presenter.h"

#include <wx/dialog.h>
#include <wx/treebase.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>

class wxButton;
class wxStaticText;
class wxTextCtrl;
class wxTreeCtrl;

namespace cd::ui {

class MessageCentreDialog final : public wxDialog, public app::MessageCentreView {
public:
    MessageCentreDialog(wxWindow* parent, std::shared_ptr<app::MessageCentrePresenter> presenter);
    ~MessageCentreDialog() override;

    void show_messages(const std::vector<app::MessageGroup>& groups, bool more) override;
    void show_empty(const Message& why) override;
    void show_error(const Message& error) override;

    wxTreeCtrl* tree() const { return tree_; }
    wxTextCtrl* search_box() const { return search_; }
    // Selects the message and opens it, as a click would (tests).
    void open_message(std::int64_t id);

private:
    void on_selected(wxTreeEvent& event);
    void show_text(const app::MessageRow& row);

    std::shared_ptr<app::MessageCentrePresenter> presenter_; // outlives the main window's
    wxTextCtrl* search_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxTreeCtrl* tree_ = nullptr;
    wxTextCtrl* text_ = nullptr;
    wxButton* older_ = nullptr;
    wxButton* mark_all_ = nullptr;
    std::map<std::int64_t, app::MessageRow> rows_; // by id, as last shown
    std::map<std::int64_t, wxTreeItemId> items_;
    std::optional<std::int64_t> selected_;
    bool rebuilding_ = false;
};

} // namespace cd::ui
