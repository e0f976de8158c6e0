// The citizen's vault and platform session: on start, create the vault (first run) or unlock
// it; then sign in again with the refresh token kept in the vault, or offer Sign In (password
// or SMS code). Sign out, lock, change the passphrase. The one place that publishes
// vault_unlocked / vault_locked in the app; PlatformData publishes signed_in / signed_out.
//
// Secrets: passphrases and passwords arrive as store::SecretBytes and go to the vault or the
// platform call without being kept; the refresh token lives only in the vault (Preferences key
// session.refresh_token) and in the platform client; none of them is ever logged.
#pragma once

#include "app/app_context.h"
#include "store/passphrase_strength.h"
#include "store/secret_bytes.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace cd::app {

// start_over: a new passphrase for the new vault that replaces a damaged one; restore_backup:
// the passphrase of the backup file the citizen chose.
enum class SessionDialog {
    create_vault,
    unlock,
    sign_in,
    change_passphrase,
    start_over,
    restore_backup
};

class SessionView {
public:
    virtual ~SessionView() = default;
    // Shows the dialog (or brings it to the front); the citizen's answers come back through
    // the presenter's methods below.
    virtual void open(SessionDialog dialog) = 0;
    virtual void close(SessionDialog dialog) = 0;
    // Work under way (key derivation, a platform call): the dialog's buttons wait.
    virtual void show_busy(SessionDialog dialog, bool busy) = 0;
    // What went wrong; the dialog stays open for another try.
    virtual void show_error(SessionDialog dialog, const Message& error) = 0;
    // A neutral line: "A code was sent to your phone."
    virtual void show_info(SessionDialog dialog, const Message& info) = 0;
    // The new passphrase's strength while it is typed (create and change dialogs).
    virtual void show_strength(SessionDialog dialog, const store::PassphraseStrength& strength) = 0;
    // Who is signed in, masked ("Signed in: 王** (138****0000)"); empty when nobody is.
    virtual void show_citizen(const Message& who) = 0;
    // The unlock dialog offers the ways out of a damaged file (start over, restore a backup)
    // with `why` above them; an empty `why` takes the offer back.
    virtual void offer_recovery(const Message& why) = 0;
    // Asks which backup file to restore (the system's file chooser); the answer comes back
    // through SessionPresenter::backup_chosen, or nothing when the citizen cancels.
    virtual void choose_backup_file() = 0;
};

class SessionPresenter {
public:
    static constexpr const char* refresh_token_key = "session.refresh_token";

    SessionPresenter(AppContext& context, SessionView& view);
    ~SessionPresenter();
    SessionPresenter(const SessionPresenter&) = delete;
    SessionPresenter& operator=(const SessionPresenter&) = delete;

    // The window is shown: create or unlock the vault.
    void start();

    // The File menu.
    void unlock_requested();
    void lock();
    void sign_in_requested();
    void sign_out();
    void change_passphrase_requested();
    // The way out of a damaged vault, from the unlock dialog or the File menu.
    void start_over_requested();
    void restore_requested();

    // The dialogs.
    void passphrase_edited(SessionDialog dialog, const store::SecretBytes& passphrase);
    void create_vault(store::SecretBytes passphrase, store::SecretBytes confirmation);
    void unlock(store::SecretBytes passphrase);
    void sign_in_with_password(const std::string& phone, store::SecretBytes password);
    void request_code(const std::string& phone);
    void sign_in_with_code(const std::string& phone, const std::string& code);
    void change_passphrase(store::SecretBytes old_passphrase, store::SecretBytes new_passphrase,
                           store::SecretBytes confirmation);
    void start_over(store::SecretBytes passphrase, store::SecretBytes confirmation);
    void backup_chosen(const std::filesystem::path& backup);
    void restore_backup(store::SecretBytes passphrase);
    void cancelled(SessionDialog dialog);

    // Pure: the masked line for the status bar.
    static Message describe_citizen(const api::Profile& profile, bool chinese);
    // Pure: "王小明" -> "王**", "Wang Xiaoming" -> "W***********".
    static std::string mask_name(const std::string& utf8);

private:
    void vault_opened();
    // Start over / restore replaced the vault file: say where the old one went, open the app.
    void vault_replaced(const Message& title, const Message& body);
    // A new passphrase and its confirmation: the dialog's error when they will not do.
    bool acceptable_new_passphrase(SessionDialog dialog, const store::SecretBytes& passphrase,
                                   const store::SecretBytes& confirmation);
    void restore_session();
    void signed_in(SessionDialog from, std::string citizen_id);
    // The mobile number in its 11-digit form, or nothing (and the Sign In dialog says why).
    std::optional<std::string> checked_number(const std::string& phone);
    // A sign-in's answer: the error in the dialog, or the session saved and the dialog closed.
    void finish_sign_in(const Result<api::SessionTokens>& tokens, const char* how);
    void save_token(const std::string& refresh_token);
    void forget_token();
    void install_token_listener();
    void forget_client_session();
    static bool same(const store::SecretBytes& a, const store::SecretBytes& b);

    AppContext& context_;
    SessionView& view_;
    int failed_unlocks_ = 0;
    bool open_ = false; // the vault is unlocked and no lock is on its way
    // A new refresh token that arrived while the vault was locked (a refresh in flight at the
    // lock): saved at the next unlock. Never logged.
    std::string pending_token_;
    bool restoring_ = false;
    bool restore_pending_ = false; // the platform was out of reach: try again when online
    std::filesystem::path backup_; // the backup file chosen for restore_backup
    Subscription events_;
    Lifetime lifetime_; // last
};

} // namespace cd::app
