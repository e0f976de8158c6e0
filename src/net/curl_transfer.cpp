#include "net/curl_transfer.h"

#include "net/request_log.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

namespace cd::net::detail {
namespace {

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The CA bundle libcurl would use by default (Debian: /etc/ssl/certs/ca-certificates.crt).
std::string default_ca_bundle() {
    std::string bundle;
    if (CURL* probe = curl_easy_init()) {
        char* path = nullptr;
        if (curl_easy_getinfo(probe, CURLINFO_CAINFO, &path) == CURLE_OK && path != nullptr) {
            bundle = read_file(path).value_or("");
        }
        curl_easy_cleanup(probe);
    }
    return bundle;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    if (t->response.body.size() + n > t->settings->config.max_body_bytes) {
        t->body_too_large = true;
        return 0; // aborts the transfer with CURLE_WRITE_ERROR
    }
    t->response.body.append(data, n);
    return n;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
        s.remove_suffix(1);
    }
    return s;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    const std::string_view line(data, n);
    if (line.rfind("HTTP/", 0) == 0) {
        t->response.headers.clear(); // a new response (after a redirect or 100 Continue)
        return n;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
        return n;
    }
    const auto name = trim(line.substr(0, colon));
    const auto value = trim(line.substr(colon + 1));
    if (iequals(name, "Content-Length")) {
        // Refuse at once what would not fit, instead of receiving it first.
        const auto length = parse_content_length(value);
        if (length && *length > t->settings->config.max_body_bytes) {
            t->body_too_large = true;
            return 0;
        }
    }
    t->response.headers.add(std::string(name), std::string(value));
    return n;
}

bool is_tls_failure(CURLcode code) {
    switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
        return true;
    default:
        return false;
    }
}

} // namespace

ClientSettings load_settings(HttpClientConfig config) {
    ClientSettings s;
    if (!config.extra_ca_file.empty()) {
        auto extra = read_file(config.extra_ca_file);
        if (!extra || extra->find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
            s.setup_error = make_error(ErrorKind::tls, "the extra CA file cannot be read or "
                                                       "holds no PEM certificate");
        } else {
            s.ca_blob = default_ca_bundle() + "\n" + *extra;
        }
    }
    s.config = std::move(config);
    return s;
}

void Transfer::release() {
    if (easy != nullptr) {
        curl_easy_cleanup(easy);
        easy = nullptr;
    }
    if (header_list != nullptr) {
        curl_slist_free_all(header_list);
        header_list = nullptr;
    }
}

