// Suggestions on Home, computed only on this computer: from the vault's profile (age from the
// resident ID's birth date; the district), the favourite and recent services, the life events
// the citizen chose on Home and the season of an injected clock. None of these inputs ever
// leaves in a request: the catalog and the halls are fetched whole, and matched here. Each
// suggestion says why it is shown. One switch (in the vault's preferences) turns them off.
#pragma once

#include "api/platform_types.h"
#include "app/tabs.h"
#include "core/error.h"
#include "core/message.h"

#include <optional>
#include <string>
#include <vector>

namespace cd::store {
class Vault;
}

namespace cd::app {

// Vault preferences: "off" turns suggestions off (anything else, or nothing, means on); the
// chosen life events as a comma-separated list of the city's life-event ids.
inline constexpr const char* suggestions_preference = "home.suggestions";
inline constexpr const char* life_events_preference = "home.life_events";

// The life events Home offers to choose from (the city's ids).
const std::vector<std::string>& home_life_events();
// Their names: the city's when it lists them, else ours.
Message life_event_title(const std::string& id);

// The settings switch (store thread): whether suggestions are shown, and setting it.
Result<bool> suggestions_enabled(store::Vault& vault);
Status set_suggestions_enabled(store::Vault& vault, bool enabled);
Result<std::vector<std::string>> chosen_life_events(store::Vault& vault);
Status set_chosen_life_events(store::Vault& vault, const std::vector<std::string>& ids);

// Full years on `today` ("YYYY-MM-DD") for a resident ID number; nullopt when either is not
// readable or the birth date is after today.
std::optional<int> age_from_resident_id(const std::string& resident_id, const std::string& today);

struct SuggestionInputs {
    std::optional<int> age;
    std::string district; // the city's district id; empty when not known
    std::vector<std::string> favourites;
    std::vector<std::string> recents; // newest first
    std::vector<std::string> life_events;
    std::string today; // local date, for the season
};

struct Suggestion {
    std::string title; // the service, or the hall and its address, in the display language
    Message reason;    // "Because you are over 60"
    Tab tab = Tab::government;
    std::string service_id; // the catalog entry it opens (empty for a hall)
    std::string hall_id;
};

// At most max_suggestions, without repeats, in the order: favourites, recents, life events,
// age, district, season.
inline constexpr std::size_t max_suggestions = 10;
std::vector<Suggestion> compute_suggestions(const SuggestionInputs& inputs,
                                            const api::Catalog* catalog,
                                            const std::vector<api::Hall>& halls,
                                            const api::City* city, bool chinese);

} // namespace cd::app
