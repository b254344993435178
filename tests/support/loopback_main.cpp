// loopback KIND PORT_FILE LOG_FILE [FLAG...]: runs one seed document's loopback
// server as a process, for the end-to-end tests (lib.sh's start_loopback).
// KIND names the server (aurion: aurion_server.hpp, indigo: indigo_server.hpp,
// analytic: analytic_server.hpp, speechai: speechai_server.hpp, botserver:
// botserver_server.hpp).
// Writes its port to PORT_FILE (atomically, once listening), appends one line
// per request to LOG_FILE ("GET /path?key=value&…", parameters sorted by key,
// written before the request is answered) and exits on SIGTERM or SIGINT.
// Flags: aurion --accept-api-key (also take the X-API-Key "itsm_sk_live_good",
// the seed's future public contract, instead of answering 403 to every key).
// aurion also reads LOOPBACK_AURION_* variables, analytic LOOPBACK_ANALYTIC_*
// (see below), for sync tests.
//
// Responses are gzip-compressed when asked, never brotli: Debian's cpp-httplib
// compresses brotli at quality 11, ~150 ms for a 70 KB page, which made this
// server, not convstat, the bottleneck of bench/sync (libcurl offers br). Real
// APIs compress dynamic answers with gzip or a low brotli level.
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "analytic_server.hpp"
#include "aurion_server.hpp"
#include "botserver_server.hpp"
#include "indigo_server.hpp"
#include "speechai_server.hpp"

namespace {

volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

// Logs every request of `server` to `log_file`, starts it with `start`, writes
// `port()` to `port_file` and serves until a signal.
int serve(httplib::Server& server, const std::function<void()>& start, const std::function<int()>& port,
          const std::string& port_file, const std::string& log_file) {
  std::mutex log_mutex;
  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response&) {
    // The request object is the server's own (not const): offer gzip only (see the top).
    auto& headers = const_cast<httplib::Request&>(req).headers;
    if (const auto it = headers.find("Accept-Encoding"); it != headers.end() && it->second.find("br") != std::string::npos) {
      headers.erase(it);
      headers.emplace("Accept-Encoding", "gzip, deflate");
    }
    std::string line = req.method + " " + req.path;
    char sep = '?';
    for (const auto& [key, value] : req.params) {  // sorted by key
      line += sep + key + "=" + value;
      sep = '&';
    }
    std::lock_guard<std::mutex> lock(log_mutex);
    std::ofstream(log_file, std::ios::app) << line << "\n" << std::flush;
    return httplib::Server::HandlerResponse::Unhandled;
  });
  start();
  {
    const std::string tmp = port_file + ".tmp";
    std::ofstream(tmp) << port() << "\n";
    std::rename(tmp.c_str(), port_file.c_str());
  }
  while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  return 0;
}

template <class Server>
int run(Server& s, const std::string& port_file, const std::string& log_file) {
  return serve(s.server, [&] { s.start(); }, [&] { return s.port; }, port_file, log_file);
}

}  // namespace

int main(int argc, char** argv) {
  const std::map<std::string, std::set<std::string>> kinds = {
      {"aurion", {"--accept-api-key"}}, {"indigo", {}}, {"analytic", {}}, {"speechai", {}},
      {"botserver", {}}};
  const std::vector<std::string> args(argv + 1, argv + argc);
  const auto kind = args.empty() ? kinds.end() : kinds.find(args[0]);
  bool usable = kind != kinds.end() && args.size() >= 3;
  std::set<std::string> flags;
  for (std::size_t i = 3; usable && i < args.size(); ++i) {
    usable = kind->second.count(args[i]) > 0;
    flags.insert(args[i]);
  }
  if (!usable) {
    std::cerr << "usage: loopback aurion|indigo|analytic|speechai|botserver PORT_FILE LOG_FILE [--accept-api-key (aurion)]\n";
    return 2;
  }
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  const std::string& port_file = args[1];
  const std::string& log_file = args[2];
  const auto env_int = [](const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
  };
  if (args[0] == "aurion") {
    convstat::testing::AurionServer server;
    server.accept_api_key = flags.count("--accept-api-key") > 0;
    // sync tests and bench/sync: LOOPBACK_AURION_DELAY_MS (every answer waits), LOOPBACK_AURION_RESPONSES
    // (csat responses), LOOPBACK_AURION_CALLS / LOOPBACK_AURION_CONVERSATIONS (items of an export).
    server.delay_ms = env_int("LOOPBACK_AURION_DELAY_MS", 0);
    server.csat_responses = env_int("LOOPBACK_AURION_RESPONSES", server.csat_responses);
    server.export_calls = env_int("LOOPBACK_AURION_CALLS", server.export_calls);
    server.export_conversations = env_int("LOOPBACK_AURION_CONVERSATIONS", server.export_conversations);
    server.rate_limit = env_int("LOOPBACK_AURION_RATE_LIMIT", server.rate_limit);
    return run(server, port_file, log_file);
  }
  if (args[0] == "analytic") {
    convstat::testing::AnalyticServer server;
    // sync tests and bench/sync: LOOPBACK_ANALYTIC_DELAY_MS (every answer but /health waits),
    // LOOPBACK_ANALYTIC_CONVERSATIONS / _LEADS / _USAGE (records of an export), _INLINE_MAX (bigger exports
    // answer a download_url), _PENDING (downloads answering 202 first), _RATE_LIMIT (requests a minute).
    server.stall_ms = env_int("LOOPBACK_ANALYTIC_DELAY_MS", 0);
    server.export_conversations = env_int("LOOPBACK_ANALYTIC_CONVERSATIONS", server.export_conversations);
    server.export_leads = env_int("LOOPBACK_ANALYTIC_LEADS", server.export_leads);
    server.export_usage = env_int("LOOPBACK_ANALYTIC_USAGE", server.export_usage);
    server.export_inline_max = env_int("LOOPBACK_ANALYTIC_INLINE_MAX", server.export_inline_max);
    server.export_pending = env_int("LOOPBACK_ANALYTIC_PENDING", 0);
    server.rate_limit = env_int("LOOPBACK_ANALYTIC_RATE_LIMIT", server.rate_limit);
    return run(server, port_file, log_file);
  }
  if (args[0] == "speechai") {
    convstat::testing::SpeechaiServer server;
    return run(server, port_file, log_file);
  }
  if (args[0] == "botserver") {
    convstat::testing::BotserverServer server;
    return run(server, port_file, log_file);
  }
  convstat::testing::IndigoServer server;
  return run(server, port_file, log_file);
}
