// The rules of the platform's online form (api::FormField, the guide's field schema) checked on
// the client as the citizen types: one message id per broken rule, next to its field. The same
// rules the platform applies (text length in characters, whole numbers within range, ISO dates,
// an offered option, GB 11643 resident ID numbers, mainland mobile numbers), plus the limits on
// attachments. Also turns the typed values into the JSON object the platform expects.
#pragma once

#include "api/platform_types.h"
#include "core/error.h"
#include "core/message.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cd::app {

// The values of a form as typed, by field name. A multi-choice value holds the chosen option
// values separated by '\n'.
using FormValues = std::map<std::string, std::string>;

// The types the client knows; anything else is treated as free text.
enum class FieldKind { text, textarea, number, date, choice, multi_choice, resident_id, phone };
FieldKind field_kind(const std::string& type);

// What is wrong with `value` for `field`, or an empty message when nothing is. `today` is the
// citizen's local date ("2026-11-28"): a date field meant for the future refuses earlier days.
Message check_field(const api::FormField& field, const std::string& value,
                    const std::string& today);

// Every field's problem, by field name (only the fields with one).
std::map<std::string, Message> check_form(const std::vector<api::FormField>& fields,
                                          const FormValues& values, const std::string& today);

// The attachment types the platform takes, by file extension (case-insensitive): PDF, JPEG,
// PNG. Nothing for any other file.
std::optional<std::string> attachment_content_type(const std::string& filename);

// What stops one more attachment of `size` bytes when `already` are attached; empty when fine.
Message check_attachment(const api::OnlineForm& form, const std::string& filename,
                         std::int64_t size, std::size_t already);

// The JSON object of field values the platform expects: numbers as numbers, multi-choice as an
// array, other fields as strings; empty optional fields are left out.
std::string form_values_json(const std::vector<api::FormField>& fields, const FormValues& values);

// The problems a 422 answer named for fields of this form, by field name. The server's words
// are the message id: translated when they are one of ours, shown as sent otherwise.
std::map<std::string, Message> field_problems_from(const std::vector<api::FormField>& fields,
                                                   const Error& error);

// FormValues to and from a JSON object of strings (drafts kept in the vault).
std::string form_values_to_json(const FormValues& values);
FormValues form_values_from_json(const std::string& json);

} // namespace cd::app
