#include "ui/main_frame.h"

#include "app/build_info.h"
#include "app/elder_mode.h"
#include "app/settings_presenter.h"
#include "diag/log.h"
#include "ui/app_icon_svg.h"
#include "ui/close_keys.h"
#include "ui/elder_layout.h"
#include "ui/government_page.h"
#include "ui/home_page.h"
#include "ui/life_page.h"
#include "ui/message_text.h"
#include "ui/payments_page.h"
#include "ui/profile_dialog.h"
#include "ui/search_bar.h"
#include "ui/session_ui.h"
#include "ui/settings_dialog.h"
#include "ui/support_dialog.h"
#include "ui/tab_panel.h"
#include "ui/text_scaling.h"
#include "ui/theme.h"
#include "ui/translations.h"
#include "ui/voice_page.h"
#include "ui/window_state.h"

#include <wx/aboutdlg.h>
#include <wx/bmpbndl.h>
#include <wx/iconbndl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/translation.h>

namespace cd::ui {

namespace {
constexpr int id_support = wxID_HIGHEST + 1;
constexpr int id_reconnect = wxID_HIGHEST + 2;
constexpr int id_text_larger = wxID_HIGHEST + 3;
constexpr int id_text_smaller = wxID_HIGHEST + 4;
constexpr int id_text_normal = wxID_HIGHEST + 5;
constexpr int id_profile = wxID_HIGHEST + 6;
constexpr int id_messages = wxID_HIGHEST + 7;
constexpr int status_widths[] = {-4, -2, -2, -2, -2}; // MainFrame::StatusField
constexpr int recheck_interval_ms = 30'000;
constexpr int id_first_tab = wxID_HIGHEST + 10;     // View menu: one id per tab, in order
constexpr int id_first_session = wxID_HIGHEST + 20; // File menu: one id per SessionCommand
constexpr int id_high_contrast = wxID_HIGHEST + 40;

Page* create_page(app::Tab tab, wxWindow* parent, app::AppContext* context) {
    if (context == nullptr) {
        return new TabPanel(parent, tab);
    }
    switch (tab) {
    case app::Tab::home:
        return create_home_page(parent, *context);
    case app::Tab::life:
        return create_life_page(parent, *context);
    case app::Tab::government:
        return create_government_page(parent, *context);
    case app::Tab::payments:
        return create_payments_page(parent, *context);
    case app::Tab::voice:
        return create_voice_page(parent, *context);
    }
    return new TabPanel(parent, tab);
}
} // namespace

MainFrame::MainFrame(const Options& options)
    : wxFrame(nullptr, wxID_ANY, _("CitizenDesk")), options_(options),
      presenter_(*this, options.platform_name) {
    SetName("citizendesk-main");
    const wxBitmapBundle icon = wxBitmapBundle::FromSVG(app_icon_svg, wxSize(256, 256));
    wxIconBundle icons;
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        icons.AddIcon(icon.GetIcon(wxSize(size, size)));
    }
    SetIcons(icons);
    SetMinSize(FromDIP(wxSize(640, 480)));
    SetSize(FromDIP(wxSize(1024, 720)));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    base_points_ = GetFont().GetFractionalPointSize();
    // Elder mode's hotline, one click away above everything else; hidden otherwise.
    hotline_ = create_hotline_button(this, options_.context);
    sizer->Add(hotline_, wxSizerFlags().Border(wxALL, FromDIP(6)));
    if (options_.context != nullptr) {
        app::AppContext& context = *options_.context;
        presenter_.set_connection_listener(
            [&context](app::ConnectionState state) { context.data.set_connection(state); });
        search_bar_ = create_search_bar(this, context);
        if (search_bar_ != nullptr) {
            sizer->Add(search_bar_, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
        }
    }
    notebook_ = new wxNotebook(this, wxID_ANY);
    for (app::Tab tab : app::all_tabs) {
        Page* page = create_page(tab, notebook_, options_.context);
        pages_[std::size_t(app::tab_index(tab))] = page;
        notebook_->AddPage(page, tr(app::tab_title(tab)));
        if (auto* panel = dynamic_cast<TabPanel*>(page)) {
            presenter_.add_tab(panel->presenter());
        }
        connect_home(page);
    }
    sizer->Add(notebook_, wxSizerFlags(1).Expand());
    SetSizer(sizer);
    if (options_.context != nullptr) {
        presenter_.follow(options_.context->data.freshness()); // each tab's "what was kept"
    }

    build_menus();
    CreateStatusBar(1);
    add_outbox_status_field();
    add_messages_status_field();

    const WindowState saved = load_window_state(options_.settings_file);
    apply_window_state(*this, saved);
    settings_ = app::read_user_settings(options_.settings_file);
    set_text_size(app::TextSize::from_percent(saved.text_percent));
    set_elder_mode(settings_.elder_mode);
    presenter_.start(saved.tab);

    if (options_.probe && options_.ui != nullptr) {
        app::ConnectionMonitor::Options monitor;
        monitor.probe = options_.probe;
        monitor.timer = &reconnect_timer_;
        monitor_ = std::make_unique<app::ConnectionMonitor>(presenter_, *options_.ui, monitor);
        if (options_.context != nullptr) {
            monitor_->follow(options_.context->platform); // every screen's requests count
        }
        network_ = app::make_network_change_source(*options_.ui);
        monitor_->watch(*network_); // the network back: no waiting for the backoff
        recheck_.SetOwner(this);
        Bind(wxEVT_TIMER, &MainFrame::on_recheck, this);
        recheck_.Start(recheck_interval_ms);
        monitor_->check();
    }

    notebook_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, &MainFrame::on_page_changed, this);
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close, this);
    close_secondary_windows_with_keys(this);
}

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(id_reconnect, _("&Reconnect\tF5"),
                 _("Check the connection to the city platform again"));
    file->AppendSeparator();
    if (options_.context != nullptr) {
        add_session_menu_items(file);
    }
    // wxID_PREFERENCES: macOS moves it to the application menu, as its citizens expect.
    file->Append(wxID_PREFERENCES, _("&Settings...\tCtrl+,"),
                 _("Language, text size, elder mode, notifications and the city platform"));
    file->AppendSeparator();
    file->Append(wxID_EXIT); // stock item: label and shortcut come from wxWidgets' catalog
    auto* view = new wxMenu;
    for (app::Tab tab : app::all_tabs) {
        const int n = app::tab_index(tab);
        view->Append(id_first_tab + n,
                     tr(app::tab_title(tab)) + wxString::Format("\tCtrl+%d", n + 1));
    }
    view->AppendSeparator();
    view->Append(id_text_larger, _("&Larger Text\tCtrl++"));
    view->Append(id_text_smaller, _("&Smaller Text\tCtrl+-"));
    view->Append(id_text_normal, _("&Normal Text Size\tCtrl+0"));
    add_high_contrast_item(view);
    if (options_.context != nullptr && options_.context->messages != nullptr) {
        view->AppendSeparator();
        view->Append(id_messages, _("&Messages...\tCtrl+M"),
                     _("Every notification the app showed, read or unread"));
        if (!menus_bound_) { // a new language rebuilds the menus, not their handlers
            Bind(
                wxEVT_MENU, [this](wxCommandEvent&) { show_message_centre(); }, id_messages);
        }
    }
    auto* help = new wxMenu;
    help->Append(id_support, _("&Support Information..."),
                 _("Show the versions, folders and recent log that support asks for"));
    help->AppendSeparator();
    help->Append(wxID_ABOUT, _("&About CitizenDesk"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
    if (menus_bound_) {
        return; // a new language: the handlers below are bound already
    }
    menus_bound_ = true;
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { open_settings(); }, wxID_PREFERENCES);

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::on_about, this, wxID_ABOUT);
    Bind(wxEVT_MENU, &MainFrame::on_support, this, id_support);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { set_text_size(text_size_.larger()); },
        id_text_larger);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { set_text_size(text_size_.smaller()); },
        id_text_smaller);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { set_text_size(app::TextSize::normal()); },
        id_text_normal);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (monitor_) {
                monitor_->reconnect_now();
            }
        },
        id_reconnect);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) {
            if (auto tab = app::tab_from_index(e.GetId() - id_first_tab)) {
                show_tab(*tab);
                presenter_.on_tab_selected(*tab);
                page(*tab)->on_page_shown();
            }
        },
        id_first_tab, id_first_tab + int(app::all_tabs.size()) - 1);
}

