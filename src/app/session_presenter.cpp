#include "app/session_presenter.h"

#include "core/phone_number.h"
#include "core/utf8.h"
#include "diag/log.h"
#include "store/preferences.h"
#include "store/unlock_pacing.h"

#include <algorithm>

namespace cd::app {

namespace {

using Client = PlatformAccess::Client;

// The client's copy of a password: made just for the call, wiped right after it.
std::string borrowed(const store::SecretBytes& secret) {
    return std::string(secret.view());
}

// A file name for a message: UTF-8 on every platform, without the folders (which may name the
// citizen's account).
std::string utf8_file_name(const std::filesystem::path& path) {
    const std::u8string name = path.filename().u8string();
    return std::string(name.begin(), name.end());
}

void wipe(std::string& text) {
    store::secure_wipe(text.data(), text.size());
    text.clear();
}

} // namespace

SessionPresenter::SessionPresenter(AppContext& context, SessionView& view)
    : context_(context), view_(view) {
    events_ = Subscription(context_.events, lifetime_.guard([this](AppEvent event) {
        if (event == AppEvent::online && restore_pending_ && open_ && !context_.data.signed_in()) {
            restore_session();
        }
    }));
    install_token_listener();
}

SessionPresenter::~SessionPresenter() {
    wipe(pending_token_);
}

void SessionPresenter::install_token_listener() {
    // A refresh made inside any call rotates the tokens: save the new refresh token, or the
    // next start would restore with a used (refused) one.
    auto save = lifetime_.guard([this](const std::string& token) { save_token(token); });
    Dispatcher& ui = context_.ui;
    context_.platform.acquire([&ui, save](Result<Client> client) {
        if (!client.ok()) {
            return;
        }
        (*client)->set_token_listener([&ui, save](const api::SessionTokens& tokens) {
            ui.post([save, token = tokens.refresh_token]() mutable { save(token); });
        });
    });
}

// ---- the vault ---------------------------------------------------------------------------

void SessionPresenter::start() {
    if (context_.vault.unlocked()) {
        open_ = true;
        restore_session();
        return;
    }
    unlock_requested();
}

void SessionPresenter::unlock_requested() {
    if (context_.vault.unlocked()) {
        return;
    }
    if (context_.vault.exists()) {
        view_.open(SessionDialog::unlock);
    } else {
        view_.open(SessionDialog::create_vault);
        view_.show_strength(SessionDialog::create_vault,
                            store::passphrase_strength(std::string_view()));
    }
}

void SessionPresenter::passphrase_edited(SessionDialog dialog,
                                         const store::SecretBytes& passphrase) {
    view_.show_strength(dialog, store::passphrase_strength(passphrase.view()));
}

bool SessionPresenter::same(const store::SecretBytes& a, const store::SecretBytes& b) {
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char differ = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        differ |= static_cast<unsigned char>(a.data()[i] ^ b.data()[i]);
    }
    return differ == 0;
}

bool SessionPresenter::acceptable_new_passphrase(SessionDialog dialog,
                                                 const store::SecretBytes& passphrase,
                                                 const store::SecretBytes& confirmation) {
    if (!same(passphrase, confirmation)) {
        view_.show_error(dialog, msg(N_("The two passphrases are not the same. Type them again.")));
        return false;
    }
    if (Status acceptable = store::require_acceptable_passphrase(passphrase.view());
        !acceptable.ok()) {
        view_.show_error(dialog, acceptable.error().message_for_user());
        return false;
    }
    return true;
}

void SessionPresenter::create_vault(store::SecretBytes passphrase,
                                    store::SecretBytes confirmation) {
    if (!acceptable_new_passphrase(SessionDialog::create_vault, passphrase, confirmation)) {
        return;
    }
    confirmation.clear();
    view_.show_busy(SessionDialog::create_vault, true);
    view_.show_info(SessionDialog::create_vault,
                    msg(N_("Protecting your data with the passphrase. This takes a moment...")));
    context_.vault.create(std::move(passphrase), lifetime_.guard([this](Status status) {
        view_.show_busy(SessionDialog::create_vault, false);
        if (!status.ok()) {
            view_.show_info(SessionDialog::create_vault, {});
            view_.show_error(SessionDialog::create_vault, status.error().message_for_user());
            return;
        }
        diag::info(diag::Category::app, "vault created");
        view_.close(SessionDialog::create_vault);
        vault_opened();
    }));
}

