// TLS faults: an https shop whose certificate is self-signed, served by `openssl s_server` on
// 127.0.0.1 (a real TLS stack, no network). The audit refuses it with the URL and a plain
// reason, trusts it with --cacert, and reads it with --insecure, saying so in the report.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace amable;

namespace {

// A port free right now on 127.0.0.1.
int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

bool accepts(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  close(fd);
  return ok;
}

// `openssl s_server -WWW` serving `dir` over TLS with a fresh self-signed certificate.
struct TlsServer {
  test::TempDir dir;
  int port = 0;
  pid_t pid = -1;
  bool ok = false;

  TlsServer() {
    const auto key = (dir / "key.pem").string(), cert = (dir / "cert.pem").string();
    const auto made = test::run_program("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                                                     "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
    if (made.exit_code != 0) return;
    port = free_port();
    std::fflush(nullptr);  // or the child would write this process's buffered output again
    pid = fork();
    if (pid == 0) {
      if (chdir(dir.path().c_str()) != 0) _exit(127);
      std::freopen("/dev/null", "w", stdout);
      std::freopen("/dev/null", "w", stderr);
      const std::string accept = "127.0.0.1:" + std::to_string(port);
      execlp("openssl", "openssl", "s_server", "-accept", accept.c_str(), "-cert", cert.c_str(), "-key", key.c_str(), "-WWW",
             "-quiet", static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 500 && !ok; ++i) {
      ok = accepts(port);
      if (!ok) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~TlsServer() {
    if (pid > 0) {
      kill(pid, SIGTERM);
      waitpid(pid, nullptr, 0);
    }
  }
  std::string url(const std::string& path = "/") const { return "https://127.0.0.1:" + std::to_string(port) + path; }
  std::string cert() const { return (dir / "cert.pem").string(); }
};

}  // namespace

TEST_CASE("tls: a self-signed https shop is refused with the URL and the reason, trusted with --cacert, read with --insecure") {
  if (test::run_program("openssl", {"version"}).exit_code != 0) {
    MESSAGE("openssl is not installed: TLS test skipped (scripts/dev test installs it)");
    return;
  }
  TlsServer tls;
  test::write_file(tls.dir / "index.html", test::html_page("en", "Wool blankets | Wool & Co",
                                                           "<h1>Wool blankets</h1><a href=\"/about.html\">About us</a>"));
  test::write_file(tls.dir / "about.html", test::html_page("en", "About | Wool & Co", "<h1>About</h1><p>You can write to us.</p>"));
  REQUIRE(tls.ok);
  const std::string start = tls.url("/index.html");

  const auto refused = test::run_amable({"audit", start, "-f", "json", "--timeout", "5"});
  CAPTURE(refused.err);
  CHECK(refused.exit_code == 3);
  CHECK(refused.err.find(start) != std::string::npos);
  CHECK(refused.err.find("TLS error") != std::string::npos);
  CHECK(refused.err.find("self-signed certificate") != std::string::npos);
  CHECK(refused.err.find("--cacert") != std::string::npos);  // and what to do about it

  const auto trusted = test::run_amable({"audit", start, "-f", "json", "-q", "--timeout", "5", "--cacert", tls.cert()});
  CAPTURE(trusted.err);
  REQUIRE(trusted.exit_code <= 1);
  const auto t = nlohmann::json::parse(trusted.out);
  CHECK(t["pages"].size() == 2);
  CHECK(t["errors"].empty());

  const auto insecure = test::run_amable({"audit", start, "-f", "json", "-q", "--timeout", "5", "--insecure"});
  REQUIRE(insecure.exit_code <= 1);
  const auto i = nlohmann::json::parse(insecure.out);
  CHECK(i["pages"].size() == 2);
  CHECK(i["notes"].dump().find("TLS certificates were not checked (--insecure)") != std::string::npos);
}