// Home's actions lead to their tab (the page is made again when the language changes).
void MainFrame::connect_home(Page* page) {
    if (auto* home = dynamic_cast<HomePage*>(page)) {
        home->set_navigator([this](app::Tab to) {
            show_tab(to);
            presenter_.on_tab_selected(to);
            this->page(to)->on_page_shown();
        });
    }
}

// View > High Contrast: the palette's high-contrast variant for what the app colours and draws
// itself; kept in the settings file, and on by itself under a high-contrast system theme.
void MainFrame::add_high_contrast_item(wxMenu* view) {
    set_high_contrast(load_high_contrast(options_.settings_file));
    view->AppendSeparator();
    view->AppendCheckItem(id_high_contrast, _("&High Contrast"),
                          _("Stronger colours for text, highlights and charts"));
    view->Check(id_high_contrast, high_contrast());
    if (menus_bound_) {
        return; // a new language rebuilds the menus, not their handlers
    }
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) {
            set_high_contrast(e.IsChecked());
            save_high_contrast(options_.settings_file, e.IsChecked());
            repaint_all(this);
        },
        id_high_contrast);
}

void MainFrame::add_session_menu_items(wxMenu* file) {
    const auto id = [](SessionCommand command) {
        return id_first_session + int(command);
    };
    file->Append(id(SessionCommand::sign_in), _("Sign &In..."),
                 _("Sign in to the city platform to see your bills and applications"));
    file->Append(id(SessionCommand::sign_out), _("Sign &Out"));
    file->AppendSeparator();
    file->Append(id(SessionCommand::unlock), _("&Unlock My Data..."),
                 _("Open your encrypted data on this computer"));
    file->Append(id(SessionCommand::lock), _("&Lock My Data\tCtrl+L"));
    file->Append(id(SessionCommand::change_passphrase), _("&Change Passphrase..."));
    file->Append(id(SessionCommand::start_over), _("Start Over With a &New Vault..."),
                 _("Put a new, empty vault in place of a damaged one; the old file is kept aside"));
    file->Append(id(SessionCommand::restore_backup), _("Restore From a &Backup..."),
                 _("Bring your data back from a backup file; the file it replaces is kept aside"));
    file->Append(id_profile, _("My &Profile..."),
                 _("Your name, ID number, phone and address for filling in application forms"));
    file->AppendSeparator();
    if (menus_bound_) {
        return; // a new language: the handlers below are bound already
    }
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            ProfileDialog dialog(this, *options_.context);
            rescale_text(&dialog, text_factor());
            dialog.Fit();
            dialog.CentreOnParent();
            dialog.ShowModal();
        },
        id_profile);
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& e) { e.Enable(options_.context->vault.unlocked()); }, id_profile);
    const int last = id(SessionCommand::restore_backup);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) {
            run_session_command(this, *options_.context,
                                SessionCommand(e.GetId() - id_first_session));
        },
        id_first_session, last);
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& e) {
            const app::AppContext& context = *options_.context;
            const bool unlocked = context.vault.unlocked();
            const bool signed_in = context.data.signed_in();
            switch (SessionCommand(e.GetId() - id_first_session)) {
            case SessionCommand::unlock:
                e.Enable(!unlocked);
                break;
            case SessionCommand::lock:
            case SessionCommand::change_passphrase:
                e.Enable(unlocked);
                break;
            case SessionCommand::sign_in:
                e.Enable(!signed_in);
                break;
            case SessionCommand::sign_out:
                e.Enable(signed_in);
                break;
            case SessionCommand::start_over:
            case SessionCommand::restore_backup:
                e.Enable(true); // the ways out work with the vault locked or open
                break;
            }
        },
        id_first_session, last);
}

