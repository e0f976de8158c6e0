// The rules a new vault passphrase must meet and a strength hint for the create and change
// dialogs. Pure logic: the presenter shows the messages (N_() ids), the vault enforces `ok`.
#pragma once

#include "core/error.h"
#include "core/message.h"

#include <string_view>
#include <vector>

namespace cd::store {

enum class PassphraseLevel { too_weak, fair, good, strong };

struct PassphraseStrength {
    bool acceptable = false; // meets every minimum rule
    PassphraseLevel level = PassphraseLevel::too_weak;
    std::vector<Message> problems; // the rules broken, in the citizen's words
    Message hint;                  // one line for under the field
};

inline constexpr int min_passphrase_characters = 10;

// Minimum rules: at least 10 characters (a Chinese character counts as one), at least two kinds
// of character (letters, digits, symbols, other scripts), not a well-known or repeated pattern.
PassphraseStrength passphrase_strength(std::string_view utf8);

// Done when the passphrase meets the minimum rules; otherwise a validation error whose message
// is the first rule broken. The vault calls it before it creates, re-keys or backs up.
Status require_acceptable_passphrase(std::string_view utf8);

// The rules as stated to the citizen before they type.
Message passphrase_rules();

} // namespace cd::store
