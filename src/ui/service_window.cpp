#include "ui/service_window.h"

#include "app/service_guide_presenter.h"
#include "ui/application_windows.h"
#include "ui/message_text.h"
#include "ui/stations_panel.h"
#include "ui/text_wrap.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/timer.h>
#include <wx/utils.h>

namespace cd::ui {
namespace {

wxString document_text(const app::ChecklistItem& d) {
    wxString text = from_utf8(d.name);
    if (d.original && d.copies > 0) {
        text += " " + wxString::Format(wxPLURAL("(original and %d copy)",
                                                "(original and %d copies)", int(d.copies)),
                                       int(d.copies));
    } else if (d.original) {
        text += " " + _("(original)");
    } else if (d.copies > 0) {
        text += " " + wxString::Format(wxPLURAL("(%d copy)", "(%d copies)", int(d.copies)),
                                       int(d.copies));
    }
    return text;
}

class ServiceWindow final : public wxFrame, public app::ServiceGuideView {
public:
    ServiceWindow(wxWindow* parent, app::AppContext& context, const std::string& service_id)
        : wxFrame(parent, wxID_ANY, _("Service guide"), wxDefaultPosition, wxDefaultSize,
                  wxDEFAULT_FRAME_STYLE | wxFRAME_FLOAT_ON_PARENT),
          context_(context), id_(service_id), body_(new wxScrolledWindow(this, wxID_ANY)),
          title_(new wxStaticText(body_, wxID_ANY, wxString())),
          favourite_(new wxButton(body_, wxID_ANY, _("Add to &favourites"))),
          summary_(new wxStaticText(body_, wxID_ANY, wxString())),
          documents_label_(
              new wxStaticText(body_, wxID_ANY, _("Documents to bring (tick what you have):"))),
          documents_(new wxCheckListBox(body_, wxID_ANY)),
          facts_(new wxStaticText(body_, wxID_ANY, wxString())),
          steps_(new wxStaticText(body_, wxID_ANY, wxString())),
          halls_label_(new wxStaticText(body_, wxID_ANY, _("Service halls:"))),
          halls_(new wxListCtrl(body_, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxLC_REPORT | wxLC_SINGLE_SEL)),
          apply_(new wxButton(body_, wxID_ANY, _("&Apply online..."))),
          book_(new wxButton(body_, wxID_ANY, _("&Book a hall..."))),
          link_(new wxButton(body_, wxID_ANY, _("Open the service's &page"))),
          note_(new wxStaticText(body_, wxID_ANY, wxString())), minute_(this),
          presenter_(context, *this) {
        SetName("service-guide");
        documents_->SetName("guide-documents");
        SetSize(FromDIP(wxSize(720, 760)));
        // Lists never dictate the window's width: long lines scroll inside them.
        documents_->SetMinSize(FromDIP(wxSize(200, 90)));
        halls_->SetMinSize(FromDIP(wxSize(200, 110)));
        halls_->AppendColumn(_("Service hall"));
        // TRANSLATORS: column header: "Open now" or "Closed".
        halls_->AppendColumn(_("Now"));
        halls_->AppendColumn(_("Address"));
        halls_->AppendColumn(_("Opening hours"));
        halls_->AppendColumn(_("Phone"));
        wxFont big = title_->GetFont();
        big.MakeBold();
        big.SetFractionalPointSize(big.GetFractionalPointSize() * 1.3);
        title_->SetFont(big);
        const int gap = FromDIP(8);
        auto* head = new wxBoxSizer(wxHORIZONTAL);
        head->Add(title_, wxSizerFlags(1).Centre());
        head->Add(favourite_, wxSizerFlags().Centre());
        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        buttons->Add(apply_, wxSizerFlags().Border(wxRIGHT, gap));
        buttons->Add(book_, wxSizerFlags().Border(wxRIGHT, gap));
        buttons->Add(link_);
        auto* column = new wxBoxSizer(wxVERTICAL);
        column->Add(head, wxSizerFlags().Expand().Border(wxALL, gap));
        column->Add(note_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
        column->Add(summary_, wxSizerFlags().Border(wxALL, gap));
        column->Add(documents_label_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
        column->Add(documents_, wxSizerFlags().Expand().Border(wxALL, gap));
        column->Add(facts_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
        column->Add(steps_, wxSizerFlags().Border(wxALL, gap));
        column->Add(halls_label_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
        column->Add(halls_, wxSizerFlags().Expand().Border(wxALL, gap));
        column->Add(buttons, wxSizerFlags().Border(wxALL, gap));
        body_->SetSizer(column);
        body_->SetScrollRate(0, FromDIP(12));
        auto* outer = new wxBoxSizer(wxVERTICAL);
        outer->Add(body_, wxSizerFlags(1).Expand());
        SetSizer(outer);
        for (wxWindow* w :
             std::initializer_list<wxWindow*>{favourite_, documents_label_, documents_,
                                              halls_label_, halls_, apply_, book_, link_}) {
            w->Hide();
        }

        documents_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& e) {
            if (e.GetInt() >= 0) {
                presenter_.toggle_document(std::size_t(e.GetInt()));
            }
        });
        favourite_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_.toggle_favourite(); });
        apply_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_.apply_online(); });
        book_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            presenter_.book(int(halls_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED)));
        });
        link_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (!link_url_.empty()) {
                wxLaunchDefaultBrowser(from_utf8(link_url_));
            }
        });
        Bind(wxEVT_TIMER, [this](wxTimerEvent&) { presenter_.refresh_open_now(); });
        Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
            rewrap();
            e.Skip();
        });
        minute_.Start(60'000);
        presenter_.start(service_id);
    }

    const std::string& service_id() const { return id_; }
    wxCheckListBox* documents() const { return documents_; }

    void show_busy(bool busy) override {
        SetCursor(busy ? wxCursor(wxCURSOR_ARROWWAIT) : wxNullCursor);
        if (busy) {
            note_text_ = _("Loading the guide...");
            rewrap();
        }
    }

    void show_guide(const app::GuideModel& g) override {
        SetTitle(from_utf8(g.name));
        title_->SetLabel(from_utf8(g.name));
        note_text_ = g.kept_note.empty() ? wxString() : tr(g.kept_note);
        summary_text_ = from_utf8(g.summary);
        const bool government = !g.convenience;
        documents_label_->Show(government);
        documents_->Show(government);
        show_checklist(g.documents);

        wxString facts;
        if (government) {
            if (g.fees.empty()) {
                facts += _("Fees: free of charge");
            } else {
                facts += _("Fees:");
                for (const auto& f : g.fees) {
                    facts += "\n    " + from_utf8(f.item) + "  " + yuan(f.amount);
                }
            }
            if (g.legal_days > 0) {
                facts += "\n" + wxString::Format(wxPLURAL("Legal time limit: %d working day",
                                                          "Legal time limit: %d working days",
                                                          int(g.legal_days)),
                                                 int(g.legal_days));
            }
            if (g.promised_days > 0) {
                facts += "\n" + wxString::Format(wxPLURAL("Promised time limit: %d working day",
                                                          "Promised time limit: %d working days",
                                                          int(g.promised_days)),
                                                 int(g.promised_days));
            }
            facts += "\n" + (g.online ? _("Can be done online.")
                                      : _("Cannot be done online: visit a service hall."));
        } else {
            if (!g.address.empty()) {
                facts += wxString::Format(_("Address: %s"), from_utf8(g.address));
            }
            if (!g.phone.empty()) {
                facts += (facts.empty() ? "" : "\n") +
                         wxString::Format(_("Phone: %s"), from_utf8(g.phone));
            }
        }
        facts_text_ = facts;
        wxString steps;
        if (!g.steps.empty()) {
            steps = _("Steps:");
            int n = 1;
            for (const auto& s : g.steps) {
                steps += wxString::Format("\n%d. ", n++) + from_utf8(s.name);
                if (!s.description.empty()) {
                    steps += ": " + from_utf8(s.description);
                }
            }
        }
        steps_text_ = steps;

        const long selected = halls_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        halls_->DeleteAllItems();
        long at = 0;
        for (const auto& h : g.halls) {
            const long i = halls_->InsertItem(at++, from_utf8(h.name));
            halls_->SetItem(i, 1, h.open_now ? _("Open now") : _("Closed"));
            halls_->SetItem(i, 2, from_utf8(h.address));
            halls_->SetItem(i, 3, hours_text(h.hours));
            halls_->SetItem(i, 4, from_utf8(h.phone));
        }
        for (int c = 0; c < halls_->GetColumnCount(); ++c) {
            halls_->SetColumnWidth(c,
                                   g.halls.empty() ? wxLIST_AUTOSIZE_USEHEADER : wxLIST_AUTOSIZE);
        }
        if (selected >= 0 && selected < halls_->GetItemCount()) {
            halls_->SetItemState(selected, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        }
        halls_label_->Show(!g.halls.empty());
        halls_->Show(!g.halls.empty());
        apply_->Show(g.online);
        book_->Show(g.bookable);
        link_url_ = g.link;
        link_->Show(g.convenience && !g.link.empty());
        favourite_->Show(true);
        show_favourite(g.favourite);
        rewrap();
    }

    void show_checklist(const std::vector<app::ChecklistItem>& documents) override {
        if (documents_->GetCount() != documents.size()) {
            documents_->Clear();
            for (const auto& d : documents) {
                documents_->Append(document_text(d));
            }
        }
        for (unsigned i = 0; i < documents.size(); ++i) {
            documents_->Check(i, documents[i].ticked);
        }
    }

    void show_favourite(bool favourite) override {
        favourite_->SetLabel(favourite ? _("Remove from &favourites") : _("Add to &favourites"));
        body_->Layout();
    }

    void show_error(const Message& message) override {
        note_text_ = tr(message);
        rewrap();
    }

    void apply_online(const std::string& service_id) override {
        open_application_form(this, context_, service_id);
    }

    void book(const std::string& service_id, const std::string& hall_id) override {
        open_booking(this, context_, service_id, hall_id);
    }

private:
    void rewrap() {
        const int width = std::max(GetClientSize().x - FromDIP(40), FromDIP(240));
        summary_->SetLabel(wrap_to_width(*summary_, summary_text_, width));
        facts_->SetLabel(wrap_to_width(*facts_, facts_text_, width));
        steps_->SetLabel(wrap_to_width(*steps_, steps_text_, width));
        note_->SetLabel(wrap_to_width(*note_, note_text_, width));
        body_->FitInside();
        body_->Layout();
    }

    app::AppContext& context_;
    std::string id_;
    wxScrolledWindow* body_;
    wxStaticText* title_;
    wxButton* favourite_;
    wxStaticText* summary_;
    wxStaticText* documents_label_;
    wxCheckListBox* documents_;
    wxStaticText* facts_;
    wxStaticText* steps_;
    wxStaticText* halls_label_;
    wxListCtrl* halls_;
    wxButton* apply_;
    wxButton* book_;
    wxButton* link_;
    wxStaticText* note_;
    wxString summary_text_, facts_text_, steps_text_, note_text_;
    std::string link_url_;
    wxTimer minute_;
    app::ServiceGuidePresenter presenter_; // last
};

} // namespace

wxFrame* open_service_window(wxWindow* parent, app::AppContext& context,
                             const std::string& service_id) {
    for (wxWindow* w : wxTopLevelWindows) {
        if (auto* open = dynamic_cast<ServiceWindow*>(w);
            open && open->service_id() == service_id) {
            open->Raise();
            return open;
        }
    }
    auto* window = new ServiceWindow(parent, context, service_id);
    window->Show();
    return window;
}

wxCheckListBox* service_documents(wxWindow* service_window) {
    auto* window = dynamic_cast<ServiceWindow*>(service_window);
    return window != nullptr ? window->documents() : nullptr;
}

} // namespace cd::ui