void SessionPresenter::unlock(store::SecretBytes passphrase) {
    if (passphrase.empty()) {
        view_.show_error(SessionDialog::unlock, msg(N_("Type your passphrase.")));
        return;
    }
    view_.show_busy(SessionDialog::unlock, true);
    view_.show_info(SessionDialog::unlock, msg(N_("Opening your data...")));
    context_.vault.unlock(std::move(passphrase), lifetime_.guard([this](Status status) {
        view_.show_busy(SessionDialog::unlock, false);
        view_.show_info(SessionDialog::unlock, {});
        if (!status.ok()) {
            if (status.error().kind == ErrorKind::crypto) {
                ++failed_unlocks_;
            }
            view_.show_error(SessionDialog::unlock, status.error().message_for_user());
            // A file that is damaged or cannot be read will not open with any passphrase: show
            // the ways out instead of leaving only Unlock and Cancel.
            view_.offer_recovery(
                status.error().kind == ErrorKind::storage
                    ? msg(N_("You can start over with a new, empty vault: the damaged file is "
                             "kept aside and nothing is deleted. Or you can bring your data "
                             "back from a backup file you made earlier."))
                    : Message{});
            const auto wait = store::UnlockPacing::delay_after(failed_unlocks_);
            if (wait.count() > 0) {
                const auto seconds = (wait.count() + 999) / 1000;
                view_.show_info(SessionDialog::unlock,
                                msg(N_("To protect your data, the next try waits {0} seconds."),
                                    {std::to_string(seconds)}));
            }
            return;
        }
        failed_unlocks_ = 0;
        diag::info(diag::Category::app, "vault unlocked");
        view_.close(SessionDialog::unlock);
        vault_opened();
    }));
}

void SessionPresenter::vault_opened() {
    open_ = true;
    if (!pending_token_.empty()) {
        // Tokens that arrived while the vault was being locked: saved before anything reads.
        std::string token = std::move(pending_token_);
        save_token(token);
        wipe(token);
    }
    context_.events.publish(AppEvent::vault_unlocked);
    restore_session();
}

void SessionPresenter::lock() {
    if (!context_.vault.unlocked()) {
        return;
    }
    // The session's tokens stay in the vault; the client forgets its copy until the next unlock.
    open_ = false;
    forget_client_session();
    restore_pending_ = false;
    view_.close(SessionDialog::sign_in); // both need the open vault
    view_.close(SessionDialog::change_passphrase);
    if (context_.data.signed_in()) {
        context_.data.set_signed_out();
    }
    view_.show_citizen({});
    context_.vault.lock(lifetime_.guard([this] {
        diag::info(diag::Category::app, "vault locked");
        context_.events.publish(AppEvent::vault_locked);
    }));
}

void SessionPresenter::forget_client_session() {
    context_.platform.acquire([](Result<Client> client) {
        if (client.ok()) {
            (*client)->forget_session();
        }
    });
}

void SessionPresenter::change_passphrase_requested() {
    if (!context_.vault.unlocked()) {
        unlock_requested();
        return;
    }
    view_.open(SessionDialog::change_passphrase);
    view_.show_strength(SessionDialog::change_passphrase,
                        store::passphrase_strength(std::string_view()));
}

void SessionPresenter::change_passphrase(store::SecretBytes old_passphrase,
                                         store::SecretBytes new_passphrase,
                                         store::SecretBytes confirmation) {
    constexpr auto dialog = SessionDialog::change_passphrase;
    if (old_passphrase.empty()) {
        view_.show_error(dialog, msg(N_("Type your current passphrase.")));
        return;
    }
    if (!same(new_passphrase, confirmation)) {
        view_.show_error(dialog,
                         msg(N_("The two new passphrases are not the same. Type them again.")));
        return;
    }
    if (Status acceptable = store::require_acceptable_passphrase(new_passphrase.view());
        !acceptable.ok()) {
        view_.show_error(dialog, acceptable.error().message_for_user());
        return;
    }
    confirmation.clear();
    view_.show_busy(dialog, true);
    view_.show_info(dialog, msg(N_("Changing the passphrase. This takes a moment...")));
    auto old_secret = std::make_shared<store::SecretBytes>(std::move(old_passphrase));
    auto new_secret = std::make_shared<store::SecretBytes>(std::move(new_passphrase));
    context_.vault.run<Done>(
        [old_secret, new_secret](store::Vault& vault) -> Status {
            return vault.change_passphrase(std::move(*old_secret), std::move(*new_secret));
        },
        lifetime_.guard([this](Status status) {
            view_.show_busy(dialog, false);
            view_.show_info(dialog, {});
            if (!status.ok()) {
                view_.show_error(dialog, status.error().message_for_user());
                return;
            }
            diag::info(diag::Category::app, "vault passphrase changed");
            view_.close(dialog);
            context_.notifier.notify_about(NoticeKind::vault, msg(N_("Passphrase changed")),
                                           msg(N_("Use the new passphrase to unlock your data.")));
        }));
}

