#include "net/curl_http_client.h"

#include "diag/log.h"
#include "net/curl_transfer.h"
#include "net/request_log.h"

#include <curl/curl.h>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <random>
#include <thread>
#include <variant>
#include <vector>

namespace cd::net {

using detail::ClientSettings;
using detail::Transfer;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

namespace {

struct Submit {
    std::unique_ptr<Transfer> transfer;
};
struct Cancel {
    RequestId id = 0; // 0: all
};
using Command = std::variant<Submit, Cancel>;

bool is_redirect(long status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

milliseconds since(Clock::time_point t) {
    return std::chrono::duration_cast<milliseconds>(Clock::now() - t);
}

void deliver(Transfer& t, Result<Response> result) {
    Callback cb = std::move(t.callback);
    t.callback = nullptr;
    if (!cb) {
        return;
    }
    try {
        cb(std::move(result));
    } catch (const std::exception& ex) {
        diag::error(diag::Category::net, "completion callback threw: ", ex.what());
    } catch (...) {
        diag::error(diag::Category::net, "completion callback threw");
    }
}

} // namespace

struct CurlHttpClient::Impl {
    std::mutex mutex;
    std::vector<Command> inbox;
    bool stopping = false;
    RequestId next_id = 1;
    std::mt19937_64 id_bits{std::random_device{}()};
    std::shared_ptr<const ClientSettings> settings;

    // Worker-only state.
    CURLM* multi = nullptr;
    std::map<RequestId, std::unique_ptr<Transfer>> transfers;
    std::mt19937_64 jitter{std::random_device{}()};
    std::thread worker;

    void wake() { curl_multi_wakeup(multi); }
    void run();
    void handle(Command& cmd);
    void start_due();
    void collect_done();
    void finish_attempt(Transfer& t, CURLcode code);
    void complete(RequestId id, Result<Response> result);
    void cancel_transfer(RequestId id, const char* why);
    int poll_timeout_ms() const;
    double random_unit();
};

CurlHttpClient::CurlHttpClient(HttpClientConfig config) : impl_(std::make_shared<Impl>()) {
    global_init();
    impl_->settings =
        std::make_shared<const ClientSettings>(detail::load_settings(std::move(config)));
    impl_->multi = curl_multi_init();
    impl_->worker = std::thread([impl = impl_] { impl->run(); });
}

CurlHttpClient::~CurlHttpClient() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake();
    if (impl_->worker.get_id() == std::this_thread::get_id()) {
        // A completion callback dropped the last reference: joining would wait for ourselves.
        // The worker sees `stopping` once the callback returns, cancels the rest and ends.
        diag::warn(diag::Category::net,
                   "HTTP client released on its own thread; it ends by itself");
        impl_->worker.detach();
        return;
    }
    impl_->worker.join();
}

RequestId CurlHttpClient::send(Request request, Callback on_done) {
    auto t = std::make_unique<Transfer>();
    t->request = std::move(request);
    t->callback = std::move(on_done);
    t->started = Clock::now();
    RequestId id = 0;
    {
        std::lock_guard lock(impl_->mutex);
        id = impl_->next_id++;
        t->id = id;
        t->request_id =
            t->request.headers.get("X-Request-ID").value_or(format_request_id(impl_->id_bits()));
        if (!impl_->stopping) {
            impl_->inbox.push_back(Submit{std::move(t)});
        }
    }
    if (t) { // the client is shutting down: refuse at once, on the caller's thread
        Error e = make_error(ErrorKind::cancelled, "HTTP client is shutting down");
        e.request_id = t->request_id;
        deliver(*t, e);
        return id;
    }
    impl_->wake();
    return id;
}

void CurlHttpClient::cancel(RequestId id) {
    if (id == 0) {
        return;
    }
    {
        std::lock_guard lock(impl_->mutex);
        impl_->inbox.push_back(Cancel{id});
    }
    impl_->wake();
}

void CurlHttpClient::cancel_all() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->inbox.push_back(Cancel{0});
    }
    impl_->wake();
}

void CurlHttpClient::configure(HttpClientConfig config) {
    auto s = std::make_shared<const ClientSettings>(detail::load_settings(std::move(config)));
    std::lock_guard lock(impl_->mutex);
    impl_->settings = std::move(s);
}

