#include "ui/receipt_pdf.h"

#include <wx/dc.h>
#include <wx/dcgraph.h>
#include <wx/graphics.h>
#include <wx/tokenzr.h>

#ifdef CITIZENDESK_CAIRO_PDF // set by CMake where cairo-pdf is found (GTK builds)
#include <cairo-pdf.h>
#include <cairo.h>
#endif

#include <memory>

namespace cd::ui {

void draw_receipt_lines(wxDC& dc, const wxString& text, const wxFont& font, int x, int y) {
    dc.SetFont(font);
    dc.SetTextForeground(*wxBLACK);
    wxStringTokenizer lines(text, "\n", wxTOKEN_RET_EMPTY_ALL);
    while (lines.HasMoreTokens()) {
        dc.DrawText(lines.GetNextToken(), x, y);
        y += dc.GetCharHeight() + dc.GetCharHeight() / 3; // line spacing 1.3 for older eyes
    }
}

#ifdef CITIZENDESK_CAIRO_PDF

bool receipt_pdf_supported() {
    return true;
}

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

Result<std::string> receipt_pdf(const wxString& title, const wxString& text, const wxFont& font) {
    constexpr double a4_width = 595.0; // points
    constexpr double a4_height = 842.0;
    std::string bytes;
    {
        std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
            cairo_pdf_surface_create_for_stream(append, &bytes, a4_width, a4_height),
            cairo_surface_destroy);
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
            return make_error(ErrorKind::storage,
                              "PDF surface: " + std::string(cairo_status_to_string(
                                                    cairo_surface_status(surface.get()))));
        }
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                       title.utf8_str().data());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "CitizenDesk");
        cairo_t* cr = cairo_create(surface.get());
        {
            wxGraphicsContext* gc =
                wxGraphicsRenderer::GetCairoRenderer()->CreateContextFromNativeContext(cr);
            if (gc == nullptr) {
                cairo_destroy(cr);
                return make_error(ErrorKind::storage, "PDF: no cairo graphics context");
            }
            wxGCDC dc(gc); // owns gc
            wxFont page_font = font;
            page_font.SetFractionalPointSize(11.0); // the printed size, whatever the screen's
            draw_receipt_lines(dc, text, page_font, 56, 64);
        }
        cairo_show_page(cr);
        const cairo_status_t drawn = cairo_status(cr);
        cairo_destroy(cr);
        cairo_surface_finish(surface.get());
        if (drawn != CAIRO_STATUS_SUCCESS ||
            cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
            return make_error(ErrorKind::storage, "PDF: drawing failed");
        }
    }
    return bytes;
}

#else

bool receipt_pdf_supported() {
    return false;
}

Result<std::string> receipt_pdf(const wxString&, const wxString&, const wxFont&) {
    return make_error(ErrorKind::storage, "PDF receipts need cairo (GTK); print to PDF instead");
}

#endif

} // namespace cd::ui
