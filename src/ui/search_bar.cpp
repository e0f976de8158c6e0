#include "ui/search_bar.h"

#include "app/catalog_sync.h"
#include "app/list_navigation.h"
#include "app/search_presenter.h"
#include "ui/accessible_names.h"
#include "ui/message_text.h"
#include "ui/service_window.h"
#include "ui/text_wrap.h"
#include "ui/theme.h"

#include <wx/dc.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/vlbox.h>

#include <functional>
#include <vector>

namespace cd::ui {
namespace {

// One line of the list: a group's heading, or a result (index into the presenter's rows).
struct ListLine {
    app::Tab heading = app::Tab::government;
    const app::SearchRow* row = nullptr;
    int row_index = -1;
};

// Draws `text` at x with the matched byte ranges in bold and the highlight colour; returns
// the x after it.
int draw_marked(wxDC& dc, const std::string& text, const std::vector<TextRange>& ranges, int x,
                int y, const wxFont& font, const wxColour& normal, const wxColour& marked) {
    wxFont bold = font;
    bold.MakeBold();
    std::size_t at = 0;
    auto piece = [&](std::size_t from, std::size_t to, bool hit) {
        if (to <= from) {
            return;
        }
        const wxString s = from_utf8(text.substr(from, to - from));
        dc.SetFont(hit ? bold : font);
        dc.SetTextForeground(hit ? marked : normal);
        dc.DrawText(s, x, y);
        x += dc.GetTextExtent(s).x;
    };
    for (const TextRange& r : ranges) {
        const std::size_t b = std::min<std::size_t>(r.begin, text.size());
        const std::size_t e = std::min<std::size_t>(r.end, text.size());
        if (b < at) {
            continue;
        }
        piece(at, b, false);
        piece(b, e, true);
        at = e;
    }
    piece(at, text.size(), false);
    dc.SetFont(font);
    return x;
}

class ResultList final : public wxVListBox {
public:
    ResultList(wxWindow* parent, std::function<void(int)> on_pick)
        : wxVListBox(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_SIMPLE),
          on_pick_(std::move(on_pick)) {
        SetName("search-results");
        Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) { pick(e.GetSelection()); });
        Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) { on_key(e); });
    }

    // The arrow keys within the list step over the group headings; Enter opens the row.
    void on_key(wxKeyEvent& e) {
        const int code = e.GetKeyCode();
        const bool down = code == WXK_DOWN || code == WXK_NUMPAD_DOWN;
        const bool up = code == WXK_UP || code == WXK_NUMPAD_UP;
        if (code == WXK_RETURN || code == WXK_NUMPAD_ENTER) {
            pick(GetSelection());
            return;
        }
        if (!down && !up) {
            e.Skip();
            return;
        }
        std::vector<bool> headings;
        headings.reserve(lines_.size());
        for (const ListLine& line : lines_) {
            headings.push_back(line.row == nullptr);
        }
        if (const auto next = app::next_row_line(headings, GetSelection(), down ? +1 : -1)) {
            SetSelection(*next);
            // A group's first row shows its heading above it.
            const int from = *next > 0 && headings[std::size_t(*next - 1)] ? *next - 1 : *next;
            if (!IsVisible(std::size_t(from))) {
                ScrollToRow(std::size_t(from));
            }
        }
    }

    void show(const app::SearchModel& model) {
        lines_.clear();
        int index = 0;
        int selected_line = wxNOT_FOUND;
        for (const auto& group : model.groups) {
            lines_.push_back({group.tab, nullptr, -1});
            for (const auto& row : group.rows) {
                if (index == model.selected) {
                    selected_line = int(lines_.size());
                }
                lines_.push_back({group.tab, &row, index++});
            }
        }
        rows_ = index;
        SetItemCount(lines_.size());
        SetSelection(selected_line);
        if (selected_line == 1 || selected_line == wxNOT_FOUND) {
            ScrollToRow(0); // the first result: show its group's heading too
        } else if (!IsVisible(std::size_t(selected_line))) {
            ScrollToRow(std::size_t(selected_line));
        }
        Refresh();
    }
    std::size_t rows() const { return std::size_t(rows_); }
    // Tall enough for the lines, up to a dozen; more scroll.
    int wanted_height() const {
        const std::size_t lines =
            std::min<std::size_t>(std::max<std::size_t>(lines_.size(), 1), 12);
        return int(lines) * OnMeasureItem(0) + FromDIP(4);
    }

