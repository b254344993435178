#pragma once
// The HTTP behaviour every HTTP backend shares (spec/connectors.md "Shared
// HTTP behaviour"): one libcurl handle per backend (connections reused),
// connect and total timeouts, TLS always verified (ca_file for private CAs),
// proxies from the environment, User-Agent convstat/VERSION; retries with
// exponential backoff and jitter on transport errors, 429, 502, 503, 504 and,
// for GETs, 500, honouring Retry-After (seconds or HTTP date) and a body's
// retry_after; other 4xx never retried; a POST retried only when it never
// reached the server; a client-side rate limiter per backend; error bodies
// parsed in every documented shape; secrets never in any message.
#include <chrono>
#include <cstdint>
#include <ctime>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace convstat::connectors {

// `rate_limit = "100/60s"`: at most `requests` in any `window_s` seconds.
struct RateLimit {
  int requests = 0;
  double window_s = 0;
};
// "100/60s", "10/1s", "600/1m", "5000/1h" (s, m, h; a bare number is seconds).
// nullopt when malformed.
std::optional<RateLimit> parse_rate_limit(std::string_view text);

// The client-side rate limit: at most `requests` in any `window_s` seconds
// (a sliding window log: stricter than a token bucket, whose full bucket plus
// refill can send up to twice the limit within one window, so a server that
// counts the same way never answers 429). Clock and sleep are injectable.
class RateLimiter {
public:
  using Clock = std::function<double()>;      // seconds, monotonic
  using Sleep = std::function<void(double)>;  // seconds
  RateLimiter(RateLimit limit, Clock clock, Sleep sleep);
  // Waits until one more request stays within the limit, and counts it.
  void acquire();

private:
  RateLimit m_limit;
  Clock m_clock;
  Sleep m_sleep;
  std::deque<double> m_sent;  // times of the requests within the last window
};

// Retry-After: delta-seconds ("120") or an HTTP date ("Wed, 21 Oct 2026
// 07:28:00 GMT", read against `now`); never negative. nullopt when malformed.
std::optional<double> parse_retry_after(std::string_view value, std::time_t now);
// A JSON body's top-level "retry_after" (seconds), if any.
std::optional<double> body_retry_after(std::string_view body);
// The message of an error body in every shape the seed documents use:
// {"detail": "…"}, {"detail": [{"loc": […], "msg": "…"}, …]} (joined with
// "; ", locations as dotted paths), {"status": "ERROR"|"error"|false,
// "message": "…"}, {"error": "…"} or {"error": {"message": "…"}}; otherwise
// the body's first line (at most 200 bytes), or "" for an empty body.
std::string error_message(std::string_view body);
// Delay before retry `attempt` (1-based): base · 2^(attempt-1), capped at
// `max`, scaled by a jitter factor in [0.5, 1] (`jitter` in [0, 1]).
double backoff_delay(int attempt, double base_s, double max_s, double jitter);
// Every occurrence of each non-empty secret replaced by "***".
std::string scrub_secrets(std::string text, const std::vector<std::string>& secrets);

struct HttpOptions {
  std::string backend;          // the backend's name, in messages
  std::string base_url;         // "https://api.example.com" (no trailing slash needed)
  double connect_timeout_s = 10;
  double timeout_s = 30;        // the whole transfer
  int max_retries = 5;
  std::optional<std::string> ca_file;
  std::optional<RateLimit> rate_limit;
  double backoff_base_s = 0.5;
  double backoff_max_s = 30;
  double retry_after_max_s = 300;  // a longer Retry-After is an error, not a wait
  // Headers sent with every request (credentials); their values are secrets.
  std::vector<std::pair<std::string, std::string>> auth_headers;
  // Which credential is used, for 401/403 hints: "X-API-Key from $AURION_API_KEY".
  std::string credential_hint;
  // Injectable time (tests): sleeping, a monotonic clock, the wall clock, jitter in [0, 1].
  std::function<void(double)> sleep;
  std::function<double()> clock;
  std::function<std::time_t()> now;
  std::function<double()> jitter;
  // Non-2xx statuses returned as responses instead of thrown, for a kind whose
  // document gives them a meaning (speechai: 404 Session not found, 400/422).
  std::vector<long> answered_statuses;
};

struct HttpResponse {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names lower-cased
};

// One request as sent, for tests and reports (never headers: they hold secrets).
struct RequestRecord {
  std::string method, url;
  long status = 0;   // 0: no response (transport error)
  int attempt = 1;
};

using Query = std::vector<std::pair<std::string, std::string>>;

class HttpClient {
public:
  explicit HttpClient(HttpOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // GET base_url + path + ?query (values percent-encoded). Returns the 2xx
  // response; throws core::BackendError (exit 4) otherwise, after the retries
  // the policy allows: "NAME: GET /path: 401 <message>" with the credential
  // hint for 401/403, "NAME: GET /path: <transport error> after N attempts".
  HttpResponse get(const std::string& path, const Query& query = {});
  // POST a JSON body (Content-Type: application/json); same errors.
  HttpResponse post(const std::string& path, const std::string& json_body, const Query& query = {});

  const std::vector<RequestRecord>& requests() const { return m_requests; }
  const HttpOptions& options() const { return m_options; }

private:
  HttpResponse send(const std::string& method, const std::string& path, const Query& query, const std::string* body);
  std::string url_of(const std::string& path, const Query& query) const;

  HttpOptions m_options;
  void* m_curl = nullptr;  // CURL*
  std::unique_ptr<RateLimiter> m_limiter;
  std::vector<RequestRecord> m_requests;
};

}  // namespace convstat::connectors