TabPanel* MainFrame::tab_panel(app::Tab tab) const {
    return dynamic_cast<TabPanel*>(page(tab));
}

void MainFrame::show_connection_status(const Message& status) {
    SetStatusText(tr(status), status_connection);
}

void MainFrame::show_tab_notice(app::Tab tab, const Message& notice) {
    if (Page* shown = page(tab)) {
        shown->show_notice(notice.empty() ? wxString() : tr(notice));
    }
}

void MainFrame::show_open311_status(const Message& status) {
    show_status_field(status, status_open311);
}

void MainFrame::show_outbox_summary(const Message& summary) {
    show_status_field(summary, status_outbox);
}

void MainFrame::show_status_field(const Message& text, int field) {
    wxStatusBar* bar = GetStatusBar();
    if (bar == nullptr || (text.empty() && bar->GetFieldsCount() <= field)) {
        return;
    }
    if (bar->GetFieldsCount() <= field) {
        bar->SetFieldsCount(status_messages + 1, status_widths);
    }
    bar->SetStatusText(text.empty() ? wxString() : tr(text), field);
}

// The outbox's field of the status bar: refused submissions wait for the citizen.
void MainFrame::add_outbox_status_field() {
    if (options_.context != nullptr) {
        std::weak_ptr<int> alive = outbox_alive_;
        options_.context->outbox.set_refused_count_listener([this, alive](std::int64_t refused) {
            if (!alive.expired()) {
                presenter_.set_refused_count(refused);
            }
        });
    }
}

