// The main window: a menu bar, the notebook of the four tabs and a status bar. It only
// assembles panels and forwards events to app::MainPresenter; it implements app::MainView.
#pragma once

#include "app/app_context.h"
#include "app/connection_monitor.h"
#include "app/dispatcher.h"
#include "app/main_presenter.h"
#include "app/message_centre_presenter.h"
#include "app/support_report_presenter.h"
#include "app/task_runner.h"
#include "app/text_size.h"
#include "app/user_settings.h"
#include "ui/message_centre_dialog.h"
#include "ui/wx_reconnect_timer.h"

#include <wx/frame.h>
#include <wx/timer.h>
#include <wx/weakref.h>

#include <array>
#include <filesystem>
#include <memory>
#include <string>

class wxBookCtrlEvent;
class wxMenu;
class wxNotebook;

namespace cd::ui {

class Page;
class TabPanel;

class MainFrame final : public wxFrame, public app::MainView {
public:
    struct Options {
        std::string platform_name;           // shown in the status bar
        std::filesystem::path settings_file; // window geometry and last tab
        app::Dispatcher* ui = nullptr;       // owned by the app; outlive the frame
        app::TaskRunner* worker = nullptr;
        app::SupportReportPresenter::Inputs support; // what Help > Support Information shows
        app::ConnectionMonitor::Probe probe;         // empty: no platform configured
        // The feature screens' services; null: the tabs show their empty states only.
        app::AppContext* context = nullptr;
    };

    explicit MainFrame(const Options& options);

    void show_connection_status(const Message& status) override;
    void show_tab(app::Tab tab) override;
    void show_tab_notice(app::Tab tab, const Message& notice) override;
    void show_open311_status(const Message& status) override;
    void show_outbox_summary(const Message& summary) override;

    app::MainPresenter& presenter() { return presenter_; }
    app::ConnectionMonitor* connection_monitor() { return monitor_.get(); }
    app::TextSize text_size() const { return text_size_; }
    void set_text_size(app::TextSize size);
    // File > Settings: what was saved there, and applying it without a restart.
    const app::UserSettings& settings() const { return settings_; }
    const std::filesystem::path& settings_file() const { return options_.settings_file; }
    void open_settings();
    void apply_settings(const app::UserSettings& before, const app::UserSettings& after);
    // Switches the interface language at once: the menus, the tab titles and the pages are
    // made again in it. lang: "" (the system's), "en" or "zh_CN".
    void switch_language(const std::string& lang);
    bool elder_mode() const { return elder_mode_; }
    void set_elder_mode(bool on);
    // How much larger than the system's the text is now (text size and elder mode together);
    // a dialog opened from the window is scaled by it.
    double text_factor() const;
    wxWindow* hotline_button() const { return hotline_; }
    wxNotebook* notebook() const { return notebook_; }
    Page* page(app::Tab tab) const { return pages_[std::size_t(app::tab_index(tab))]; }
    // The tab's page while it is an empty-state TabPanel (no context), else null.
    TabPanel* tab_panel(app::Tab tab) const;
    // The search box above the tabs (null without a context).
    wxWindow* search_bar() const { return search_bar_; }

    // The status bar's fields: the platform, the signed-in citizen (session_ui), My Voice's
    // Open311 endpoint, the outbox, unread messages. The last three appear the first time one
    // of them has something.
    enum StatusField {
        status_connection = 0,
        status_open311 = 2,
        status_outbox = 3,
        status_messages = 4
    };

    // The message centre (View > Messages..., or a click on the unread count): opens it, or
    // brings it to the front. Null presenter without a context.
    void show_message_centre();
    MessageCentreDialog* message_centre() const { return message_window_; }
    app::MessageCentrePresenter* messages() const { return messages_.get(); }

private:
    void add_outbox_status_field();
    void add_messages_status_field();
    // Told to the outbox's count listener, which may outlive the window.
    std::shared_ptr<int> outbox_alive_ = std::make_shared<int>(0);
    void build_menus();
    void on_page_changed(wxBookCtrlEvent& event);
    void on_close(wxCloseEvent& event);
    void on_about(wxCommandEvent& event);
    void on_support(wxCommandEvent& event);
    void on_recheck(wxTimerEvent& event);
    void add_session_menu_items(wxMenu* file);
    void add_high_contrast_item(wxMenu* view);
    void connect_home(Page* page);
    void show_status_field(const Message& text, int field);

    Options options_;
    wxNotebook* notebook_ = nullptr;
    std::array<Page*, app::tab_count> pages_{};
    wxWindow* search_bar_ = nullptr;
    app::MainPresenter presenter_;
    WxReconnectTimer reconnect_timer_;                  // the monitor's backoff; outlives it
    std::unique_ptr<app::NetworkChangeSource> network_; // the monitor listens; outlives it
    std::unique_ptr<app::ConnectionMonitor> monitor_;   // after presenter_: destroyed first
    wxTimer recheck_;                                   // online: flush the outbox
    app::TextSize text_size_;
    // Shared with the message centre window, which may close after the frame's members go.
    std::shared_ptr<app::MessageCentrePresenter> messages_;
    wxWeakRef<MessageCentreDialog> message_window_;
    // Settings (File > Settings) and elder mode.
    void apply_text(app::TextSize size, bool elder);
    app::UserSettings settings_;
    bool elder_mode_ = false;
    double base_points_ = 0;   // the system's text size, before any scaling
    bool menus_bound_ = false; // build_menus again (a new language) binds nothing twice
    wxWindow* hotline_ = nullptr;
};

} // namespace cd::ui