// ---- the ways out of a damaged vault -----------------------------------------------------

void SessionPresenter::start_over_requested() {
    if (!context_.vault.exists()) {
        unlock_requested(); // nothing to replace: the first-run dialog creates one
        return;
    }
    view_.open(SessionDialog::start_over);
    view_.show_strength(SessionDialog::start_over, store::passphrase_strength(std::string_view()));
}

void SessionPresenter::start_over(store::SecretBytes passphrase, store::SecretBytes confirmation) {
    constexpr auto dialog = SessionDialog::start_over;
    if (!acceptable_new_passphrase(dialog, passphrase, confirmation)) {
        return;
    }
    confirmation.clear();
    lock(); // from the File menu the vault may be open; the lock runs first on the store thread
    view_.show_busy(dialog, true);
    view_.show_info(dialog, msg(N_("Creating your new vault. This takes a moment...")));
    context_.vault.start_over(
        std::move(passphrase),
        lifetime_.guard([this](Result<std::optional<std::filesystem::path>> aside) {
            view_.show_busy(dialog, false);
            view_.show_info(dialog, {});
            if (!aside.ok()) {
                view_.show_error(dialog, aside.error().message_for_user());
                return;
            }
            diag::info(diag::Category::app, "started over with a new vault");
            view_.close(dialog);
            if (*aside) {
                vault_replaced(
                    msg(N_("New vault created")),
                    msg(N_("The old file was kept in the same folder as {0}. Nothing was "
                           "deleted."),
                        {utf8_file_name(**aside)}));
            } else {
                vault_replaced(msg(N_("New vault created")), msg(N_("Your new vault is ready.")));
            }
        }));
}

void SessionPresenter::restore_requested() {
    view_.choose_backup_file();
}

void SessionPresenter::backup_chosen(const std::filesystem::path& backup) {
    backup_ = backup;
    view_.open(SessionDialog::restore_backup);
    view_.show_info(SessionDialog::restore_backup,
                    msg(N_("Backup file: {0}"), {utf8_file_name(backup_)}));
}

void SessionPresenter::restore_backup(store::SecretBytes passphrase) {
    constexpr auto dialog = SessionDialog::restore_backup;
    if (backup_.empty()) {
        restore_requested();
        return;
    }
    if (passphrase.empty()) {
        view_.show_error(dialog, msg(N_("Type the passphrase of the backup.")));
        return;
    }
    lock();
    view_.show_busy(dialog, true);
    view_.show_info(dialog, msg(N_("Checking the backup and bringing your data back. This takes a "
                                   "moment...")));
    context_.vault.restore(
        backup_, std::move(passphrase),
        lifetime_.guard([this](Result<std::optional<std::filesystem::path>> aside) {
            view_.show_busy(dialog, false);
            view_.show_info(dialog, msg(N_("Backup file: {0}"), {utf8_file_name(backup_)}));
            if (!aside.ok()) {
                view_.show_error(dialog, aside.error().message_for_user());
                return;
            }
            diag::info(diag::Category::app, "vault restored from a backup");
            view_.close(dialog);
            backup_.clear();
            if (*aside) {
                vault_replaced(msg(N_("Data restored")),
                               msg(N_("Your data was brought back from the backup. The file it "
                                      "replaced was kept in the same folder as {0}."),
                                   {utf8_file_name(**aside)}));
            } else {
                vault_replaced(msg(N_("Data restored")),
                               msg(N_("Your data was brought back from the backup.")));
            }
        }));
}

void SessionPresenter::vault_replaced(const Message& title, const Message& body) {
    failed_unlocks_ = 0;
    for (auto dialog : {SessionDialog::unlock, SessionDialog::create_vault,
                        SessionDialog::start_over, SessionDialog::restore_backup}) {
        view_.close(dialog);
    }
    context_.notifier.notify_about(NoticeKind::vault, title, body);
    vault_opened();
}

// ---- the platform session ----------------------------------------------------------------