// The unread count in the status bar; a click on it opens the message centre.
void MainFrame::add_messages_status_field() {
    if (options_.context == nullptr || options_.context->messages == nullptr) {
        return;
    }
    messages_ = std::make_shared<app::MessageCentrePresenter>(*options_.context,
                                                              *options_.context->messages);
    messages_->set_unread_listener([this](std::int64_t unread) {
        const wxString text =
            unread > 0 ? wxString::Format(wxPLURAL("%lld unread message", "%lld unread messages",
                                                   static_cast<int>(unread)),
                                          static_cast<long long>(unread))
                       : wxString();
        wxStatusBar* bar = GetStatusBar();
        if (bar == nullptr || (text.empty() && bar->GetFieldsCount() <= status_messages)) {
            return;
        }
        if (bar->GetFieldsCount() <= status_messages) {
            bar->SetFieldsCount(status_messages + 1, status_widths);
        }
        bar->SetStatusText(text, status_messages);
    });
    GetStatusBar()->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& e) {
        wxRect field;
        if (GetStatusBar()->GetFieldsCount() > status_messages &&
            GetStatusBar()->GetFieldRect(status_messages, field) &&
            field.Contains(e.GetPosition()) && messages_->unread_count() > 0) {
            show_message_centre();
        }
        e.Skip();
    });
}

void MainFrame::show_message_centre() {
    if (!messages_) {
        return;
    }
    if (message_window_) {
        message_window_->Raise();
        return;
    }
    message_window_ = new MessageCentreDialog(this, messages_);
    rescale_text(message_window_.get(), app::TextSize::normal(), text_size_);
    message_window_->Show();
}

void MainFrame::show_tab(app::Tab tab) {
    const int index = app::tab_index(tab);
    if (notebook_->GetSelection() != index) {
        notebook_->ChangeSelection(std::size_t(index)); // no page-changed event: not the user's act
    }
}

void MainFrame::on_page_changed(wxBookCtrlEvent& event) {
    if (auto tab = app::tab_from_index(event.GetSelection())) {
        presenter_.on_tab_selected(*tab);
        page(*tab)->on_page_shown();
    }
    event.Skip();
}

void MainFrame::set_text_size(app::TextSize size) {
    apply_text(size, elder_mode_);
}

double MainFrame::text_factor() const {
    return app::elder::text_factor(text_size_, elder_mode_, base_points_);
}

void MainFrame::apply_text(app::TextSize size, bool elder) {
    const double before = text_factor();
    const double after = app::elder::text_factor(size, elder, base_points_);
    rescale_text(this, after / before);
    text_size_ = size;
    elder_mode_ = elder;
    for (Page* page : pages_) {
        page->rewrap();
    }
    if (wxStatusBar* status = GetStatusBar()) {
        status->SetMinHeight(status->GetCharHeight() + FromDIP(8));
        SendSizeEvent();
    }
    if (wxMenuBar* bar = GetMenuBar()) {
        bar->Enable(id_text_larger, size.can_grow());
        bar->Enable(id_text_smaller, size.can_shrink());
    }
}

void MainFrame::set_elder_mode(bool on) {
    apply_text(text_size_, on);
    if (options_.context != nullptr) {
        options_.context->elder_mode = on;
    }
    hotline_->Show(on);
    enlarge_click_targets(this, on);
    Layout();
}

void MainFrame::open_settings() {
    SettingsDialog dialog(this, options_.settings_file,
                          [this](const app::UserSettings& before, const app::UserSettings& after) {
                              apply_settings(before, after);
                          });
    rescale_text(&dialog, text_factor());
    enlarge_click_targets(&dialog, elder_mode_);
    dialog.Fit();
    dialog.CentreOnParent();
    dialog.ShowModal();
}

