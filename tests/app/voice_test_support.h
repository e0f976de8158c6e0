// Fake views and helpers for the My Voice presenter tests that run against the reference
// platform's Open311 endpoint in its city profiles.
#pragma once

#include "app/my_reports_presenter.h"
#include "app/open311_settings.h"
#include "app/public_feed_presenter.h"
#include "app/report_presenter.h"
#include "app/voice_reports.h"
#include "life_test_support.h"
#include "store/outbox.h"

#include <algorithm>
#include <chrono>
#include <optional>

namespace cd::test {

struct ReportViewRecorder : app::ReportView {
    std::vector<api::open311::Service> services;
    std::vector<api::open311::Attribute> attributes;
    std::vector<std::string> photos;
    std::vector<app::ReportProblem> problems;
    Message note;
    int category_loads = 0;
    int cleared = 0;
    void show_categories(const std::vector<api::open311::Service>& s) override {
        services = s;
        ++category_loads;
    }
    void show_attributes(const std::vector<api::open311::Attribute>& a) override { attributes = a; }
    void show_districts(const std::vector<std::string>&) override {}
    void show_counter(const Message&, bool) override {}
    void show_photos(const std::vector<std::string>& p) override { photos = p; }
    void show_problems(const std::vector<app::ReportProblem>& p) override { problems = p; }
    void show_busy(bool) override {}
    void show_note(const Message& n) override { note = n; }
    void clear_form() override { ++cleared; }
    void show_draft(const app::ReportDraft&) override {}
};

struct MyReportsRecorder : app::MyReportsView {
    std::vector<app::MyReport> reports;
    Message note;
    int shown = 0;
    void show_reports(const std::vector<app::MyReport>& r) override {
        reports = r;
        ++shown;
    }
    void show_busy(bool) override {}
    void show_note(const Message& n) override { note = n; }
    bool confirm_discard(const Message&) override { return false; }
    void edit_report(const store::OutboxItem&) override {}
};

struct FeedRecorder : app::PublicFeedView {
    std::vector<std::string> categories;
    std::vector<app::FeedItem> items;
    int filter_loads = 0;
    int item_loads = 0;
    std::optional<app::FeedItem> opened;
    std::vector<app::TimelineEntry> exchange;
    int exchanges = 0;
    Message note;
    void show_filters(const std::vector<std::string>& c, const std::vector<std::string>&) override {
        categories = c;
        ++filter_loads;
    }
    void show_items(const std::vector<app::FeedItem>& i) override {
        items = i;
        ++item_loads;
    }
    void show_exchange(const app::FeedItem& item,
                       const std::vector<app::TimelineEntry>& timeline) override {
        opened = item;
        exchange = timeline;
        ++exchanges;
    }
    void show_busy(bool) override {}
    void show_note(const Message& n) override { note = n; }
};

inline app::ReportDraft streetlight_draft(const std::string& text) {
    app::ReportDraft d;
    d.service_code = "102"; // streetlight out: no required attributes
    d.description = text;
    d.address = "文三路 88号 Wensan Road 88";
    return d;
}

inline std::int64_t outbox_items(AppTestContext& t) {
    return t.vault->run_and_wait([](store::Vault& v) { return *store::Outbox(v).count(); });
}

inline std::vector<app::MyReportEntry> report_entries(AppTestContext& t) {
    return t.vault->run_and_wait([](store::Vault& v) { return *app::load_my_reports(v); });
}

inline void use_endpoint(AppTestContext& t, const app::Open311Settings& settings) {
    t.vault->run_and_wait(
        [&](store::Vault& v) { return app::save_open311_settings(v, settings).ok(); });
}

inline AppTestContext::Options with_profile(const std::string& profile) {
    AppTestContext::Options o;
    o.server.open311_profile = profile;
    return o;
}

// Index of a service code in the categories shown.
inline std::size_t category_index(const std::vector<api::open311::Service>& services,
                                  const std::string& code) {
    return static_cast<std::size_t>(std::find_if(services.begin(), services.end(),
                                                 [&](const auto& s) { return s.code == code; }) -
                                    services.begin());
}

} // namespace cd::test
