// A receipt as a PDF the citizen can keep. On GTK (Linux) the PDF is written by cairo, the
// library GTK draws with, through wx's cairo graphics context: the same lines and font as the
// printout, fonts embedded, Chinese included. Windows and macOS builds have no cairo; there the
// print dialog's own PDF printer ("Microsoft Print to PDF", the PDF button of macOS's print
// panel) makes the PDF and the Save dialog offers web page and text only.
#pragma once

#include "core/error.h"

#include <wx/font.h>
#include <wx/string.h>

#include <string>

class wxDC;

namespace cd::ui {

// Whether receipt_pdf works in this build.
bool receipt_pdf_supported();

// The receipt's text, one line per line, drawn on one A4 page; the PDF file's bytes.
Result<std::string> receipt_pdf(const wxString& title, const wxString& text, const wxFont& font);

// Draws the receipt's lines from (x, y) in `font`, shared by the printout and the PDF.
void draw_receipt_lines(wxDC& dc, const wxString& text, const wxFont& font, int x, int y);

} // namespace cd::ui
