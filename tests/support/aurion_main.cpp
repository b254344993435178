// aurion_loopback PORT_FILE LOG_FILE [--accept-api-key]: runs the seed 002
// loopback server (aurion_server.hpp) for the end-to-end tests; with
// --accept-api-key it also takes the X-API-Key "itsm_sk_live_good" (the
// seed's future public contract) instead of answering 403 to every key.
// Writes its port to PORT_FILE
// (atomically, once listening), appends one line per request to LOG_FILE
// ("GET /api/v2/…?date_from=…&date_to=…", written before the request is answered)
// and exits on SIGTERM or SIGINT.
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>

#include "aurion_server.hpp"

namespace {

volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && !(argc == 4 && std::string(argv[3]) == "--accept-api-key")) {
    std::cerr << "usage: aurion_loopback PORT_FILE LOG_FILE [--accept-api-key]\n";
    return 2;
  }
  const std::string port_file = argv[1], log_file = argv[2];
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);

  convstat::testing::AurionServer server;
  server.accept_api_key = argc == 4;
  std::mutex log_mutex;
  server.server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response&) {
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
  server.start();
  {
    const std::string tmp = port_file + ".tmp";
    std::ofstream(tmp) << server.port << "\n";
    std::rename(tmp.c_str(), port_file.c_str());
  }
  while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  return 0;
}