std::optional<Error> Transfer::prepare_attempt(std::shared_ptr<const ClientSettings> current) {
    release();
    settings = std::move(current);
    if (settings->setup_error) {
        return settings->setup_error;
    }
    response = Response{};
    response.request_id = request_id;
    body_too_large = false;
    error_buffer[0] = '\0';
    if (target.empty()) {
        target = request.url;
    }
    if (following_redirect) {
        following_redirect = false; // the same attempt, at the address the platform gave
    } else {
        ++attempt;
    }

    easy = curl_easy_init();
    if (easy == nullptr) {
        return make_error(ErrorKind::network, "curl_easy_init failed");
    }
    const HttpClientConfig& c = settings->config;
    const Timeouts& to = request.timeouts.value_or(c.timeouts);
    auto set = [this](CURLoption opt, auto value) {
        curl_easy_setopt(easy, opt, value);
    };

    set(CURLOPT_URL, target.c_str());
    set(CURLOPT_PROTOCOLS_STR, "http,https");
    // libcurl would re-send a 307/308 POST body and the request's headers to any host it is
    // sent to; the client follows redirects itself (see refuse_redirect).
    set(CURLOPT_FOLLOWLOCATION, 0L);
    set(CURLOPT_NOSIGNAL, 1L);
    set(CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    set(CURLOPT_ACCEPT_ENCODING, ""); // every encoding this libcurl was built with
    set(CURLOPT_USERAGENT, c.user_agent.c_str());
    set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(to.connect.count()));
    set(CURLOPT_TIMEOUT_MS, static_cast<long>(to.total.count()));
    set(CURLOPT_LOW_SPEED_LIMIT, to.low_speed_bytes);
    set(CURLOPT_LOW_SPEED_TIME, static_cast<long>(to.low_speed_time.count()));
    set(CURLOPT_ERRORBUFFER, error_buffer);
    set(CURLOPT_PRIVATE, this);
    set(CURLOPT_WRITEFUNCTION, on_body);
    set(CURLOPT_WRITEDATA, this);
    set(CURLOPT_HEADERFUNCTION, on_header);
    set(CURLOPT_HEADERDATA, this);

    // TLS: verification always on, whatever else is configured.
    set(CURLOPT_SSL_VERIFYPEER, 1L);
    set(CURLOPT_SSL_VERIFYHOST, 2L);
#ifdef _WIN32
    set(CURLOPT_SSL_OPTIONS, static_cast<long>(CURLSSLOPT_NATIVE_CA));
#endif
    if (!settings->ca_blob.empty()) {
        curl_blob blob{const_cast<char*>(settings->ca_blob.data()), settings->ca_blob.size(),
                       CURL_BLOB_NOCOPY}; // settings outlive the handle
        set(CURLOPT_CAINFO_BLOB, &blob);
    }
    if (!c.no_proxy.empty()) {
        set(CURLOPT_NOPROXY, c.no_proxy.c_str());
    }
    if (c.proxy && !c.proxy->url.empty()) {
        set(CURLOPT_PROXY, c.proxy->url.c_str());
        if (!c.proxy->username.empty()) {
            set(CURLOPT_PROXYUSERNAME, c.proxy->username.c_str());
            set(CURLOPT_PROXYPASSWORD, c.proxy->password.c_str());
        }
    }

    switch (request.method) {
    case Method::get:
        set(CURLOPT_HTTPGET, 1L);
        break;
    case Method::head:
        set(CURLOPT_NOBODY, 1L);
        break;
    case Method::post:
        set(CURLOPT_POST, 1L);
        set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        set(CURLOPT_POSTFIELDS, request.body.data());
        break;
    case Method::put:
    case Method::patch:
    case Method::del:
    case Method::options:
        set(CURLOPT_CUSTOMREQUEST, std::string(to_string(request.method)).c_str());
        if (!request.body.empty() || request.method == Method::put ||
            request.method == Method::patch) {
            set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
            set(CURLOPT_POSTFIELDS, request.body.data());
        }
        break;
    }

    auto add_header = [this](const std::string& line) {
        header_list = curl_slist_append(header_list, line.c_str());
    };
    for (const auto& [name, value] : request.headers.fields()) {
        add_header(name + ": " + value);
    }
    if (!request.headers.contains("X-Request-ID")) {
        add_header("X-Request-ID: " + request_id);
    }
    // A request sent with "Connection: close" gets a connection of its own: on a reused one,
    // libcurl silently sends it again when that connection closes before the answer, and a
    // POST the server already stored (without an Idempotency-Key) is then filed twice.
    if (request.headers.contains("Connection")) {
        set(CURLOPT_FRESH_CONNECT, 1L);
        set(CURLOPT_FORBID_REUSE, 1L);
    }
    if (request.idempotency_key && !request.headers.contains("Idempotency-Key")) {
        add_header("Idempotency-Key: " + *request.idempotency_key);
    }
    if (cached) {
        add_header("If-None-Match: " + cached->etag);
    }
    add_header("Expect:"); // no 100-continue round trip
    set(CURLOPT_HTTPHEADER, header_list);
    return std::nullopt;
}

