// Application and receipt numbers as a citizen reads them aloud, copies them onto paper or
// types them into the 12345 hotline's form: "A3f9c01b2d4e6" is hard to read back without
// losing a character, "A 3F9C 01B2 D4E6" is not.
#pragma once

#include <string>
#include <string_view>

namespace cd {

// The leading letters as a prefix, then the rest in groups of four from the left, separated by
// spaces, letters in upper case. Text that is not a plain reference (empty, or holding anything
// but ASCII letters, digits and dashes) comes back unchanged, so nothing is ever hidden.
std::string readable_reference(std::string_view id);

} // namespace cd
