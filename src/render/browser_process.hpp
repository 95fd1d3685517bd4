#pragma once
// One headless Chromium, driven over --remote-debugging-pipe: DevTools commands go to its fd 3
// and replies come from its fd 4, each a JSON text ended by a NUL byte (no websocket). The
// browser runs in its own process group with a throw-away profile; run as root, amable starts it
// as the unprivileged user "nobody" so that Chromium's sandbox stays on. It dies with amable
// (parent-death signal) and with this object (the whole group is killed, the profile removed).
#include <sys/types.h>

#include <chrono>
#include <expected>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace amable::render {

struct LaunchOptions {
  std::string browser;            // executable
  size_t js_heap_mb = 192;        // V8 old-space cap per page
  std::vector<std::string> extra_args;
};

// The browser to use: `configured` when given, else chromium-headless-shell, else a Chromium on
// PATH or in /usr/lib/chromium. "" when none is found.
std::string find_browser(std::string_view configured);

class BrowserProcess {
 public:
  static std::expected<std::unique_ptr<BrowserProcess>, std::string> launch(const LaunchOptions& options);
  ~BrowserProcess();
  BrowserProcess(const BrowserProcess&) = delete;
  BrowserProcess& operator=(const BrowserProcess&) = delete;

  // Sends one message (the NUL is added). False when the browser does not take it within
  // `timeout` or has gone.
  bool send(std::string_view json, std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
  // The descriptor to poll for replies.
  int reply_fd() const { return m_from; }
  // Reads what is there without blocking; complete messages are appended to `out`. False once
  // the browser has closed its end (it exited or crashed).
  bool read_available(std::vector<std::string>& out);
  pid_t pid() const { return m_pid; }
  // CPU time (user + system) of the browser's live processes so far, in seconds.
  double cpu_seconds() const;

 private:
  BrowserProcess() = default;
  pid_t m_pid = -1;
  int m_to = -1, m_from = -1;
  std::string m_profile;
  std::string m_partial;
};

}  // namespace amable::render
