// Desktop notifications (a status change of an application, a reply to a report, a bill due
// soon). The ui implements it with the toolkit's notification; tests record what was sent.
#pragma once

#include "core/message.h"

namespace cd::app {

class Notifier {
public:
    virtual ~Notifier() = default;
    // Shown once, briefly, outside the window. Never put an ID number or phone in it.
    virtual void notify(const Message& title, const Message& body) = 0;
};

} // namespace cd::app
