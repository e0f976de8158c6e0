// multipart/form-data bodies (RFC 7578) for requests with files, built in memory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cd::api {

struct MultipartPart {
    std::string name;
    std::string filename;     // empty for a plain field
    std::string content_type; // empty for a plain field
    std::string content;
};

struct MultipartBody {
    std::string content_type; // "multipart/form-data; boundary=..."
    std::string body;
};

// The boundary is chosen so it occurs in no part; names and file names are quoted, with '"',
// CR and LF percent-encoded as browsers do.
MultipartBody encode_multipart(const std::vector<MultipartPart>& parts);

} // namespace cd::api