double CurlHttpClient::Impl::random_unit() {
    return std::uniform_real_distribution<double>(0.0, 1.0)(jitter);
}

void CurlHttpClient::Impl::run() {
    diag::set_thread_name("net");
    for (;;) {
        std::vector<Command> commands;
        bool stop = false;
        {
            std::lock_guard lock(mutex);
            commands.swap(inbox);
            stop = stopping;
        }
        for (auto& cmd : commands) {
            handle(cmd);
        }
        if (stop) {
            cancel_transfer(0, "HTTP client shut down");
            curl_multi_cleanup(multi);
            multi = nullptr;
            return;
        }
        start_due();
        int running = 0;
        curl_multi_perform(multi, &running);
        collect_done();
        curl_multi_poll(multi, nullptr, 0, poll_timeout_ms(), nullptr);
    }
}

void CurlHttpClient::Impl::handle(Command& cmd) {
    if (auto* s = std::get_if<Submit>(&cmd)) {
        Transfer& t = *s->transfer;
        t.due = Clock::now(); // started by start_due()
        if (t.request.cacheable && t.request.method == Method::get) {
            std::shared_ptr<EtagCache> cache;
            {
                std::lock_guard lock(mutex);
                cache = settings->config.etag_cache;
            }
            if (cache) {
                t.cached = cache->lookup(t.request.url);
            }
        }
        transfers.emplace(t.id, std::move(s->transfer));
    } else {
        cancel_transfer(std::get<Cancel>(cmd).id, "cancelled");
    }
}

void CurlHttpClient::Impl::start_due() {
    const auto now = Clock::now();
    std::shared_ptr<const ClientSettings> current;
    {
        std::lock_guard lock(mutex);
        current = settings;
    }
    std::vector<std::pair<RequestId, Error>> failed;
    for (auto& [id, t] : transfers) {
        if (!t->due || *t->due > now) {
            continue;
        }
        t->due.reset();
        if (auto error = t->prepare_attempt(current)) {
            error->request_id = t->request_id;
            diag::warn(diag::Category::net, to_string(t->request.method), " ",
                       loggable_url(t->request.url), " not sent: ", error->log_line());
            failed.emplace_back(id, std::move(*error));
            continue;
        }
        curl_multi_add_handle(multi, t->easy);
    }
    for (auto& [id, error] : failed) {
        complete(id, std::move(error));
    }
}

void CurlHttpClient::Impl::collect_done() {
    int left = 0;
    while (CURLMsg* m = curl_multi_info_read(multi, &left)) {
        if (m->msg != CURLMSG_DONE) {
            continue;
        }
        Transfer* t = nullptr;
        curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &t);
        const CURLcode code = m->data.result;
        curl_multi_remove_handle(multi, m->easy_handle);
        finish_attempt(*t, code);
    }
}

