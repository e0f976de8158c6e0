// app::ReconnectTimer on a one-shot wxTimer: the connection monitor's next attempt, on the UI
// thread.
#pragma once

#include "app/reconnect_backoff.h"

#include <wx/timer.h>

#include <functional>

namespace cd::ui {

class WxReconnectTimer final : public wxTimer, public app::ReconnectTimer {
public:
    void start(std::chrono::milliseconds delay, std::function<void()> fire) override {
        fire_ = std::move(fire);
        StartOnce(static_cast<int>(delay.count()));
    }
    void stop() override {
        Stop();
        fire_ = nullptr;
    }
    void Notify() override {
        auto fire = std::move(fire_);
        fire_ = nullptr;
        if (fire) {
            fire();
        }
    }

private:
    std::function<void()> fire_;
};

} // namespace cd::ui
