#include "ui/receipt_view.h"

#include "core/path_text.h"
#include "ui/message_text.h"
#include "ui/receipt_pdf.h"

#include <wx/button.h>
#include <wx/dc.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/print.h>
#include <wx/printdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cd::ui {

std::string translate_utf8(const Message& message) {
    return tr(message).utf8_string();
}

namespace {

// Draws the receipt's lines on one page, in the window's font scaled to the page.
class ReceiptPrintout final : public wxPrintout {
public:
    ReceiptPrintout(const wxString& title, wxString text, wxFont font)
        : wxPrintout(title), text_(std::move(text)), font_(std::move(font)) {}

    bool HasPage(int page) override { return page == 1; }
    void GetPageInfo(int* min_page, int* max_page, int* from, int* to) override {
        *min_page = *max_page = *from = *to = 1;
    }
    bool OnPrintPage(int) override {
        wxDC* dc = GetDC();
        if (!dc) {
            return false;
        }
        FitThisSizeToPageMargins(wxSize(600, 800), wxPageSetupDialogData());
        draw_receipt_lines(*dc, text_, font_, 40, 40);
        return true;
    }

private:
    wxString text_;
    wxFont font_;
};

} // namespace

ReceiptView::ReceiptView(wxWindow* parent, app::AppContext& context, app::ReceiptDocument receipt)
    : wxDialog(parent, wxID_ANY, _("Payment receipt"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "receipt"),
      context_(context), receipt_(std::move(receipt)) {
    text_ =
        new wxTextCtrl(this, wxID_ANY, from_utf8(app::receipt_plain_text(receipt_, translate_utf8)),
                       wxDefaultPosition, FromDIP(wxSize(460, 280)),
                       wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    auto* print = new wxButton(this, wxID_PRINT, _("&Print..."));
    auto* preview = new wxButton(this, wxID_PREVIEW, _("Print pre&view"));
    auto* save = new wxButton(this, wxID_SAVEAS, _("&Save as..."));
    auto* close = new wxButton(this, wxID_CLOSE, _("&Close"));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    for (auto* b : {print, preview, save}) {
        buttons->Add(b, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    }
    buttons->AddStretchSpacer();
    buttons->Add(close);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(text_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    column->Add(status_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    column->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    SetSizerAndFit(column);
    SetEscapeId(wxID_CLOSE);
    print->Bind(wxEVT_BUTTON, &ReceiptView::on_print, this);
    preview->Bind(wxEVT_BUTTON, &ReceiptView::on_preview, this);
    save->Bind(wxEVT_BUTTON, &ReceiptView::on_save, this);
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (IsModal()) {
            EndModal(wxID_CLOSE);
        } else {
            Destroy();
        }
    });
}

wxString ReceiptView::text() const {
    return text_->GetValue();
}

wxString ReceiptView::status() const {
    return status_->GetLabel();
}

void ReceiptView::on_print(wxCommandEvent&) {
    wxPrintDialogData data;
    wxPrinter printer(&data);
    ReceiptPrintout printout(_("Payment receipt"), text(), text_->GetFont());
    if (!printer.Print(this, &printout, true) && wxPrinter::GetLastError() == wxPRINTER_ERROR) {
        status_->SetLabel(_("The receipt could not be printed."));
    }
}

void ReceiptView::on_preview(wxCommandEvent&) {
    auto* preview =
        new wxPrintPreview(new ReceiptPrintout(_("Payment receipt"), text(), text_->GetFont()),
                           new ReceiptPrintout(_("Payment receipt"), text(), text_->GetFont()));
    if (!preview->IsOk()) {
        delete preview;
        status_->SetLabel(_("Print preview is not available."));
        return;
    }
    auto* frame = new wxPreviewFrame(preview, this, _("Payment receipt"));
    frame->Initialize();
    frame->Show();
}

void ReceiptView::on_save(wxCommandEvent&) {
    // PDF first where this build writes it: the form a citizen keeps and sends on.
    const bool pdf = receipt_pdf_supported();
    wxString kinds = _("Web page (*.html)|*.html|Text (*.txt)|*.txt");
    if (pdf) {
        kinds = _("PDF document (*.pdf)|*.pdf|") + kinds;
    }
    wxFileDialog dialog(this, _("Save the receipt"), wxString(),
                        from_utf8(app::receipt_file_name(receipt_, pdf ? "pdf" : "html")), kinds,
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) {
        return;
    }
    save_to(dialog.GetPath());
}

void ReceiptView::save_to(const wxString& path) {
    const wxString lower = path.Lower();
    std::string content;
    if (lower.EndsWith(".pdf")) {
        // Drawn in memory here (wx draws on the UI thread); only the writing goes to the worker.
        auto bytes = receipt_pdf(_("Payment receipt"), text(), text_->GetFont());
        if (!bytes) {
            status_->SetLabel(_("The receipt could not be saved as PDF. Print it and choose a "
                                "PDF printer instead."));
            return;
        }
        content = std::move(*bytes);
    } else if (lower.EndsWith(".html") || lower.EndsWith(".htm")) {
        content = app::receipt_html(receipt_, translate_utf8);
    } else {
        content = app::receipt_plain_text(receipt_, translate_utf8);
    }
    status_->SetLabel(_("Saving..."));
    app::save_text_file(context_.worker, context_.ui, path_from_utf8(path.utf8_string()),
                        std::move(content), lifetime_.guard([this, path](Status s) {
                            status_->SetLabel(s.ok() ? wxString::Format(_("Saved to %s"), path)
                                                     : tr(s.error().message_for_user()));
                        }));
}

} // namespace cd::ui
