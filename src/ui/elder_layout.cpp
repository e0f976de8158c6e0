#include "ui/elder_layout.h"

#include "app/elder_mode.h"
#include "app/public_feed_presenter.h"
#include "ui/message_text.h"

#include <wx/anybutton.h>
#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

#include <algorithm>

namespace cd::ui {

void enlarge_click_targets(wxWindow* root, bool on) {
    const wxSize target =
        root->FromDIP(wxSize(app::elder::min_target_px, app::elder::min_target_px));
    if (auto* button = dynamic_cast<wxAnyButton*>(root)) {
        const wxSize min = button->GetMinSize();
        if (on) {
            button->SetMinSize(wxSize(std::max(min.x, target.x), std::max(min.y, target.y)));
        } else if (min == target) { // ours: a size of its own is left as it is
            button->SetMinSize(wxDefaultSize);
        }
    }
    for (wxWindow* child : root->GetChildren()) {
        if (!child->IsTopLevel()) {
            enlarge_click_targets(child, on);
        }
    }
}

wxString hotline_number(const app::AppContext* context) {
    if (context != nullptr) {
        if (auto hotline = app::city_hotline(context->data, context->chinese)) {
            return from_utf8(hotline->number);
        }
    }
    return "12345";
}

wxWindow* create_hotline_button(wxWindow* parent, const app::AppContext* context) {
    auto* button =
        new wxButton(parent, wxID_ANY, wxString::Format(_("Hotline %s"), hotline_number(context)),
                     wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "elder-hotline");
    button->SetToolTip(_("Call the city's citizen service hotline"));
    button->Bind(wxEVT_BUTTON, [button, context](wxCommandEvent&) {
        const wxString number = hotline_number(context);
        // A desktop often has no dialler: the number is always said in words as well.
        wxLaunchDefaultBrowser("tel:" + number, wxBROWSER_NOBUSYCURSOR);
        wxMessageBox(wxString::Format(_("Call the city's citizen service hotline on %s. It "
                                        "answers questions and takes complaints about any "
                                        "city service."),
                                      number),
                     _("Hotline"), wxOK | wxICON_INFORMATION, wxGetTopLevelParent(button));
    });
    return button;
}

} // namespace cd::ui
