#include "catch.hpp"

#include "app/catalog_sync.h"
#include "linked_window.h"
#include "ui/search_bar.h"
#include "ui/service_window.h"

#include <wx/checklst.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <cstdlib>

using cd::app::ConnectionState;
using cd::test::LinkedWindow;
using cd::test::wait_until;

namespace {

wxWindow* find_service_guide() {
    for (wxWindow* w : wxTopLevelWindows) {
        if (w->GetName() == "service-guide" && w->IsShown()) {
            return w;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("typing pinyin into the search box lists services, and Enter opens the guide", "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1); // first-run dialogs would block the test
    LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.reaches(ConnectionState::online));
    REQUIRE(window.create_vault());
    cd::app::CatalogSync* sync = window.context().catalog_sync;
    REQUIRE(sync != nullptr);
    REQUIRE(wait_until([&] { return sync->index() != nullptr; }, std::chrono::seconds(60)));
    WARN("search index of " << sync->status().services << " services built in "
                            << sync->last_index_build().count() << " ms (debug build)");

    wxWindow* bar = window.frame->search_bar();
    REQUIRE(bar != nullptr);
    wxTextCtrl* box = cd::ui::search_box(bar);
    REQUIRE(box != nullptr);
    box->SetFocus();
    REQUIRE(wait_until([&] { return box->HasFocus(); }));

    wxUIActionSimulator sim;
    sim.Text("shebao");
    REQUIRE(wait_until([&] { return box->GetValue() == "shebao"; }));
    REQUIRE(wait_until([&] { return cd::ui::search_result_count(bar) > 0; }));
    CHECK(cd::ui::search_result_count(bar) <= 30);

    sim.Char(WXK_DOWN);
    sim.Char(WXK_UP);
    sim.Char(WXK_RETURN);
    wxWindow* guide = nullptr;
    REQUIRE(wait_until([&] { return (guide = find_service_guide()) != nullptr; },
                       std::chrono::seconds(10)));
    wxCheckListBox* documents = cd::ui::service_documents(guide);
    REQUIRE(documents != nullptr);
    REQUIRE(wait_until([&] { return documents->GetCount() > 0; }, std::chrono::seconds(20)));
    CHECK(documents->IsShown());
    CHECK(cd::ui::search_result_count(bar) == 0); // the list closed when the guide opened
    guide->Close(true);
    REQUIRE(wait_until([] { return find_service_guide() == nullptr; }));
}

TEST_CASE("a catalog message below the search box leaves the box its width", "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1);
    cd::app::StartupPlan unreachable;
    unreachable.platform = cd::app::StartupPlan::Platform::url;
    unreachable.platform_url = "http://127.0.0.1:1"; // nothing listens: the catalog is offline
    LinkedWindow window(unreachable);
    window.frame->SetSize(window.frame->FromDIP(wxSize(640, 600)));
    wxWindow* bar = window.frame->search_bar();
    REQUIRE(bar != nullptr);
    wxTextCtrl* box = cd::ui::search_box(bar);
    wxStaticText* status = cd::ui::catalog_status_label(bar);
    REQUIRE(status != nullptr);
    REQUIRE(wait_until([&] { return status->IsShown() && status->GetLabel().Contains("Offline"); },
                       std::chrono::seconds(60)));
    const auto laid_out = [&] {
        return box->GetSize().x >= box->FromDIP(320) &&
               status->GetRect().GetRight() <= bar->GetClientSize().x &&
               status->GetRect().GetTop() >= box->GetRect().GetBottom();
    };
    wait_until(laid_out, std::chrono::seconds(5)); // the relayout the message queued

    INFO("box " << box->GetSize().x << " px of a " << bar->GetClientSize().x << " px bar");
    CHECK(box->GetSize().x >= box->FromDIP(320));
    // The whole message is inside the bar, below the box.
    CHECK(status->GetRect().GetRight() <= bar->GetClientSize().x);
    CHECK(status->GetRect().GetTop() >= box->GetRect().GetBottom());
}
