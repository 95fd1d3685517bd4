#pragma once
// A cpp-httplib server on 127.0.0.1 with a free port, started in a thread for one test and
// stopped at its end. Tests never touch the internet.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace amable::test {

class TestServer {
 public:
  TestServer() = default;
  ~TestServer() { stop(); }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  httplib::Server& server() { return m_server; }

  // Binds to 127.0.0.1 (or `host`) on a free port and serves in the background.
  void start(const std::string& host = "127.0.0.1") {
    m_server.set_logger([this](const httplib::Request& req, const httplib::Response&) {
      std::lock_guard lock(m_mutex);
      m_log.push_back({req.path, req.headers, std::chrono::steady_clock::now()});
    });
    m_host = host;
    m_port = m_server.bind_to_any_port(host);
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    while (!m_server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void stop() {
    if (m_thread.joinable()) {
      m_server.stop();
      m_thread.join();
    }
  }
  int port() const { return m_port; }
  std::string url(const std::string& path = "/") const { return "http://" + m_host + ":" + std::to_string(m_port) + path; }

  struct Hit {
    std::string path;
    httplib::Headers headers;
    std::chrono::steady_clock::time_point at;
  };
  std::vector<Hit> log() const {
    std::lock_guard lock(m_mutex);
    return m_log;
  }
  size_t hits(const std::string& path) const {
    size_t n = 0;
    for (const auto& h : log())
      if (h.path == path) ++n;
    return n;
  }

 private:
  httplib::Server m_server;
  std::thread m_thread;
  std::string m_host;
  int m_port = 0;
  mutable std::mutex m_mutex;
  std::vector<Hit> m_log;
};

}  // namespace amable::test
