// The HttpClient the app uses: libcurl's multi interface driven by ONE worker thread named "net".
// send(), cancel() and configure() may be called from any thread; completion callbacks run on
// the worker (the app wraps them with its dispatcher). Destroying the client cancels whatever is
// in flight (each callback is called once, with ErrorKind::cancelled) and joins the worker.
//
//   cd::net::global_init();                        // in main(), before any thread starts
//   cd::net::HttpClientConfig config;               // defaults are sane; see http_config.h
//   config.etag_cache = vault_catalog_cache;        // optional
//   auto http = std::make_shared<cd::net::CurlHttpClient>(config);
//   http->send({.method = cd::net::Method::get, .url = url}, [](cd::Result<Response> r) {...});
//
// A callback may hold the last reference to the client: destroyed on its own worker, the client
// cannot join that thread, so it lets the worker finish by itself (logged as a warning).
#pragma once

#include "net/http_client.h"
#include "net/http_config.h"

#include <memory>

namespace cd::net {

// curl_global_init, once per process; call it before starting threads. The client's
// constructor calls it too, which is harmless when done already.
void global_init();

class CurlHttpClient final : public HttpClient {
public:
    explicit CurlHttpClient(HttpClientConfig config = {});
    ~CurlHttpClient() override;
    CurlHttpClient(const CurlHttpClient&) = delete;
    CurlHttpClient& operator=(const CurlHttpClient&) = delete;

    RequestId send(Request request, Callback on_done) override;
    void cancel(RequestId id) override;
    void cancel_all() override;

    // New settings (proxy, CA file, timeouts) apply to attempts that start afterwards.
    void configure(HttpClientConfig config);

private:
    struct Impl;
    std::shared_ptr<Impl> impl_; // shared with the worker, which may outlive the client
};

} // namespace cd::net
