// Curated word lists behind the generated catalog (internal to the server's catalog code).
#pragma once

#include <cstddef>

namespace cd::server::lists {

// A government "subject" (what a service is about) and the actions the city offers on it.
struct Subject {
    const char* department;
    const char* zh;
    const char* en;
    const char* keywords; // comma separated, zh and en
    const char* events;   // comma separated life-event ids
    const char* actions;  // digits indexing actions[]
};

struct Action {
    const char* zh_suffix;
    const char* en_prefix;
    const char* channel; // default channel for this action
};

// A convenience service type within one of the eight categories.
struct ConvenienceType {
    const char* category;
    const char* zh;
    const char* en;
    const char* keywords;
    const char* channel;
};

struct LifeEvent {
    const char* id;
    const char* zh;
    const char* en;
};

extern const Action actions[];
extern const std::size_t action_count;
extern const Subject subjects[];
extern const std::size_t subject_count;
extern const Subject new_subjects[]; // added in later catalog revisions
extern const std::size_t new_subject_count;
extern const ConvenienceType convenience_types[];
extern const std::size_t convenience_type_count;
extern const LifeEvent life_events[];
extern const std::size_t life_event_count;

} // namespace cd::server::lists
