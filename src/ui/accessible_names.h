// What a screen reader says for a control. A field's visible label is tied to the field, for
// screen readers and for the label's mnemonic.
// GTK names a field after the last static text before it among its siblings in wxWidgets' tab
// order (wx makes that text the field's mnemonic label, and ATK reads its "labelled by" from
// there), so a label created after its field, or an intro paragraph just before it, would name
// it wrongly: the label is moved to just before the field.
#pragma once

#include <wx/string.h>

class wxStaticText;
class wxWindow;

namespace cd::ui {

wxStaticText* label_for(wxWindow* field, const wxString& text);

// The static text that names `field` the way GTK finds it (nullptr when none does): the last
// wxStaticText before the field among its siblings, with no other focusable control between.
const wxStaticText* label_of(const wxWindow* field);

// A name and a description for a control the app draws itself (a chart), whose pixels say
// nothing to a screen reader. GTK: set on the control's ATK object.
void set_accessible_text(wxWindow* window, const wxString& name, const wxString& description);
wxString accessible_name(wxWindow* window);
wxString accessible_description(wxWindow* window);

} // namespace cd::ui
