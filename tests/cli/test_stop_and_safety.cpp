// Nothing lost, nothing out of scope: Ctrl-C and SIGTERM end an audit with a partial report and
// exit 130/143; an unwritable or full output fails before or without leaving half a file; the
// crawl never requests another site, another scheme, or a <base> that points elsewhere; site
// text with terminal escapes cannot drive a terminal.
#include <doctest/doctest.h>

#include <csignal>
#include <thread>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "http_test_server.hpp"

using namespace amable;
using test::TestServer;
namespace fs = std::filesystem;

namespace {

// A shop of 200 pages that each take 100 ms to serve: an audit of it lasts several seconds.
struct SlowShop {
  TestServer server;
  SlowShop() {
    server.server().Get(R"(/(\d*))", [](const httplib::Request& req, httplib::Response& res) {
      const int n = req.matches[1].str().empty() ? 0 : std::stoi(req.matches[1]);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      std::string body = "<!DOCTYPE html><html lang=\"en\"><head><title>Page " + std::to_string(n) + " | Wool & Co</title></head><body>";
      for (int k = 1; k <= 3; ++k) body += "<a href=\"/" + std::to_string(n * 3 + k) + "\">more</a> ";
      res.set_content(body + "</body></html>", "text/html");
    });
    server.start();
  }
};

void check_interrupted(int signal, int exit_code) {
  SlowShop shop;
  test::TempDir dir;
  const auto report = dir / "report.json";
  const auto r = test::run_amable_interrupted({"audit", shop.server.url("/"), "-q", "--max-pages", "200", "--per-host", "2", "-o",
                                               report.string(), "-f", "text"},
                                              {signal, std::chrono::milliseconds(1500)});
  CAPTURE(r.err);
  CHECK(r.killed_by == 0);
  CHECK(r.exit_code == exit_code);
  REQUIRE(fs::exists(report));
  const auto j = nlohmann::json::parse(test::read_file(report));
  CHECK(j["partial"] == true);
  CHECK(j["pages"].size() > 1);
  CHECK(j["pages"].size() < 200);
  CHECK(j["notes"].dump().find("interrupted") != std::string::npos);
  CHECK(r.out.find("Score") != std::string::npos);  // the text report on stdout too
  for (const auto& entry : fs::directory_iterator(dir.path())) CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);
}

}  // namespace

TEST_CASE("stop: Ctrl-C ends the crawl, writes the partial report and exits 130") { check_interrupted(SIGINT, 130); }

TEST_CASE("stop: SIGTERM ends the crawl, writes the partial report and exits 143") { check_interrupted(SIGTERM, 143); }

TEST_CASE("output: an unwritable -o path fails at once, before anything is fetched") {
  SlowShop shop;
  const auto r = test::run_amable({"audit", shop.server.url("/"), "-o", "/nonexistent-dir/report.json"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("/nonexistent-dir/report.json: cannot write") != std::string::npos);
  CHECK(shop.server.log().empty());
  const auto baseline = test::run_amable({"audit", shop.server.url("/"), "--write-baseline", "/nonexistent-dir/known.json"});
  CHECK(baseline.exit_code == 2);
  CHECK(shop.server.log().empty());
}

TEST_CASE("output: a write that fails half-way (a full disk, a file-size limit) exits 2 and leaves no file") {
  test::TempDir dir;
  const auto out = dir / "report.json";
  // ulimit -f 8: files over 8 KiB cannot be written, as on a full disk.
  const auto r = test::run_program("/bin/sh", {"-c", "ulimit -f 8; exec \"$0\" \"$@\"", test::amable_binary().string(), "audit",
                                               (test::source_dir() / "examples" / "tienda-amable").string(), "-q", "-o", out.string()});
  CAPTURE(r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(out.string() + ": cannot write") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  size_t left = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) left += entry.path() != out;
  CHECK(left == 0);  // no temporary file either
}

TEST_CASE("scope: other sites, other schemes and a <base> elsewhere are never requested") {
  TestServer other;  // another site: another port of 127.0.0.1
  other.server().Get(R"(/.*)", [](const httplib::Request&, httplib::Response& res) { res.set_content("<p>other</p>", "text/html"); });
  other.start();
  TestServer shop;
  shop.server().Get("/", [&other](const httplib::Request&, httplib::Response& res) {
    res.set_content("<!DOCTYPE html><html lang=\"en\"><head><title>Wool | Wool & Co</title></head><body>"
                    "<a href=\"" + other.url("/page") + "\">partner</a> <a href=\"ftp://127.0.0.1/file.html\">ftp</a>"
                    " <a href=\"file:///etc/passwd\">file</a> <a href=\"javascript:alert(1)\">js</a> <a href=\"/based\">based</a>"
                    " <a href=\"/redirect-out\">out</a></body></html>",
                    "text/html");
  });
  shop.server().Get("/based", [&other](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html><head><base href=\"" + other.url("/") + "\"></head><body><a href=\"inside.html\">relative</a>"
                    "<base href=\"file:///etc/\"><a href=\"shadow\">x</a></body></html>",
                    "text/html");
  });
  shop.server().Get("/redirect-out", [&other](const httplib::Request&, httplib::Response& res) { res.set_redirect(other.url("/landing")); });
  shop.start();
  const auto r = test::run_amable({"audit", shop.url("/"), "-f", "json", "-q", "--timeout", "3"});
  REQUIRE(r.exit_code <= 1);
  CHECK(other.log().empty());
  const auto j = nlohmann::json::parse(r.out);
  for (const auto& p : j["pages"]) {
    CAPTURE(p["url"].get<std::string>());
    CHECK(p["url"].get<std::string>().starts_with(shop.url("/")));
  }
  bool refused = false;
  for (const auto& e : j["errors"])
    refused = refused || (e["url"] == shop.url("/redirect-out") &&
                          e["error"].get<std::string>().starts_with("redirects to another site (" + other.url("/landing") + ")"));
  INFO(j["errors"].dump());
  CHECK(refused);
}

TEST_CASE("reports: terminal escapes and control characters from the site never reach the text report") {
  test::TempDir dir;
  test::write_file(dir / "index.html", "<!doctype html><html lang=\"en\"><head><title>Shop \x1b[2J\x1b]0;pwned\x07 title</title></head>"
                                       "<body><h1>\x1b[31mRed\x1b[0m</h1><p>We we we our our \x1b[1mbold\x08\x08 us</p></body></html>");
  for (const std::string fmt : {"text", "markdown", "html", "junit", "sarif", "json"}) {
    CAPTURE(fmt);
    const auto r = test::run_amable({"audit", dir.path().string(), "-f", fmt, "--color", "never"});
    REQUIRE(r.exit_code <= 1);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK(r.out.find('\x08') == std::string::npos);
  }
}