void CurlHttpClient::Impl::finish_attempt(Transfer& t, CURLcode code) {
    const auto& config = t.settings->config;
    AttemptOutcome outcome;
    outcome.method = t.request.method;
    outcome.has_idempotency_key = t.request.idempotency_key.has_value();
    outcome.attempts_made = t.attempt;
    outcome.elapsed = since(t.started);

    long status = 0;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
    curl_off_t attempt_us = 0; // this attempt alone; outcome.elapsed spans all attempts
    curl_easy_getinfo(t.easy, CURLINFO_TOTAL_TIME_T, &attempt_us);
    const auto attempt_ms = static_cast<long long>(attempt_us / 1000);
    t.response.bytes = t.response.body.size();
    std::string location; // a redirect's target, resolved against the URL asked for
    if (code == CURLE_OK && is_redirect(status)) {
        char* to = nullptr;
        if (curl_easy_getinfo(t.easy, CURLINFO_REDIRECT_URL, &to) == CURLE_OK && to != nullptr) {
            location = to;
        }
    }
    if (code != CURLE_OK) {
        outcome.failure = detail::error_from_curl(code, t);
    } else if (!location.empty()) {
        outcome.failure = detail::refuse_redirect(t, static_cast<int>(status), location);
        if (!outcome.failure) {
            diag::debug(diag::Category::net, to_string(t.request.method), " ",
                        loggable_url(t.target), " -> ", status, " same origin, to ",
                        loggable_url(location), " id=", t.request_id);
            t.release();
            t.target = std::move(location);
            ++t.redirects_followed;
            t.following_redirect = true;
            t.due = Clock::now();
            return;
        }
    } else {
        t.response.status = static_cast<int>(status);
        outcome.status = t.response.status;
        if (auto ra = t.response.headers.get("Retry-After")) {
            outcome.retry_after = parse_retry_after(*ra, std::chrono::system_clock::now());
        }
    }
    t.release();

    const std::string url = loggable_url(t.request.url);
    const auto method = to_string(t.request.method);
    if (outcome.failure) {
        diag::debug(diag::Category::net, method, " ", url, " -> ", to_string(outcome.failure->kind),
                    " in ", outcome.elapsed.count(), " ms attempt ", t.attempt,
                    " id=", t.request_id);
    } else {
        diag::debug(diag::Category::net, method, " ", url, " -> ", outcome.status, " ",
                    t.response.bytes, " B in ", attempt_ms, " ms attempt ", t.attempt,
                    " id=", t.request_id);
    }

    const UniformRandom random = config.random ? config.random : [this] {
        return random_unit();
    };
    const RetryDecision d = decide_retry(config.retry, outcome, random);
    if (d.retry) {
        diag::debug(diag::Category::net, "retry ", method, " ", url, " in ", d.delay.count(),
                    " ms (", d.reason, ") id=", t.request_id);
        if (config.on_retry) {
            config.on_retry(RetryEvent{t.request_id, t.attempt, d.delay, d.reason});
        }
        t.due = Clock::now() + d.delay;
        return;
    }
    if (outcome.failure) {
        diag::info(diag::Category::net, method, " ", url, " failed after ", t.attempt,
                   " attempt(s): ", outcome.failure->log_line());
        complete(t.id, *outcome.failure);
        return;
    }
    Response& r = t.response;
    if (r.status == 304 && t.cached) {
        r.status = 200;
        r.body = t.cached->body;
        r.from_cache = true;
    } else if (r.status == 200 && t.request.cacheable && t.request.method == Method::get &&
               config.etag_cache) {
        if (auto etag = r.headers.get("ETag"); etag && !etag->empty()) {
            config.etag_cache->store(t.request.url, *etag, r.body);
        }
    }
    r.attempts = t.attempt;
    r.duration = since(t.started);
    complete(t.id, std::move(r));
}

void CurlHttpClient::Impl::complete(RequestId id, Result<Response> result) {
    auto it = transfers.find(id);
    if (it == transfers.end()) {
        return;
    }
    std::unique_ptr<Transfer> t = std::move(it->second);
    transfers.erase(it);
    if (t->easy != nullptr) {
        curl_multi_remove_handle(multi, t->easy);
        t->release();
    }
    deliver(*t, std::move(result));
}

void CurlHttpClient::Impl::cancel_transfer(RequestId id, const char* why) {
    std::vector<RequestId> ids;
    if (id == 0) {
        for (const auto& entry : transfers) {
            ids.push_back(entry.first);
        }
    } else if (transfers.count(id) != 0) {
        ids.push_back(id);
    }
    for (RequestId each : ids) {
        Error e = make_error(ErrorKind::cancelled, why);
        e.request_id = transfers.at(each)->request_id;
        diag::debug(diag::Category::net, to_string(transfers.at(each)->request.method), " ",
                    loggable_url(transfers.at(each)->request.url), " cancelled id=", e.request_id);
        complete(each, e);
    }
}

int CurlHttpClient::Impl::poll_timeout_ms() const {
    int timeout = 1000;
    const auto now = Clock::now();
    for (const auto& [id, t] : transfers) {
        if (t->due) {
            const auto wait = std::chrono::duration_cast<milliseconds>(*t->due - now).count();
            timeout = std::min<int>(timeout, static_cast<int>(std::max<long long>(wait, 0)));
        }
    }
    return timeout;
}

} // namespace cd::net