private:
    void pick(int line) {
        if (line >= 0 && std::size_t(line) < lines_.size() && lines_[std::size_t(line)].row) {
            on_pick_(lines_[std::size_t(line)].row_index);
        }
    }

    void OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const override {
        const ListLine& line = lines_[n];
        const wxFont font = GetFont();
        const int pad = FromDIP(6);
        const bool selected = IsSelected(n);
        const wxColour normal = wxSystemSettings::GetColour(selected ? wxSYS_COLOUR_HIGHLIGHTTEXT
                                                                     : wxSYS_COLOUR_LISTBOXTEXT);
        if (line.row == nullptr) {
            wxFont small = font;
            small.MakeBold();
            dc.SetFont(small);
            dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            dc.DrawText(tr(app::tab_title(line.heading)).Upper(), rect.x + pad, rect.y + pad / 2);
            return;
        }
        const wxColour marked = selected ? normal : to_wx(current_palette().mark);
        int x = draw_marked(dc, line.row->name, line.row->matched, rect.x + pad * 3, rect.y + 2,
                            font, normal, marked);
        const wxColour grey =
            selected ? normal : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
        if (!line.row->other_name.empty()) {
            x = draw_marked(dc, line.row->other_name, line.row->other_matched,
                            x + dc.GetTextExtent("  ").x, rect.y + 2, font, grey, marked);
        }
        if (!line.row->matched_term.empty()) {
            // Why a name without the query is listed: the keyword or life event, marked whole.
            const std::string& term = line.row->matched_term;
            const std::vector<TextRange> inside{{1, static_cast<std::uint32_t>(term.size() + 1)}};
            draw_marked(dc, "(" + term + ")", inside, x + dc.GetTextExtent("  ").x, rect.y + 2,
                        font, grey, marked);
        }
    }

    wxCoord OnMeasureItem(size_t) const override { return GetCharHeight() + FromDIP(6); }

    std::function<void(int)> on_pick_;
    std::vector<ListLine> lines_;
    int rows_ = 0;
};