Error error_from_curl(CURLcode code, const Transfer& t) {
    const std::string what = std::string(curl_easy_strerror(code)) +
                             (t.error_buffer[0] != '\0' ? std::string(": ") + t.error_buffer : "");
    Error e;
    if (t.body_too_large) {
        e = make_error(ErrorKind::protocol, "response body larger than the limit of " +
                                                std::to_string(t.settings->config.max_body_bytes) +
                                                " bytes: refused");
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
        e = make_error(ErrorKind::timeout, what);
    } else if (is_tls_failure(code)) {
        e = make_error(ErrorKind::tls, what);
    } else if (code == CURLE_PARTIAL_FILE) {
        e = make_error(ErrorKind::protocol, "truncated answer: " + what);
        e.retryable = true; // the connection broke; the same request may well succeed
    } else if (code == CURLE_WEIRD_SERVER_REPLY || code == CURLE_BAD_CONTENT_ENCODING ||
               code == CURLE_TOO_MANY_REDIRECTS || code == CURLE_UNSUPPORTED_PROTOCOL ||
               code == CURLE_URL_MALFORMAT) {
        e = make_error(ErrorKind::protocol, what);
    } else if (code == CURLE_ABORTED_BY_CALLBACK) {
        e = make_error(ErrorKind::cancelled, what);
    } else {
        // Refused, unreachable, reset, nothing received, DNS: the network.
        e = make_error(ErrorKind::network, what);
    }
    e.request_id = t.request_id;
    return e;
}

std::optional<std::string> origin_of(const std::string& url) {
    CURLU* u = curl_url();
    if (u == nullptr) {
        return std::nullopt;
    }
    auto part = [u](CURLUPart which, unsigned flags) -> std::optional<std::string> {
        char* text = nullptr;
        if (curl_url_get(u, which, &text, flags) != CURLUE_OK || text == nullptr) {
            return std::nullopt;
        }
        std::string out(text);
        curl_free(text);
        std::transform(out.begin(), out.end(), out.begin(), [](char c) {
            return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        });
        return out;
    };
    std::optional<std::string> origin;
    if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
        auto scheme = part(CURLUPART_SCHEME, 0);
        auto host = part(CURLUPART_HOST, 0);
        auto port = part(CURLUPART_PORT, CURLU_DEFAULT_PORT);
        if (scheme && (*scheme == "http" || *scheme == "https") && host && port) {
            origin = *scheme + "://" + *host + ":" + *port;
        }
    }
    curl_url_cleanup(u);
    return origin;
}

std::optional<Error> refuse_redirect(const Transfer& t, int status, const std::string& location) {
    const std::string from = loggable_url(t.target.empty() ? t.request.url : t.target);
    const std::string to = loggable_url(location);
    const auto here = origin_of(t.request.url);
    const auto there = origin_of(location);
    Error e;
    if (!here || !there || *here != *there) {
        // Following would hand the request (a sign-in's password, a token) to whoever the
        // answer names, and show that host's answers as the platform's.
        e = make_error(ErrorKind::protocol, std::to_string(status) + " redirect from " + from +
                                                " to " + to + " refused: another origin");
        e.user_message = msg(N_("The platform sent us to another address. For your safety "
                                "CitizenDesk did not follow it."));
    } else if (t.request.method != Method::get && t.request.method != Method::head) {
        // Re-sending a body (a payment, a sign-in) to an address the answer names is never
        // done silently; whether the first one was acted on is for the caller to find out.
        e = make_error(ErrorKind::protocol, std::to_string(status) + " redirect of a " +
                                                std::string(to_string(t.request.method)) +
                                                " from " + from + " to " + to +
                                                " not followed: a request is never re-sent");
    } else if (t.redirects_followed >= max_redirects) {
        e = make_error(ErrorKind::protocol, "more than " + std::to_string(max_redirects) +
                                                " redirects, the last from " + from + " to " + to);
    } else {
        return std::nullopt;
    }
    e.http_status = status;
    e.request_id = t.request_id;
    return e;
}

} // namespace cd::net::detail