void MainFrame::apply_settings(const app::UserSettings& before, const app::UserSettings& after) {
    settings_ = after;
    if (after.language != before.language) {
        switch_language(after.language);
    }
    if (after.elder_mode != elder_mode_) {
        set_elder_mode(after.elder_mode);
    }
    if (after.text_size != text_size_) {
        set_text_size(after.text_size);
    }
    if (options_.context != nullptr && after.reminder_days != before.reminder_days) {
        app::push_reminder_days(*options_.context, after.reminder_days);
    }
    // TODO(a11y): follow after.high_contrast; TODO(home): after.suggestions; TODO(messages):
    // after.notifications_on(kind); TODO(session): after.idle_lock_minutes. All stored here.
    if (app::SettingsPresenter::needs_restart(before, after)) {
        wxMessageBox(_("The new city platform and log detail are used from the next start of "
                       "CitizenDesk."),
                     _("Settings"), wxOK | wxICON_INFORMATION, this);
    }
}

void MainFrame::switch_language(const std::string& lang) {
    install_translations(lang);
    const bool chinese = wxTranslations::Get() != nullptr &&
                         wxTranslations::Get()
                             ->GetBestTranslation("citizendesk", wxLANGUAGE_ENGLISH_US)
                             .StartsWith("zh");
    SetTitle(_("CitizenDesk"));
    wxMenuBar* old_bar = GetMenuBar();
    build_menus(); // the handlers stay bound: the ids are the same
    delete old_bar;
    set_text_size(text_size_); // the View menu's enabled items
    const int selected = notebook_->GetSelection();
    if (options_.context != nullptr) {
        options_.context->chinese = chinese;
        // The pages are made again in the new language: each page's labels, and the names the
        // platform gives in both languages. Their presenters start again from the shared data.
        for (app::Tab tab : app::all_tabs) {
            const auto i = std::size_t(app::tab_index(tab));
            Page* fresh = create_page(tab, notebook_, options_.context);
            connect_home(fresh);
            notebook_->InsertPage(i, fresh, tr(app::tab_title(tab)));
            notebook_->DeletePage(i + 1);
            pages_[i] = fresh;
        }
        if (search_bar_ != nullptr) {
            wxWindow* fresh = create_search_bar(this, *options_.context);
            GetSizer()->Replace(search_bar_, fresh);
            search_bar_->Destroy();
            search_bar_ = fresh;
        }
    }
    for (app::Tab tab : app::all_tabs) {
        const auto i = std::size_t(app::tab_index(tab));
        notebook_->SetPageText(i, tr(app::tab_title(tab)));
    }
    if (selected != wxNOT_FOUND) {
        notebook_->ChangeSelection(std::size_t(selected));
    }
    wxWindow* hotline = create_hotline_button(this, options_.context);
    GetSizer()->Replace(hotline_, hotline);
    hotline_->Destroy();
    hotline_ = hotline;
    hotline_->Show(elder_mode_);
    enlarge_click_targets(this, elder_mode_);
    for (Page* shown : pages_) {
        shown->rewrap();
    }
    if (auto tab = app::tab_from_index(selected)) {
        page(*tab)->on_page_shown();
    }
    Layout();
    diag::info(diag::Category::ui, "language switched without a restart");
}

void MainFrame::on_recheck(wxTimerEvent&) {
    if (options_.context != nullptr && presenter_.connection() == app::ConnectionState::online) {
        options_.context->outbox.flush(); // items whose next try has come
    }
}

void MainFrame::on_close(wxCloseEvent& event) {
    recheck_.Stop();
    reconnect_timer_.stop();
    if (options_.context != nullptr) {
        options_.context->outbox.set_refused_count_listener({}); // the window goes first
    }
    save_window_state(options_.settings_file,
                      capture_window_state(*this, app::tab_index(presenter_.current_tab()),
                                           text_size_.percent()));
    diag::info(diag::Category::ui, "main window closed");
    event.Skip(); // default handling destroys the frame
}

void MainFrame::on_support(wxCommandEvent&) {
    if (options_.ui == nullptr || options_.worker == nullptr) {
        return;
    }
    SupportDialog dialog(this, *options_.ui, *options_.worker, options_.support);
    rescale_text(&dialog, text_factor());
    dialog.ShowModal();
}

void MainFrame::on_about(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName(_("CitizenDesk"));
    info.SetVersion(app::build::version);
    info.SetIcon(
        wxBitmapBundle::FromSVG(app_icon_svg, wxSize(256, 256)).GetIcon(FromDIP(wxSize(64, 64))));
    info.SetDescription(_("Your city's services on your desktop: everyday services, government "
                          "services, payments, and a voice to the city."));
    info.SetCopyright(_("Copyright 2026 The CitizenDesk developers"));
    wxAboutBox(info, this);
}

} // namespace cd::ui
