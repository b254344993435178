#include "connectors/http.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "core/error.hpp"

namespace convstat::connectors {

namespace {

using json = nlohmann::json;

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void sleep_seconds(double s) {
  if (s > 0) std::this_thread::sleep_for(std::chrono::duration<double>(s));
}

double random_jitter() {
  static thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// libcurl's global state, set up once before the first handle.
void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  const std::string_view line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    auto& headers = *static_cast<std::map<std::string, std::string>*>(user);
    headers[lower(std::string(line.substr(0, colon)))] = trim(line.substr(colon + 1));
  } else if (line.rfind("HTTP/", 0) == 0) {
    static_cast<std::map<std::string, std::string>*>(user)->clear();  // a new response (after 100 Continue)
  }
  return size * count;
}

bool retryable_status(long status, bool get) {
  return status == 429 || status == 502 || status == 503 || status == 504 || (get && status == 500);
}

// Transport errors after which the request surely never reached the server.
bool never_sent(CURLcode code) {
  return code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_RESOLVE_PROXY;
}

bool tls_error(CURLcode code) {
  return code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CONNECT_ERROR || code == CURLE_SSL_CACERT_BADFILE ||
         code == CURLE_SSL_CERTPROBLEM || code == CURLE_SSL_ISSUER_ERROR;
}

std::string loc_path(const json& loc) {
  std::string out;
  if (!loc.is_array()) return out;
  for (const auto& part : loc) {
    if (!out.empty()) out += '.';
    out += part.is_string() ? part.get<std::string>() : part.dump();
  }
  return out;
}

}  // namespace

std::optional<RateLimit> parse_rate_limit(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  RateLimit limit;
  try {
    std::size_t used = 0;
    const std::string count(text.substr(0, slash));
    limit.requests = std::stoi(count, &used);
    if (used != count.size() || limit.requests <= 0) return std::nullopt;
    std::string window(text.substr(slash + 1));
    double unit = 1;
    if (!window.empty() && (window.back() == 's' || window.back() == 'm' || window.back() == 'h')) {
      unit = window.back() == 'h' ? 3600 : window.back() == 'm' ? 60 : 1;
      window.pop_back();
    }
    if (window.empty()) window = "1";
    const double amount = std::stod(window, &used);
    if (used != window.size() || !(amount > 0)) return std::nullopt;
    limit.window_s = amount * unit;
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return limit;
}

RateLimiter::RateLimiter(RateLimit limit, Clock clock, Sleep sleep)
    : m_limit(limit), m_clock(std::move(clock)), m_sleep(std::move(sleep)) {}

void RateLimiter::acquire() {
  const auto forget_old = [&](double now) {
    while (!m_sent.empty() && m_sent.front() <= now - m_limit.window_s) m_sent.pop_front();
  };
  double now = m_clock();
  forget_old(now);
  if (static_cast<int>(m_sent.size()) >= m_limit.requests) {
    m_sleep(m_sent.front() + m_limit.window_s - now);
    now = std::max(m_clock(), m_sent.front() + m_limit.window_s);  // a sleep cut short still waits its turn
    forget_old(now);
  }
  m_sent.push_back(now);
}

std::optional<double> parse_retry_after(std::string_view value, std::time_t now) {
  const std::string v = trim(value);
  if (v.empty()) return std::nullopt;
  if (std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    if (v.size() > 9) return std::nullopt;
    return std::stod(v);
  }
  std::tm tm{};
  const char* end = strptime(v.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (!end || *end != '\0') return std::nullopt;
  return std::max(0.0, static_cast<double>(timegm(&tm) - now));
}

std::optional<double> body_retry_after(std::string_view body) {
  const json j = json::parse(body, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  const auto it = j.find("retry_after");
  if (it == j.end() || !it->is_number() || it->get<double>() < 0) return std::nullopt;
  return it->get<double>();
}

std::string error_message(std::string_view body) {
  const json j = json::parse(body, nullptr, false);
  if (j.is_object()) {
    if (const auto d = j.find("detail"); d != j.end()) {
      if (d->is_string()) return d->get<std::string>();
      if (d->is_array()) {
        std::string out;
        for (const auto& item : *d) {
          if (!out.empty()) out += "; ";
          if (item.is_object() && item.contains("msg")) {
            const std::string where = loc_path(item.value("loc", json::array()));
            out += (where.empty() ? "" : where + ": ") + item["msg"].get<std::string>();
          } else {
            out += item.is_string() ? item.get<std::string>() : item.dump();
          }
        }
        return out;
      }
    }
    if (const auto m = j.find("message"); m != j.end() && m->is_string()) return m->get<std::string>();
    if (const auto e = j.find("error"); e != j.end()) {
      if (e->is_string()) return e->get<std::string>();
      if (e->is_object() && e->contains("message") && (*e)["message"].is_string()) return (*e)["message"].get<std::string>();
    }
  }
  std::string first(body.substr(0, body.find('\n')));
  if (first.size() > 200) first = first.substr(0, 200) + "…";
  return trim(first);
}

double backoff_delay(int attempt, double base_s, double max_s, double jitter) {
  const double exponential = base_s * std::pow(2.0, std::max(0, attempt - 1));
  return std::min(exponential, max_s) * (0.5 + 0.5 * std::clamp(jitter, 0.0, 1.0));
}

std::string scrub_secrets(std::string text, const std::vector<std::string>& secrets) {
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3))
      text.replace(at, secret.size(), "***");
  }
  return text;
}

