#include "ui/application_form_dialog.h"

#include "ui/message_text.h"
#include "ui/theme.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cd::ui {
namespace {

constexpr int draft_delay_ms = 1500;

wxString size_text(std::int64_t bytes) {
    if (bytes < 1024) {
        return wxString::Format(_("%lld bytes"), static_cast<long long>(bytes));
    }
    return wxString::Format(_("%.1f KB"), static_cast<double>(bytes) / 1024.0);
}

} // namespace

ApplicationFormDialog::ApplicationFormDialog(wxWindow* parent, app::AppContext& context,
                                             const std::string& service_id,
                                             const store::OutboxItem* resume)
    : wxDialog(parent, wxID_ANY, _("Apply online"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "application-form"),
      service_id_(service_id), draft_timer_(this), presenter_(context, *this, service_id) {
    title_ = new wxStaticText(this, wxID_ANY, _("Loading the form..."));
    body_ = new wxScrolledWindow(this, wxID_ANY);
    body_->SetScrollRate(0, FromDIP(10));
    body_->SetSizer(new wxBoxSizer(wxVERTICAL));
    consent_ = new wxCheckBox(this, wxID_ANY,
                              _("Fill in from my profile (name, ID number, "
                                "phone and address)"));
    consent_->Disable();
    attachments_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 70)));
    add_file_ = new wxButton(this, wxID_ANY, _("Add a &file..."));
    remove_file_ = new wxButton(this, wxID_ANY, _("&Remove"));
    add_file_->Disable();
    remove_file_->Disable();
    note_ = new wxStaticText(this, wxID_ANY, wxString());
    submit_ = new wxButton(this, wxID_OK, _("&Submit"));
    submit_->Disable();
    auto* close = new wxButton(this, wxID_CANCEL, _("&Close"));

    const int gap = FromDIP(8);
    auto* files = new wxBoxSizer(wxHORIZONTAL);
    files->Add(attachments_, wxSizerFlags(1).Expand());
    auto* file_buttons = new wxBoxSizer(wxVERTICAL);
    file_buttons->Add(add_file_, wxSizerFlags().Expand());
    file_buttons->Add(remove_file_, wxSizerFlags().Expand().Border(wxTOP, gap / 2));
    files->Add(file_buttons, wxSizerFlags().Border(wxLEFT, gap));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(submit_);
    buttons->Add(close, wxSizerFlags().Border(wxLEFT, gap));
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(title_, wxSizerFlags().Border(wxALL, gap));
    column->Add(consent_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(body_, wxSizerFlags(1).Expand().Border(wxALL, gap));
    column->Add(new wxStaticText(this, wxID_ANY, _("Attachments (PDF, JPEG or PNG):")),
                wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(files, wxSizerFlags().Expand().Border(wxALL, gap));
    column->Add(note_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    column->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));
    SetSizer(column);
    SetSize(FromDIP(wxSize(560, 680)));

    consent_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        if (consent_->IsChecked()) {
            consent_->Disable(); // consent given once for this form
            presenter_.consent_to_prefill();
        }
    });
    add_file_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog pick(this, _("Choose a file to attach"), wxString(), wxString(),
                          _("Documents (*.pdf;*.jpg;*.jpeg;*.png)|*.pdf;*.jpg;*.jpeg;*.png|"
                            "All files|*"),
                          wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (pick.ShowModal() == wxID_OK) {
            presenter_.add_attachment(pick.GetPath().utf8_string());
        }
    });
    remove_file_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (attachments_->GetSelection() != wxNOT_FOUND) {
            presenter_.remove_attachment(std::size_t(attachments_->GetSelection()));
        }
    });
    submit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        presenter_.flush_draft();
        presenter_.submit();
    });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { presenter_.flush_draft(); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
        draft_timer_.Stop();
        presenter_.flush_draft();
        Destroy();
    });
    if (resume != nullptr) {
        presenter_.resume(*resume);
    }
    presenter_.start();
}

void ApplicationFormDialog::show_busy(bool busy) {
    SetCursor(busy ? wxCursor(wxCURSOR_ARROWWAIT) : wxNullCursor);
    if (!submitted_) {
        submit_->Enable(!busy && !fields_.empty());
    }
}

void ApplicationFormDialog::show_form(const std::string& service_name,
                                      const std::vector<app::FormFieldRow>& fields,
                                      bool attachments_allowed) {
    title_->SetLabel(from_utf8(service_name));
    auto* sizer = body_->GetSizer();
    const int gap = FromDIP(6);
    for (const auto& row : fields) {
        FieldControls f;
        f.row = row;
        wxString label = from_utf8(row.label);
        if (row.required) {
            label += " *";
        }
        sizer->Add(new wxStaticText(body_, wxID_ANY, label), wxSizerFlags().Border(wxTOP, gap));
        switch (row.kind) {
        case app::FieldKind::choice: {
            auto* choice = new wxChoice(body_, wxID_ANY);
            for (const auto& [value, text] : row.options) {
                choice->Append(from_utf8(text));
            }
            choice->Bind(wxEVT_CHOICE, [this, name = row.name](wxCommandEvent&) { changed(name); });
            f.input = choice;
            break;
        }
        case app::FieldKind::multi_choice: {
            auto* list = new wxCheckListBox(body_, wxID_ANY);
            for (const auto& [value, text] : row.options) {
                list->Append(from_utf8(text));
            }
            list->Bind(wxEVT_CHECKLISTBOX,
                       [this, name = row.name](wxCommandEvent&) { changed(name); });
            f.input = list;
            break;
        }
        default: {
            const long style = row.kind == app::FieldKind::textarea ? wxTE_MULTILINE : 0;
            auto* text = new wxTextCtrl(
                body_, wxID_ANY, wxString(), wxDefaultPosition,
                row.kind == app::FieldKind::textarea ? FromDIP(wxSize(-1, 60)) : wxDefaultSize,
                style);
            if (row.kind == app::FieldKind::date) {
                text->SetHint(_("YYYY-MM-DD"));
            }
            text->Bind(wxEVT_TEXT, [this, name = row.name](wxCommandEvent&) { changed(name); });
            f.input = text;
            break;
        }
        }
        f.input->SetName(from_utf8(row.name));
        sizer->Add(f.input, wxSizerFlags().Expand());
        f.problem = new wxStaticText(body_, wxID_ANY, wxString());
        f.problem->SetForegroundColour(to_wx(current_palette().error));
        sizer->Add(f.problem, wxSizerFlags().Expand());
        fields_[row.name] = f;
    }
    body_->FitInside();
    consent_->Enable();
    add_file_->Enable(attachments_allowed);
    remove_file_->Enable(attachments_allowed);
    submit_->Enable();
    Layout();
}

