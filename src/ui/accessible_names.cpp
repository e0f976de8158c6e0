#include "ui/accessible_names.h"

#include <wx/stattext.h>
#include <wx/window.h>

#if defined(__WXGTK__)
#include <gtk/gtk.h>
#endif

namespace cd::ui {

wxStaticText* label_for(wxWindow* field, const wxString& text) {
    auto* label = new wxStaticText(field->GetParent(), wxID_ANY, text);
    label->MoveBeforeInTabOrder(field);
    return label;
}

const wxStaticText* label_of(const wxWindow* field) {
    const wxWindow* parent = field->GetParent();
    if (parent == nullptr) {
        return nullptr;
    }
    const wxStaticText* label = nullptr;
    for (const wxWindow* sibling : parent->GetChildren()) {
        if (sibling == field) {
            return label;
        }
        if (auto* text = dynamic_cast<const wxStaticText*>(sibling)) {
            label = text;
        } else if (sibling->AcceptsFocusFromKeyboard()) {
            label = nullptr; // the text before went to this control
        }
    }
    return nullptr;
}

#if defined(__WXGTK__)

void set_accessible_text(wxWindow* window, const wxString& name, const wxString& description) {
    AtkObject* accessible = gtk_widget_get_accessible(window->GetHandle());
    if (accessible != nullptr) {
        atk_object_set_name(accessible, name.utf8_str());
        atk_object_set_description(accessible, description.utf8_str());
    }
}

wxString accessible_name(wxWindow* window) {
    AtkObject* accessible = gtk_widget_get_accessible(window->GetHandle());
    const char* name = accessible != nullptr ? atk_object_get_name(accessible) : nullptr;
    return name != nullptr ? wxString::FromUTF8(name) : wxString();
}

wxString accessible_description(wxWindow* window) {
    AtkObject* accessible = gtk_widget_get_accessible(window->GetHandle());
    const char* text = accessible != nullptr ? atk_object_get_description(accessible) : nullptr;
    return text != nullptr ? wxString::FromUTF8(text) : wxString();
}

#else

// TODO(a11y): Windows and macOS, through wxAccessible (MSW) and NSAccessibility; until then the
// tooltip carries the description and the window's label the name.
void set_accessible_text(wxWindow* window, const wxString& name, const wxString& description) {
    window->SetLabel(name);
    window->SetToolTip(description);
}

wxString accessible_name(wxWindow* window) {
    return window->GetLabel();
}

wxString accessible_description(wxWindow* window) {
    return window->GetToolTipText();
}

#endif

} // namespace cd::ui