HttpClient::HttpClient(HttpOptions options) : m_options(std::move(options)) {
  if (!m_options.sleep) m_options.sleep = sleep_seconds;
  if (!m_options.clock) m_options.clock = steady_seconds;
  if (!m_options.now) m_options.now = [] { return std::time(nullptr); };
  if (!m_options.jitter) m_options.jitter = random_jitter;
  while (!m_options.base_url.empty() && m_options.base_url.back() == '/') m_options.base_url.pop_back();
  if (m_options.rate_limit)
    m_limiter = std::make_unique<RateLimiter>(*m_options.rate_limit, m_options.clock, m_options.sleep);
  global_init();
  m_curl = curl_easy_init();
  if (!m_curl) throw core::BackendError(m_options.backend + ": cannot start an HTTP client");
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(m_curl)); }

HttpResponse HttpClient::get(const std::string& path, const Query& query) { return send("GET", path, query, nullptr); }

HttpResponse HttpClient::post(const std::string& path, const std::string& json_body, const Query& query) {
  return send("POST", path, query, &json_body);
}

std::string HttpClient::url_of(const std::string& path, const Query& query) const {
  std::string url = m_options.base_url + (path.empty() || path[0] == '/' ? "" : "/") + path;
  char separator = url.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [key, value] : query) {
    char* k = curl_easy_escape(static_cast<CURL*>(m_curl), key.data(), static_cast<int>(key.size()));
    char* v = curl_easy_escape(static_cast<CURL*>(m_curl), value.data(), static_cast<int>(value.size()));
    url += separator;
    url += std::string(k) + "=" + v;
    curl_free(k);
    curl_free(v);
    separator = '&';
  }
  return url;
}

HttpResponse HttpClient::send(const std::string& method, const std::string& path, const Query& query,
                              const std::string* body) {
  CURL* curl = static_cast<CURL*>(m_curl);
  const bool get = method == "GET";
  const std::string url = url_of(path, query);
  std::vector<std::string> secrets;
  for (const auto& [name, value] : m_options.auth_headers) secrets.push_back(value);
  const std::string what = m_options.backend + ": " + method + " " + (path.empty() || path[0] == '/' ? "" : "/") + path;
  const auto fail = [&](const std::string& message, std::string hint = {}) -> core::BackendError {
    return core::BackendError(scrub_secrets(what + ": " + message, secrets), scrub_secrets(std::move(hint), secrets));
  };

  for (int attempt = 1;; ++attempt) {
    if (m_limiter) m_limiter->acquire();
    HttpResponse response;
    char error_text[CURL_ERROR_SIZE] = {0};
    curl_easy_reset(curl);  // keeps the live connections: they are reused
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Accept: application/json");
    if (body) headers = curl_slist_append(headers, "Content-Type: application/json");
    for (const auto& [name, value] : m_options.auth_headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "convstat/" CONVSTAT_VERSION);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_options.connect_timeout_s * 1000));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.timeout_s * 1000));
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);  // always: there is no option to turn it off
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (m_options.ca_file) curl_easy_setopt(curl, CURLOPT_CAINFO, m_options.ca_file->c_str());
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
    if (body) {
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->c_str());
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body->size()));
    }
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (code == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    m_requests.push_back({method, url, code == CURLE_OK ? response.status : 0, attempt});

    const bool more = attempt <= m_options.max_retries;
    if (code != CURLE_OK) {
      const std::string reason = std::string(curl_easy_strerror(code)) + (error_text[0] ? std::string(" (") + error_text + ")" : "");
      if (tls_error(code))
        throw fail(reason, "TLS certificates are always verified; set ca_file in the backend for a private CA");
      if (more && (get || never_sent(code))) {
        m_options.sleep(backoff_delay(attempt, m_options.backoff_base_s, m_options.backoff_max_s, m_options.jitter()));
        continue;
      }
      throw fail(reason + " after " + std::to_string(attempt) + (attempt == 1 ? " attempt" : " attempts"),
                 "check base_url and the network");
    }
    if (response.status >= 200 && response.status < 300) return response;
    if (std::find(m_options.answered_statuses.begin(), m_options.answered_statuses.end(), response.status) !=
        m_options.answered_statuses.end())
      return response;

    const std::string message = error_message(response.body);
    const std::string status_text = std::to_string(response.status) + (message.empty() ? "" : " " + message);
    if (retryable_status(response.status, get) && get) {
      std::optional<double> wait;
      if (const auto h = response.headers.find("retry-after"); h != response.headers.end())
        wait = parse_retry_after(h->second, m_options.now());
      if (!wait) wait = body_retry_after(response.body);
      if (wait && *wait > m_options.retry_after_max_s)
        throw fail(status_text + " (asks to wait " + std::to_string(static_cast<long>(*wait)) + " s)",
                   "try again later");
      if (more) {
        m_options.sleep(wait.value_or(
            backoff_delay(attempt, m_options.backoff_base_s, m_options.backoff_max_s, m_options.jitter())));
        continue;
      }
      throw fail(status_text + " after " + std::to_string(attempt) + " attempts");
    }
    if (response.status == 401 || response.status == 403)
      throw fail(status_text, m_options.credential_hint.empty() ? std::string("check the backend's credentials")
                                                                 : "the credential used is " + m_options.credential_hint);
    throw fail(status_text);
  }
}

}  // namespace convstat::connectors
