#include "ui/support_dialog.h"

#include "core/path_text.h"
#include "ui/message_text.h"

#include <wx/button.h>
#include <wx/clipbrd.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cd::ui {

SupportDialog::SupportDialog(wxWindow* parent, app::Dispatcher& ui, app::TaskRunner& worker,
                             app::SupportReportPresenter::Inputs inputs)
    : wxDialog(parent, wxID_ANY, _("Support Information"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      presenter_(*this, ui, worker, std::move(inputs)) {
    status_ = new wxStaticText(this, wxID_ANY,
                               _("This is everything the report contains. Nothing is sent "
                                 "anywhere: save it and give it to support if they ask."));
    text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(720, 420)),
                           wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    text_->SetFont(wxFont(wxFontInfo().Family(wxFONTFAMILY_TELETYPE)));
    save_ = new wxButton(this, wxID_SAVE, _("&Save As..."));
    copy_ = new wxButton(this, wxID_COPY, _("&Copy"));
    save_->Disable();
    copy_->Disable();

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(save_);
    buttons->AddSpacer(FromDIP(8));
    buttons->Add(copy_);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE, _("&Close")));
    SetEscapeId(wxID_CLOSE);

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(status_, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    column->Add(text_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    column->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    SetSizerAndFit(column);

    save_->Bind(wxEVT_BUTTON, &SupportDialog::on_save, this);
    copy_->Bind(wxEVT_BUTTON, &SupportDialog::on_copy, this);
    presenter_.open();
}

void SupportDialog::show_busy(const Message& what) {
    status_->SetLabel(tr(what));
}

void SupportDialog::show_report(const std::string& text) {
    text_->ChangeValue(from_utf8(text));
    status_->SetLabel(_("This is everything the report contains. Nothing is sent anywhere: save "
                        "it and give it to support if they ask."));
    save_->Enable();
    copy_->Enable();
}

void SupportDialog::show_saved(const Message& where) {
    status_->SetLabel(tr(where));
}

void SupportDialog::show_problem(const Message& problem) {
    status_->SetLabel(tr(problem));
    wxMessageBox(tr(problem), _("Support Information"), wxOK | wxICON_WARNING, this);
}

wxString SupportDialog::report_text() const {
    return text_->GetValue();
}
wxString SupportDialog::status_text() const {
    return status_->GetLabel();
}

void SupportDialog::on_save(wxCommandEvent&) {
    wxFileDialog chooser(this, _("Save the support information"), wxString(),
                         from_utf8(app::SupportReportPresenter::suggested_file_name(
                             std::chrono::system_clock::now())),
                         _("Text files (*.txt)|*.txt"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (chooser.ShowModal() == wxID_OK) {
        presenter_.save_to(path_from_utf8(chooser.GetPath().utf8_string()));
    }
}

void SupportDialog::on_copy(wxCommandEvent&) {
    wxClipboardLocker lock;
    if (!!lock) {
        wxTheClipboard->SetData(new wxTextDataObject(text_->GetValue()));
        status_->SetLabel(_("Copied to the clipboard."));
    }
}

} // namespace cd::ui
