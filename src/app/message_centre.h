// The message centre: the Notifier the screens use. Each notification is kept in the vault
// (store/inbox.h) for the citizen signed in at the time, then handed to the desktop, so a
// desktop without a notification service loses nothing. What concerns the vault itself (a new
// passphrase, a restored backup) is kept for whoever unlocks it. UI thread only.
#pragma once

#include "app/dispatcher.h"
#include "app/notifier.h"
#include "app/platform_data.h"
#include "app/vault_service.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace cd::app {

class MessageCentre final : public Notifier {
public:
    using Clock = std::function<std::chrono::system_clock::time_point()>;

    // All references outlive the centre.
    MessageCentre(Notifier& desktop, VaultService& vault, PlatformData& data, Clock now);

    void notify(const Message& title, const Message& body) override;
    void notify_about(NoticeKind kind, const Message& title, const Message& body) override;

    // The view's translation, so the text as the citizen saw it is searchable in their
    // language (without it, only the English text is).
    void set_renderer(std::function<std::string(const Message&)> render);

    // Told on the UI thread whenever the kept messages changed (one added, some read).
    int subscribe(std::function<void()> changed);
    void unsubscribe(int token);
    void changed();

    // Whose messages the screens show now: the signed-in citizen's id ('' when signed out).
    const std::string& citizen() const { return data_.citizen_id(); }
    std::chrono::system_clock::time_point now() const { return now_(); }
    VaultService& vault() { return vault_; }

private:
    Notifier& desktop_;
    VaultService& vault_;
    PlatformData& data_;
    Clock now_;
    std::function<std::string(const Message&)> render_;
    std::map<int, std::function<void()>> listeners_;
    int next_ = 1;
    Lifetime lifetime_;
};

} // namespace cd::app