class SearchBar final : public wxPanel, public app::SearchView, public app::CatalogSyncListener {
public:
    SearchBar(wxWindow* parent, app::AppContext& context)
        : wxPanel(parent, wxID_ANY), context_(context),
          box_(new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxTE_PROCESS_ENTER)),
          status_(new wxStaticText(this, wxID_ANY, wxString())),
          list_(new ResultList(this, [this](int row) { presenter_.activate_row(row); })),
          note_(new wxStaticText(this, wxID_ANY, wxString())),
          presenter_(context, *this, context.catalog_sync) {
        SetName("search-bar");
        box_->SetName("search-box");
        box_->SetHint(_("Search services: Chinese, pinyin (shebao), initials (sbk) or English"));
        status_->SetName("catalog-status");
        // Room for a whole query; a long catalog message goes on its own lines below instead
        // of squeezing the box to a few characters.
        box_->SetMinSize(wxSize(FromDIP(min_box_width), -1));
        list_->Hide();
        note_->Hide();
        status_->Hide();
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(label_for(box_, _("F&ind a service:")),
                 wxSizerFlags().Centre().Border(wxRIGHT, FromDIP(6)));
        row->Add(box_, wxSizerFlags(1).Centre());
        auto* column = new wxBoxSizer(wxVERTICAL);
        column->Add(row, wxSizerFlags().Expand());
        column->Add(status_, wxSizerFlags().Border(wxTOP, FromDIP(4)));
        column->Add(note_, wxSizerFlags().Border(wxTOP, FromDIP(4)));
        column->Add(list_, wxSizerFlags().Expand().Border(wxTOP, FromDIP(2)));
        SetSizer(column);

        box_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            const wxString text = box_->GetValue(); // utf8_str() may point into it
            const wxScopedCharBuffer utf8 = text.utf8_str();
            presenter_.set_query(std::string(utf8.data(), utf8.length()));
        });
        box_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { presenter_.activate(); });
        Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
            if (status_->IsShown() && GetClientSize().x != wrapped_at_) {
                wrap_status();
            }
            e.Skip();
        });
        box_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
            switch (e.GetKeyCode()) {
            case WXK_DOWN:
            case WXK_NUMPAD_DOWN:
                presenter_.move_selection(+1);
                break;
            case WXK_UP:
            case WXK_NUMPAD_UP:
                presenter_.move_selection(-1);
                break;
            case WXK_ESCAPE:
                presenter_.escape();
                break;
            default:
                e.Skip();
            }
        });
        if (context_.catalog_sync != nullptr) {
            context_.catalog_sync->add_listener(this);
            catalog_status_changed(context_.catalog_sync->status());
        }
    }

    ~SearchBar() override {
        if (context_.catalog_sync != nullptr) {
            context_.catalog_sync->remove_listener(this);
        }
    }

    wxTextCtrl* box() const { return box_; }
    std::size_t shown_rows() const { return list_->IsShown() ? list_->rows() : 0; }

    void show_search(const app::SearchModel& model) override {
        model_ = model; // the list draws from this copy
        list_->show(model_);
        const int height = list_->wanted_height();
        const bool resized = list_->GetMinSize().y != height;
        list_->SetMinSize(wxSize(-1, height));
        const bool list = model_.open && !model_.groups.empty();
        const bool note = model_.open && !model_.note.empty();
        note_->SetLabel(tr(model_.note));
        const bool changed = list != list_->IsShown() || note != note_->IsShown();
        list_->Show(list);
        note_->Show(note);
        if (changed || (resized && list)) {
            relayout();
        }
    }

    void open_service(const std::string& service_id) override {
        open_service_window(wxGetTopLevelParent(this), context_, service_id);
    }

    void catalog_status_changed(const app::CatalogStatus& status) override {
        status_text_ = tr(status.message);
        status_->Show(!status_text_.empty());
        wrap_status();
        relayout();
    }

    wxStaticText* status() const { return status_; }

private:
    static constexpr int min_box_width = 320;

    void wrap_status() {
        wrapped_at_ = GetClientSize().x;
        const wxString wrapped = wrap_to_width(
            *status_, status_text_, wrapped_at_ > 0 ? wrapped_at_ : FromDIP(min_box_width));
        if (wrapped == status_->GetLabel()) {
            return;
        }
        const bool taller = wrapped.Freq('\n') != status_->GetLabel().Freq('\n');
        status_->SetLabel(wrapped);
        if (taller) {
            CallAfter([this] { relayout(); }); // the window above sizes us by our lines
        }
    }

    void relayout() {
        Layout();
        if (GetParent() != nullptr) {
            GetParent()->Layout();
        }
    }

    app::AppContext& context_;
    wxTextCtrl* box_;
    wxStaticText* status_;
    wxString status_text_; // as translated, before wrapping
    int wrapped_at_ = 0;
    ResultList* list_;
    wxStaticText* note_;
    app::SearchModel model_;
    app::SearchPresenter presenter_; // last: its first calls reach the views above
};

} // namespace

wxWindow* create_search_bar(wxWindow* parent, app::AppContext& context) {
    return new SearchBar(parent, context);
}

wxTextCtrl* search_box(wxWindow* search_bar) {
    auto* bar = dynamic_cast<SearchBar*>(search_bar);
    return bar != nullptr ? bar->box() : nullptr;
}

wxStaticText* catalog_status_label(wxWindow* search_bar) {
    auto* bar = dynamic_cast<SearchBar*>(search_bar);
    return bar != nullptr ? bar->status() : nullptr;
}

std::size_t search_result_count(wxWindow* search_bar) {
    auto* bar = dynamic_cast<SearchBar*>(search_bar);
    return bar != nullptr ? bar->shown_rows() : 0;
}

} // namespace cd::ui
