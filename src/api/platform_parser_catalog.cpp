// City, catalog, service guides, halls and slots.
#include "api/json_mapping.h"
#include "api/platform_parser.h"

namespace cd::api {
namespace {

using namespace mapping;

void named_item(ObjectReader& r, NamedItem& o) {
    o.id = r.string("id");
    o.name = text(r, "name");
}

void district(ObjectReader& r, District& o) {
    o.id = r.string("id");
    o.name = text(r, "name");
    o.latitude = number(r, "latitude");
    o.longitude = number(r, "longitude");
    o.population = r.integer("population", 0);
}

void city(ObjectReader& r, City& o) {
    o.name = text(r, "name");
    o.timezone = r.string("timezone");
    o.api_version = r.string("api_version");
    o.catalog_version = r.integer("catalog_version", 0);
    o.districts = objects<District>(r, "districts", district);
    o.categories = objects<NamedItem>(r, "categories", named_item);
    o.departments = objects<Department>(r, "departments", [](ObjectReader& d, Department& x) {
        x.id = d.string("id");
        x.name = text(d, "name");
        x.hotline = d.string("hotline");
    });
    o.life_events = objects<NamedItem>(r, "life_events", named_item);
    o.hotlines = objects<Hotline>(r, "hotlines", [](ObjectReader& h, Hotline& x) {
        x.name = text(h, "name");
        x.number = h.string("number");
    });
    member(r, "open311", o.open311, [](ObjectReader& e, Open311Endpoint& x) {
        x.endpoint = e.string("endpoint");
        x.discovery = e.string("discovery");
        x.jurisdiction_id = e.string("jurisdiction_id");
        x.api_key_hint = e.string("api_key_hint");
    });
}

void catalog_entry(ObjectReader& r, CatalogEntry& o) {
    o.id = r.string("id");
    o.kind = one_of(r, "kind", {"government", "convenience"});
    o.department = r.optional_string("department").value_or("");
    o.category = r.optional_string("category").value_or("");
    o.name = text(r, "name");
    o.keywords = strings(r, "keywords");
    o.life_events = strings(r, "life_events");
    o.channel = one_of(r, "channel", {"online", "counter", "both"});
    o.district = r.optional_string("district").value_or("");
    o.version = r.integer("version", 0);
}

void catalog(ObjectReader& r, Catalog& o) {
    o.version = r.integer("version", 0);
    o.since = r.integer("since", 0);
    o.count = r.integer("count", 0);
    o.services = objects<CatalogEntry>(r, "services", catalog_entry);
    o.removed = objects<CatalogRemoval>(r, "removed", [](ObjectReader& x, CatalogRemoval& y) {
        y.id = x.string("id");
        y.version = x.integer("version", 0);
    });
    if (r.ok() && o.count != static_cast<std::int64_t>(o.services.size())) {
        r.fail("count", "says " + std::to_string(o.count) + " but services holds " +
                            std::to_string(o.services.size()));
    }
}

void opening_period(ObjectReader& r, OpeningPeriod& o) {
    o.weekday = static_cast<int>(r.integer("weekday", 1, 7));
    o.open = r.string("open");
    o.close = r.string("close");
}

void hall(ObjectReader& r, Hall& o) {
    o.id = r.string("id");
    o.name = text(r, "name");
    o.district = r.string("district");
    o.address = text(r, "address");
    o.latitude = number(r, "latitude");
    o.longitude = number(r, "longitude");
    o.phone = r.string("phone");
    o.windows = r.integer("windows", 0);
    o.opening_hours = objects<OpeningPeriod>(r, "opening_hours", opening_period);
}

void form_field(ObjectReader& r, FormField& o) {
    o.name = r.string("name");
    o.label = text(r, "label");
    o.type =
        one_of(r, "type", {"text", "textarea", "number", "date", "select", "phone", "resident_id"});
    o.required = r.boolean("required");
    o.options = objects<FormOption>(
        r, "options",
        [](ObjectReader& x, FormOption& y) {
            y.value = x.string("value");
            y.label = text(x, "label");
        },
        false);
    o.min_length = r.optional_integer("min_length");
    o.max_length = r.optional_integer("max_length");
    o.min = r.optional_integer("min");
    o.max = r.optional_integer("max");
    o.not_before_today = r.optional_boolean("not_before_today").value_or(false);
}

void guide(ObjectReader& r, ServiceGuide& o) {
    catalog_entry(r, o.service);
    o.summary = text(r, "summary");
    o.required_documents =
        objects<GuideDocument>(r, "required_documents", [](ObjectReader& x, GuideDocument& y) {
            y.name = text(x, "name");
            y.original = x.boolean("original");
            y.copies = x.integer("copies", 0);
        });
    o.fees = objects<Fee>(r, "fees", [](ObjectReader& x, Fee& y) {
        y.item = text(x, "item");
        y.amount = Money::from_fen(x.integer("amount_fen", 0, max_amount_fen));
    });
    o.legal_time_limit_days = r.integer("legal_time_limit_days", 0);
    o.promised_time_limit_days = r.integer("promised_time_limit_days", 0);
    o.steps = objects<GuideStep>(r, "steps", [](ObjectReader& x, GuideStep& y) {
        y.order = x.integer("order");
        y.name = text(x, "name");
        y.description = text(x, "description");
    });
    o.halls = objects<Hall>(r, "halls", hall);
    member(
        r, "form", o.form,
        [](ObjectReader& x, OnlineForm& y) {
            y.fields = objects<FormField>(x, "fields", form_field);
            y.max_attachments = x.integer("max_attachments", 0);
            y.max_attachment_bytes = x.integer("max_attachment_bytes", 0);
        },
        false); // only services that can be done online have a form
    LocalizedText address;
    if (member(r, "address", address, localized, false)) {
        o.address = address;
    }
    o.phone = r.optional_string("phone").value_or("");
}

} // namespace

Result<City> parse_city(std::string_view body) {
    return parse_object<City>(body, city);
}

Result<Catalog> parse_catalog(std::string_view body) {
    return parse_object<Catalog>(body, catalog);
}

Result<ServiceGuide> parse_service_guide(std::string_view body) {
    return parse_object<ServiceGuide>(body, guide);
}

Result<std::vector<Hall>> parse_halls(std::string_view body) {
    return parse_object<std::vector<Hall>>(
        body, [](ObjectReader& r, std::vector<Hall>& o) { o = objects<Hall>(r, "halls", hall); });
}

Result<Hall> parse_hall(std::string_view body) {
    return parse_object<Hall>(body, hall);
}

Result<SlotList> parse_slots(std::string_view body) {
    return parse_object<SlotList>(body, [](ObjectReader& r, SlotList& o) {
        o.hall_id = r.string("hall_id");
        o.date = r.string("date");
        o.slots = objects<Slot>(r, "slots", [](ObjectReader& x, Slot& y) {
            y.id = x.string("id");
            y.start = x.string("start");
            y.end = x.string("end");
            y.available = x.boolean("available");
        });
    });
}

} // namespace cd::api
