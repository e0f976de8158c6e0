// A payment receipt on screen, printable (print dialog and print preview) and savable as PDF
// (where receipt_pdf.h can), HTML or plain text (the file is written on the worker thread).
// Renders app::ReceiptDocument.
#pragma once

#include "app/app_context.h"
#include "app/receipt_text.h"

#include <wx/dialog.h>

class wxTextCtrl;
class wxStaticText;

namespace cd::ui {

class ReceiptView final : public wxDialog {
public:
    ReceiptView(wxWindow* parent, app::AppContext& context, app::ReceiptDocument receipt);

    // The receipt as plain text in the display language (what is shown and printed).
    wxString text() const;
    // Writes the receipt (PDF for .pdf, HTML for .htm/.html, else text) off the UI thread.
    void save_to(const wxString& path);
    wxString status() const;

private:
    void on_print(wxCommandEvent& event);
    void on_preview(wxCommandEvent& event);
    void on_save(wxCommandEvent& event);

    app::AppContext& context_;
    app::ReceiptDocument receipt_;
    wxTextCtrl* text_ = nullptr;
    wxStaticText* status_ = nullptr;
    app::Lifetime lifetime_;
};

// Translates a message with the active catalog, as UTF-8 (for app::Translate).
std::string translate_utf8(const Message& message);

} // namespace cd::ui
