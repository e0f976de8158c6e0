// Starts wxWidgets (GTK) once per test process, on first use, so that listing the tests needs
// no display; and helpers to let the toolkit process events while a test waits for a result.
#pragma once

#include <wx/string.h>

#include <chrono>
#include <functional>
#include <vector>

namespace cd::test {

// True when wx is up; false when there is no display (the caller FAILs with that reason).
bool start_wx();

// Processes toolkit events until pred() holds or the limit passes; returns pred().
// The limit only bounds a wait for events, it asserts nothing about speed.
bool wait_until(const std::function<bool()>& pred,
                std::chrono::milliseconds limit = std::chrono::milliseconds(5000));
void pump_events(std::chrono::milliseconds duration);

// Collects every warning and error wx logs while it lives.
class LoggedProblems {
public:
    LoggedProblems();
    ~LoggedProblems();
    const std::vector<wxString>& problems() const;
};

} // namespace cd::test