std::string ApplicationFormDialog::value_of(const FieldControls& f) const {
    if (auto* choice = dynamic_cast<wxChoice*>(f.input)) {
        const int i = choice->GetSelection();
        return i >= 0 && std::size_t(i) < f.row.options.size() ? f.row.options[std::size_t(i)].first
                                                               : std::string();
    }
    if (auto* list = dynamic_cast<wxCheckListBox*>(f.input)) {
        std::string value;
        for (unsigned i = 0; i < list->GetCount() && i < f.row.options.size(); ++i) {
            if (list->IsChecked(i)) {
                value += (value.empty() ? "" : "\n") + f.row.options[i].first;
            }
        }
        return value;
    }
    if (auto* text = dynamic_cast<wxTextCtrl*>(f.input)) {
        return text->GetValue().utf8_string();
    }
    return {};
}

void ApplicationFormDialog::changed(const std::string& field) {
    if (filling_) {
        return;
    }
    auto it = fields_.find(field);
    if (it == fields_.end()) {
        return;
    }
    presenter_.set_value(field, value_of(it->second));
    draft_timer_.StartOnce(draft_delay_ms); // restarted by every keystroke: a debounce
}

void ApplicationFormDialog::show_value(const std::string& field, const std::string& value) {
    auto it = fields_.find(field);
    if (it == fields_.end()) {
        return;
    }
    filling_ = true;
    const auto& f = it->second;
    if (auto* choice = dynamic_cast<wxChoice*>(f.input)) {
        for (std::size_t i = 0; i < f.row.options.size(); ++i) {
            if (f.row.options[i].first == value) {
                choice->SetSelection(int(i));
            }
        }
    } else if (auto* list = dynamic_cast<wxCheckListBox*>(f.input)) {
        for (std::size_t i = 0; i < f.row.options.size(); ++i) {
            const auto& v = f.row.options[i].first;
            list->Check(unsigned(i),
                        ("\n" + value + "\n").find("\n" + v + "\n") != std::string::npos);
        }
    } else if (auto* text = dynamic_cast<wxTextCtrl*>(f.input)) {
        text->ChangeValue(from_utf8(value));
    }
    filling_ = false;
}

void ApplicationFormDialog::show_field_problem(const std::string& field, const Message& problem) {
    auto it = fields_.find(field);
    if (it != fields_.end()) {
        it->second.problem->SetLabel(tr(problem));
        it->second.problem->Wrap(body_->GetClientSize().x - FromDIP(16));
        body_->FitInside();
        body_->Layout();
    }
}

void ApplicationFormDialog::show_attachments(const std::vector<app::AttachmentRow>& attachments) {
    attachments_->Clear();
    for (const auto& a : attachments) {
        attachments_->Append(from_utf8(a.filename) + " (" + size_text(a.size) + ")");
    }
}

bool ApplicationFormDialog::confirm_replace(const std::vector<std::string>& field_labels) {
    wxString fields;
    for (const auto& label : field_labels) {
        fields << "\n  - " << from_utf8(label);
    }
    wxMessageDialog ask(this,
                        _("You have already typed something in these fields. Replace it with "
                          "the details from your profile?") +
                            fields,
                        _("Fill in from my profile"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&Replace"), _("&Keep what I typed"));
    return ask.ShowModal() == wxID_YES;
}

void ApplicationFormDialog::show_note(const Message& note) {
    note_->SetLabel(tr(note));
    note_->Wrap(GetClientSize().x - FromDIP(16));
    Layout();
}

void ApplicationFormDialog::show_submitted(const Message& outcome) {
    submitted_ = true;
    draft_timer_.Stop();
    body_->Disable();
    consent_->Disable();
    add_file_->Disable();
    remove_file_->Disable();
    submit_->Disable();
    show_note(outcome);
}

void ApplicationFormDialog::enter(const std::string& field, const wxString& value) {
    auto it = fields_.find(field);
    if (it == fields_.end()) {
        return;
    }
    if (auto* choice = dynamic_cast<wxChoice*>(it->second.input)) {
        for (std::size_t i = 0; i < it->second.row.options.size(); ++i) {
            if (from_utf8(it->second.row.options[i].first) == value) {
                choice->SetSelection(int(i));
            }
        }
        changed(field);
    } else if (auto* text = dynamic_cast<wxTextCtrl*>(it->second.input)) {
        text->SetValue(value); // sends wxEVT_TEXT, as typing does
    }
}

wxString ApplicationFormDialog::problem_text(const std::string& field) const {
    auto it = fields_.find(field);
    return it == fields_.end() ? wxString() : it->second.problem->GetLabel();
}

wxString ApplicationFormDialog::note_text() const {
    return note_->GetLabel();
}

} // namespace cd::ui
