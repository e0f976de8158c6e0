// app::Dispatcher for the running app: queues tasks on the wx main loop.
#pragma once

#include "app/dispatcher.h"

namespace cd::ui {

class WxDispatcher final : public app::Dispatcher {
public:
    void post(std::function<void()> task) override;
};

} // namespace cd::ui
