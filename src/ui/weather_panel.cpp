#include "ui/weather_panel.h"

#include "ui/accessible_names.h"
#include "ui/choice_items.h"
#include "ui/message_text.h"
#include "ui/text_wrap.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cd::ui {

wxString weather_symbol(app::WeatherIcon icon) {
    switch (icon) {
    case app::WeatherIcon::clear:
    case app::WeatherIcon::mainly_clear:
        return wxString::FromUTF8("\xE2\x98\x80"); // ☀
    case app::WeatherIcon::partly_cloudy:
        return wxString::FromUTF8("\xE2\x98\x80\xE2\x98\x81"); // ☀☁ (⛅ is missing from many fonts)
    case app::WeatherIcon::overcast:
        return wxString::FromUTF8("\xE2\x98\x81"); // ☁
    case app::WeatherIcon::fog:
        return wxString::FromUTF8("\xE2\x89\xA1"); // ≡
    case app::WeatherIcon::drizzle:
        return wxString::FromUTF8("\xE2\x98\x82"); // ☂
    case app::WeatherIcon::rain:
    case app::WeatherIcon::showers:
        return wxString::FromUTF8("\xE2\x98\x94"); // ☔
    case app::WeatherIcon::freezing:
    case app::WeatherIcon::snow:
        return wxString::FromUTF8("\xE2\x9D\x84"); // ❄
    case app::WeatherIcon::thunderstorm:
        return wxString::FromUTF8("\xE2\x9A\xA1"); // ⚡
    case app::WeatherIcon::unknown:
        break;
    }
    return "?";
}

WeatherPanel::WeatherPanel(wxWindow* parent, app::AppContext& context)
    : wxPanel(parent, wxID_ANY), districts_(new wxChoice(this, wxID_ANY)),
      heading_(new wxStaticText(this, wxID_ANY, wxString())),
      symbol_(new wxStaticText(this, wxID_ANY, wxString())),
      temperature_(new wxStaticText(this, wxID_ANY, wxString())),
      condition_(new wxStaticText(this, wxID_ANY, wxString())),
      details_(new wxStaticText(this, wxID_ANY, wxString())),
      air_(new wxStaticText(this, wxID_ANY, wxString())),
      particles_(new wxStaticText(this, wxID_ANY, wxString())),
      note_(new wxStaticText(this, wxID_ANY, wxString())),
      days_(new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL)),
      presenter_(context, *this) {
    auto* refresh = new wxButton(this, wxID_ANY, _("&Refresh"));
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(label_for(districts_, _("&District:")),
             wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    top->Add(districts_, wxSizerFlags().CenterVertical());
    top->Add(refresh, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(12)));

    auto* now = new wxBoxSizer(wxHORIZONTAL);
    now->Add(symbol_, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(12)));
    auto* words = new wxBoxSizer(wxVERTICAL);
    words->Add(temperature_);
    words->Add(condition_);
    now->Add(words, wxSizerFlags().CenterVertical());

    days_->AppendColumn(_("Date"));
    days_->AppendColumn(_("Weather"));
    days_->AppendColumn(_("Temperature"));
    days_->AppendColumn(_("Rain"));

    auto* column = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(8);
    column->Add(top, wxSizerFlags().Border(wxALL, gap));
    column->Add(note_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(heading_, wxSizerFlags().Border(wxALL, gap));
    column->Add(now, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(details_, wxSizerFlags().Border(wxALL, gap));
    column->Add(air_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(particles_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    column->Add(new wxStaticText(this, wxID_ANY, _("The next 7 days")),
                wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(days_, wxSizerFlags(1).Expand().Border(wxALL, gap));
    SetSizer(column);

    districts_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
        if (event.GetSelection() >= 0) {
            presenter_.choose_district(std::size_t(event.GetSelection()));
        }
    });
    refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_.refresh(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        rewrap();
        event.Skip();
    });
    rewrap();
    presenter_.start();
}

void WeatherPanel::rewrap() {
    const wxFont body = GetFont();
    wxFont big = body;
    big.SetFractionalPointSize(body.GetFractionalPointSize() * 2.2);
    symbol_->SetFont(big);
    wxFont large = body;
    large.SetFractionalPointSize(body.GetFractionalPointSize() * 1.6);
    large.MakeBold();
    temperature_->SetFont(large);
    wxFont bold = body;
    bold.MakeBold();
    heading_->SetFont(bold);
    const int width = GetClientSize().x - FromDIP(32);
    note_->SetLabel(wrap_to_width(*note_, note_text_, width > FromDIP(200) ? width : FromDIP(480)));
    for (int c = 0; c < days_->GetColumnCount(); ++c) {
        days_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
    }
    Layout();
}

void WeatherPanel::show_districts(const std::vector<std::string>& names, std::size_t selected) {
    set_choice_items(*districts_, names, selected);
    Layout();
}

void WeatherPanel::show_busy(bool busy) {
    SetCursor(busy ? wxCursor(wxCURSOR_ARROWWAIT) : wxNullCursor);
}

void WeatherPanel::show_weather(const app::WeatherNow& weather) {
    heading_->SetLabel(tr(weather.district));
    symbol_->SetLabel(weather_symbol(weather.condition.icon));
    temperature_->SetLabel(tr(weather.temperature));
    condition_->SetLabel(tr(weather.condition.words));
    details_->SetLabel(tr(weather.details));
    days_->DeleteAllItems();
    long row = 0;
    for (const auto& day : weather.days) {
        days_->InsertItem(row, from_utf8(day.date));
        days_->SetItem(row, 1, weather_symbol(day.condition.icon) + " " + tr(day.condition.words));
        days_->SetItem(row, 2, tr(day.temperatures));
        days_->SetItem(row, 3, tr(day.precipitation));
        ++row;
    }
    rewrap();
}

void WeatherPanel::show_air(const app::AirNow& air) {
    air_->SetLabel(wxString::Format(_("Air quality: %s (%s)"), tr(air.band_words), tr(air.index)));
    particles_->SetLabel(tr(air.particles));
    Layout();
}

void WeatherPanel::show_note(const Message& note) {
    note_text_ = tr(note);
    rewrap();
}

wxString WeatherPanel::temperature_text() const {
    return temperature_->GetLabel();
}

} // namespace cd::ui
