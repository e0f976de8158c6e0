// Desktop notifications (a status change of an application, a reply to a report, a bill due
// soon). The ui implements it with the toolkit's notification; tests record what was sent. The
// app wraps it in the message centre (app/message_centre.h), which keeps each one in the vault.
#pragma once

#include "core/message.h"

#include <string_view>

namespace cd::app {

// What a notification is about: the message centre groups by it.
enum class NoticeKind { bill, payment, application, report, vault, other };
std::string_view to_string(NoticeKind kind); // "bill", ... as the vault keeps it

class Notifier {
public:
    virtual ~Notifier() = default;
    // Shown once, briefly, outside the window. Never put an ID number or phone in it.
    virtual void notify(const Message& title, const Message& body) = 0;
    // The same, saying what it is about; a notifier that keeps no messages just shows it.
    virtual void notify_about(NoticeKind kind, const Message& title, const Message& body) {
        (void)kind;
        notify(title, body);
    }
};

} // namespace cd::app
