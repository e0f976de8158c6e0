#include "api/multipart.h"

#include <random>

namespace cd::api {
namespace {

std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
        case '"':
            out += "%22";
            break;
        case '\r':
            out += "%0D";
            break;
        case '\n':
            out += "%0A";
            break;
        default:
            out += c;
        }
    }
    return out + "\"";
}

std::string random_boundary() {
    static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::random_device device;
    std::mt19937_64 rng(device());
    std::string out = "----citizendesk";
    for (int i = 0; i < 24; ++i) {
        out += digits[rng() % 36];
    }
    return out;
}

} // namespace

MultipartBody encode_multipart(const std::vector<MultipartPart>& parts) {
    std::string boundary;
    bool clash = true;
    while (clash) {
        boundary = random_boundary();
        clash = false;
        for (const auto& p : parts) {
            clash = clash || p.content.find(boundary) != std::string::npos;
        }
    }
    MultipartBody out;
    out.content_type = "multipart/form-data; boundary=" + boundary;
    for (const auto& p : parts) {
        out.body += "--" + boundary + "\r\nContent-Disposition: form-data; name=" + quoted(p.name);
        if (!p.filename.empty()) {
            out.body += "; filename=" + quoted(p.filename);
        }
        out.body += "\r\n";
        if (!p.content_type.empty()) {
            out.body += "Content-Type: " + p.content_type + "\r\n";
        }
        out.body += "\r\n" + p.content + "\r\n";
    }
    out.body += "--" + boundary + "--\r\n";
    return out;
}

} // namespace cd::api