void SessionPresenter::restore_session() {
    if (restoring_) {
        return; // the restore under way ends signed in or offering Sign In
    }
    restore_pending_ = false;
    restoring_ = true;
    context_.vault.run<std::optional<std::string>>(
        [](store::Vault& vault) { return store::Preferences(vault).get(refresh_token_key); },
        lifetime_.guard([this](Result<std::optional<std::string>> saved) {
            if (!open_ || context_.data.signed_in()) {
                restoring_ = false;
                return;
            }
            if (!saved.ok() || !*saved || (*saved)->empty()) {
                restoring_ = false;
                view_.open(SessionDialog::sign_in);
                return;
            }
            call_platform<api::SessionTokens>(
                context_.platform, context_.ui,
                [token = std::move(**saved)](api::PlatformClient& c, auto done) {
                    api::SessionTokens tokens;
                    tokens.refresh_token = token;
                    c.restore(std::move(tokens));
                    c.refresh(done);
                },
                lifetime_.guard([this](Result<api::SessionTokens> tokens) {
                    restoring_ = false;
                    if (!open_) {
                        // Locked meanwhile: the rotated token waits in pending_token_ for the
                        // next unlock; the client forgets the session it just took.
                        forget_client_session();
                        return;
                    }
                    if (tokens.ok()) {
                        diag::info(diag::Category::app, "platform session restored");
                        save_token(tokens->refresh_token);
                        signed_in(SessionDialog::sign_in, tokens->citizen_id);
                        return;
                    }
                    diag::info(diag::Category::app,
                               "platform session not restored: ", tokens.error().log_line());
                    if (tokens.error().kind == ErrorKind::auth) {
                        forget_token();
                        view_.open(SessionDialog::sign_in);
                        view_.show_info(SessionDialog::sign_in,
                                        msg(N_("Your session has ended. Please sign in again.")));
                        return;
                    }
                    restore_pending_ = true;
                    view_.show_citizen(msg(N_("Not signed in: the platform cannot be reached. "
                                              "You will be signed in again when it can.")));
                }));
        }));
}

void SessionPresenter::sign_in_requested() {
    if (!context_.vault.unlocked()) {
        unlock_requested(); // once unlocked, the saved session comes back or Sign In opens
        return;
    }
    if (!context_.data.signed_in()) {
        view_.open(SessionDialog::sign_in);
    }
}

void SessionPresenter::sign_in_with_password(const std::string& phone,
                                             store::SecretBytes password) {
    constexpr auto dialog = SessionDialog::sign_in;
    auto number = checked_number(phone);
    if (!number) {
        return;
    }
    if (password.empty()) {
        view_.show_error(dialog, msg(N_("Enter your password.")));
        return;
    }
    view_.show_busy(dialog, true);
    auto secret = std::make_shared<store::SecretBytes>(std::move(password));
    call_platform<api::SessionTokens>(
        context_.platform, context_.ui,
        [number = *number, secret](api::PlatformClient& c, auto done) {
            std::string plain = borrowed(*secret);
            secret->clear();
            c.login(number, plain, done);
            wipe(plain);
        },
        lifetime_.guard([this](Result<api::SessionTokens> tokens) {
            finish_sign_in(tokens, "signed in with password");
        }));
}

void SessionPresenter::request_code(const std::string& phone) {
    constexpr auto dialog = SessionDialog::sign_in;
    auto number = checked_number(phone);
    if (!number) {
        return;
    }
    view_.show_busy(dialog, true);
    call_platform<api::CodeSent>(
        context_.platform, context_.ui,
        [number = *number](api::PlatformClient& c, auto done) { c.request_code(number, done); },
        lifetime_.guard([this](Result<api::CodeSent> sent) {
            view_.show_busy(SessionDialog::sign_in, false);
            if (!sent.ok()) {
                view_.show_error(SessionDialog::sign_in, sent.error().message_for_user());
                return;
            }
            const auto minutes = std::max<std::int64_t>(1, (sent->expires_in + 59) / 60);
            view_.show_info(SessionDialog::sign_in,
                            msg(N_("A code was sent to your phone. It is valid for {0} minutes."),
                                {std::to_string(minutes)}));
        }));
}

