#include "render/browser_process.hpp"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

extern char** environ;

namespace amable::render {
namespace fs = std::filesystem;

namespace {

constexpr size_t k_max_message = 256u << 20;

bool executable(const std::string& p) { return !p.empty() && access(p.c_str(), X_OK) == 0 && !fs::is_directory(p); }

std::string on_path(std::string_view name) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "/usr/bin:/bin";
  while (!rest.empty()) {
    const auto colon = rest.find(':');
    const std::string dir(rest.substr(0, colon));
    if (!dir.empty() && executable(dir + "/" + std::string(name))) return dir + "/" + std::string(name);
    if (colon == std::string_view::npos) break;
    rest = rest.substr(colon + 1);
  }
  return {};
}

void close_quietly(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

}  // namespace

std::string find_browser(std::string_view configured) {
  if (!configured.empty()) {
    const std::string c(configured);
    if (c.find('/') != std::string::npos) return executable(c) ? c : std::string();
    return on_path(c);
  }
  // The headless shell first: made for this (61 MiB, no display code), then a full Chromium.
  for (const char* p : {"/usr/lib/chromium/chromium-headless-shell", "/usr/lib/chromium/chromium"})
    if (executable(p)) return p;
  for (const char* name : {"chromium-headless-shell", "chromium", "chromium-browser", "google-chrome-stable", "google-chrome"})
    if (auto p = on_path(name); !p.empty()) return p;
  return {};
}

std::expected<std::unique_ptr<BrowserProcess>, std::string> BrowserProcess::launch(const LaunchOptions& o) {
  if (!executable(o.browser)) return std::unexpected(o.browser + ": not an executable browser");
  std::unique_ptr<BrowserProcess> b(new BrowserProcess());

  // The profile goes under TMPDIR (else /tmp), and is removed with the browser.
  std::error_code tmp_ec;
  const fs::path tmp = fs::temp_directory_path(tmp_ec);
  std::string tmpl = ((tmp_ec ? fs::path("/tmp") : tmp) / "amable-browser-XXXXXX").string();
  if (!mkdtemp(tmpl.data()))
    return std::unexpected("cannot make a browser profile folder in " + fs::path(tmpl).parent_path().string() + ": " + std::strerror(errno));
  b->m_profile = tmpl;

  // Root: the browser runs as "nobody", its sandbox on (Chromium refuses to sandbox as root).
  uid_t uid = 0;
  gid_t gid = 0;
  const bool drop = geteuid() == 0;
  if (drop) {
    const passwd* pw = getpwnam("nobody");
    uid = pw ? pw->pw_uid : 65534;
    gid = pw ? pw->pw_gid : 65534;
    if (chown(b->m_profile.c_str(), uid, gid) != 0)
      return std::unexpected(std::string("cannot hand the browser profile to nobody: ") + std::strerror(errno));
  }

  int to_browser[2], from_browser[2];
  if (pipe2(to_browser, O_CLOEXEC) != 0) return std::unexpected(std::string("pipe: ") + std::strerror(errno));
  if (pipe2(from_browser, O_CLOEXEC) != 0) {
    close(to_browser[0]);
    close(to_browser[1]);
    return std::unexpected(std::string("pipe: ") + std::strerror(errno));
  }

  // Everything the child needs is made before fork: after it, only async-signal-safe calls.
  std::vector<std::string> args = {o.browser,
                                   "--remote-debugging-pipe",
                                   "--user-data-dir=" + b->m_profile,
                                   "--headless",
                                   "--no-first-run",
                                   "--no-default-browser-check",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-default-apps",
                                   "--disable-extensions",
                                   "--disable-sync",
                                   "--disable-gpu",
                                   "--mute-audio",
                                   "--hide-scrollbars",
                                   "--block-new-web-contents",
                                   // Frames stay in the page's process, so their requests are intercepted with the page's.
                                   "--disable-features=Translate,MediaRouter,OptimizationHints,DialMediaRouteProvider,IsolateOrigins,site-per-process",
                                   // Belt and braces: amable answers every request itself; anything that
                                   // slipped past (a WebSocket) goes to a dead proxy, names resolve nowhere.
                                   "--proxy-server=http://127.0.0.1:9",
                                   "--proxy-bypass-list=<-loopback>",
                                   "--host-resolver-rules=MAP * ~NOTFOUND",
                                   "--js-flags=--max-old-space-size=" + std::to_string(o.js_heap_mb)};
  for (const auto& a : o.extra_args) args.push_back(a);
  args.push_back("about:blank");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = {"HOME=" + b->m_profile, "PATH=/usr/bin:/bin", "LANG=C.UTF-8"};
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  const pid_t parent = getpid();

  const pid_t pid = fork();
  if (pid < 0) return std::unexpected(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    setpgid(0, 0);
    // fd 3: commands in; fd 4: replies out. Both are first moved above 4, so that neither
    // dup2 overwrites the other's source or is a no-op that keeps close-on-exec.
    const int in = fcntl(to_browser[0], F_DUPFD, 10), out = fcntl(from_browser[1], F_DUPFD, 10);
    if (in < 0 || out < 0 || dup2(in, 3) < 0 || dup2(out, 4) < 0) _exit(127);
    const int devnull = open("/dev/null", O_RDWR);
    if (devnull >= 0) {
      dup2(devnull, 0);
      dup2(devnull, 1);
      dup2(devnull, 2);
    }
    if (drop && (setgroups(0, nullptr) != 0 || setgid(gid) != 0 || setuid(uid) != 0)) _exit(126);
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // after setuid, which clears it
    if (getppid() != parent) _exit(125);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  close(to_browser[0]);
  close(from_browser[1]);
  b->m_pid = pid;
  b->m_to = to_browser[1];
  b->m_from = from_browser[0];
  fcntl(b->m_to, F_SETFL, fcntl(b->m_to, F_GETFL) | O_NONBLOCK);
  fcntl(b->m_from, F_SETFL, fcntl(b->m_from, F_GETFL) | O_NONBLOCK);
  return b;
}

BrowserProcess::~BrowserProcess() {
  close_quietly(m_to);
  close_quietly(m_from);
  if (m_pid > 0) {
    kill(-m_pid, SIGKILL);  // the browser and every renderer and helper it started
    kill(m_pid, SIGKILL);
    int status = 0;
    while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (!m_profile.empty()) {
    std::error_code ec;
    // Helpers of the browser may still be writing for a moment after the kill.
    for (int i = 0; i < 5 && fs::exists(m_profile, ec); ++i) {
      fs::remove_all(m_profile, ec);
      if (ec) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
}

double BrowserProcess::cpu_seconds() const {
  // Every process of the browser's group (renderers, GPU and network services), from /proc.
  double ticks = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/proc", ec)) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    FILE* f = std::fopen((e.path() / "stat").c_str(), "r");
    if (!f) continue;
    char line[1024];
    const size_t n = std::fread(line, 1, sizeof line - 1, f);
    std::fclose(f);
    line[n] = 0;
    const char* close = std::strrchr(line, ')');  // the command name may hold spaces
    if (!close) continue;
    long pgrp = 0;
    unsigned long utime = 0, stime = 0;
    // Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    if (std::sscanf(close + 2, "%*c %*d %ld %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &pgrp, &utime, &stime) == 3 && pgrp == m_pid)
      ticks += static_cast<double>(utime + stime);
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

namespace {

// Writing to the pipe of a browser that has died raises SIGPIPE, whose default action ends
// amable. While one is alive, this thread blocks SIGPIPE; a SIGPIPE the write raised is taken
// off the pending set before the mask is restored, so write() just fails with EPIPE. (libcurl
// guards its sockets the same way.)
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    m_was_pending = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe, &m_old);
  }
  ~SigpipeGuard() {
    if (!m_was_pending) {
      sigset_t pipe;
      sigemptyset(&pipe);
      sigaddset(&pipe, SIGPIPE);
      const timespec zero{0, 0};
      while (sigtimedwait(&pipe, nullptr, &zero) == SIGPIPE) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t m_old;
  bool m_was_pending = false;
};

}  // namespace

bool BrowserProcess::send(std::string_view json, std::chrono::milliseconds timeout) {
  const SigpipeGuard no_sigpipe;
  std::string msg(json);
  msg.push_back('\0');
  size_t done = 0;
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (done < msg.size()) {
    const ssize_t n = write(m_to, msg.data() + done, msg.size() - done);
    if (n > 0) {
      done += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && errno != EAGAIN && errno != EINTR) return false;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{m_to, POLLOUT, 0};
    poll(&p, 1, static_cast<int>(left.count()));
  }
  return true;
}

bool BrowserProcess::read_available(std::vector<std::string>& out) {
  char buf[65536];
  while (true) {
    const ssize_t n = read(m_from, buf, sizeof buf);
    if (n > 0) {
      m_partial.append(buf, static_cast<size_t>(n));
      if (m_partial.size() > k_max_message) return false;  // no NUL in 256 MiB: not DevTools
      continue;
    }
    if (n == 0) break;  // the browser closed its end
    if (errno == EINTR) continue;
    if (errno == EAGAIN) {
      size_t start = 0;
      for (size_t nul; (nul = m_partial.find('\0', start)) != std::string::npos; start = nul + 1)
        out.emplace_back(m_partial.substr(start, nul - start));
      m_partial.erase(0, start);
      return true;
    }
    break;
  }
  size_t start = 0;
  for (size_t nul; (nul = m_partial.find('\0', start)) != std::string::npos; start = nul + 1)
    out.emplace_back(m_partial.substr(start, nul - start));
  m_partial.erase(0, start);
  return false;
}

}  // namespace amable::render