void SessionPresenter::sign_in_with_code(const std::string& phone, const std::string& code) {
    constexpr auto dialog = SessionDialog::sign_in;
    auto number = checked_number(phone);
    if (!number) {
        return;
    }
    if (code.empty()) {
        view_.show_error(dialog, msg(N_("Enter the code from the text message.")));
        return;
    }
    view_.show_busy(dialog, true);
    call_platform<api::SessionTokens>(
        context_.platform, context_.ui,
        [number = *number, code](api::PlatformClient& c, auto done) {
            c.login_with_code(number, code, done);
        },
        lifetime_.guard([this](Result<api::SessionTokens> tokens) {
            finish_sign_in(tokens, "signed in with a one-time code");
        }));
}

std::optional<std::string> SessionPresenter::checked_number(const std::string& phone) {
    auto number = normalize_mobile_number(phone);
    if (!number) {
        view_.show_error(SessionDialog::sign_in, msg(N_("Enter your 11-digit mobile number.")));
    }
    return number;
}

void SessionPresenter::finish_sign_in(const Result<api::SessionTokens>& tokens, const char* how) {
    view_.show_busy(SessionDialog::sign_in, false);
    if (!tokens.ok()) {
        view_.show_error(SessionDialog::sign_in, tokens.error().message_for_user());
        return;
    }
    diag::info(diag::Category::app, how);
    save_token(tokens->refresh_token);
    signed_in(SessionDialog::sign_in, tokens->citizen_id);
}

void SessionPresenter::signed_in(SessionDialog from, std::string citizen_id) {
    view_.close(from);
    call_platform<api::Profile>(
        context_.platform, context_.ui, [](api::PlatformClient& c, auto done) { c.me(done); },
        lifetime_.guard([this, citizen_id = std::move(citizen_id)](Result<api::Profile> profile) {
            if (!open_) {
                forget_client_session(); // locked meanwhile: back at the next unlock
                return;
            }
            if (profile.ok()) {
                view_.show_citizen(describe_citizen(*profile, context_.chinese));
                context_.data.set_signed_in(std::move(*profile), citizen_id);
            } else {
                diag::warn(diag::Category::app,
                           "profile not read after sign-in: ", profile.error().log_line());
                view_.show_citizen(msg(N_("Signed in")));
                context_.data.set_signed_in(std::nullopt, citizen_id);
            }
        }));
}

void SessionPresenter::sign_out() {
    call_platform<Done>(
        context_.platform, context_.ui, [](api::PlatformClient& c, auto done) { c.logout(done); },
        [](Result<Done> result) {
            if (!result.ok()) {
                diag::info(diag::Category::app,
                           "sign-out not confirmed by the platform: ", result.error().log_line());
            }
        });
    forget_token();
    restore_pending_ = false;
    if (context_.data.signed_in()) {
        context_.data.set_signed_out();
    }
    view_.show_citizen({});
    diag::info(diag::Category::app, "signed out");
}

void SessionPresenter::cancelled(SessionDialog dialog) {
    view_.close(dialog);
}

void SessionPresenter::save_token(const std::string& refresh_token) {
    if (refresh_token.empty()) {
        return;
    }
    if (!open_) {
        pending_token_ = refresh_token; // the vault is locked or being locked
        return;
    }
    context_.vault.run<Done>(
        [refresh_token](store::Vault& vault) -> Status {
            return store::Preferences(vault).set(refresh_token_key, refresh_token);
        },
        [](Status status) {
            if (!status.ok()) {
                diag::warn(diag::Category::app,
                           "the session could not be saved: ", status.error().log_line());
            }
        });
}

void SessionPresenter::forget_token() {
    context_.vault.run<Done>(
        [](store::Vault& vault) -> Status {
            return store::Preferences(vault).erase(refresh_token_key);
        },
        [](Status status) {
            if (!status.ok()) {
                diag::warn(diag::Category::app,
                           "the saved session could not be removed: ", status.error().log_line());
            }
        });
}

// ---- pure --------------------------------------------------------------------------------

std::string SessionPresenter::mask_name(const std::string& name) {
    const auto points = utf8::decode(name);
    if (points.empty()) {
        return {};
    }
    std::string masked =
        name.substr(points.front().begin, points.front().end - points.front().begin);
    masked.append(points.size() - 1, '*');
    return masked;
}

Message SessionPresenter::describe_citizen(const api::Profile& profile, bool chinese) {
    const std::string name = mask_name(localized(profile.name, chinese));
    if (name.empty()) {
        return msg(N_("Signed in: {0}"), {profile.phone_masked});
    }
    if (profile.phone_masked.empty()) {
        return msg(N_("Signed in: {0}"), {name});
    }
    return msg(N_("Signed in: {0} ({1})"), {name, profile.phone_masked});
}

} // namespace cd::app
