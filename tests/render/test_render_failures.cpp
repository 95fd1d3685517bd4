// The renderer when the browser misbehaves: a stand-in browser (tests/fake_browser/) that exits,
// speaks garbage, dies mid-audit, never finishes a page or crashes its tabs. Every time the audit
// completes, each page keeps what its HTML says, and the report says what happened.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "render/browser_process.hpp"
#include "render/report_json.hpp"

using namespace amable;
using json = nlohmann::json;
using test::notes_of;
using test::rule;

namespace {

// Links to the fake browser under the names that choose its behaviour, in a folder the
// unprivileged user the browser runs as (when the tests run as root) can use.
struct FakeBrowsers {
  test::TempDir dir;
  FakeBrowsers() {
    chmod(dir.path().c_str(), 0777);
    for (const char* mode : {"fake-ok", "fake-exit", "fake-garbage-start", "fake-garbage", "fake-die", "fake-hang", "fake-crash-tab"})
      test::fs::create_symlink(AMABLE_FAKE_BROWSER, dir / mode);
  }
  std::string operator()(const std::string& mode) const { return (dir / mode).string(); }
  std::string starts() const { return test::read_file(dir / "starts"); }
};

// A shop whose footer a script fills: the browser is wanted on both pages.
void write_script_shop(const test::fs::path& root) {
  const std::string chrome_page = R"(<!doctype html><html lang="en"><head><title>%T | Clare Wool</title><script src="site.js"></script></head>
    <body><main><h1>%T</h1><p>Wool blankets woven in County Clare, sent to your door in three days. Pick a colour and a size.</p>
    <p><a href="contact.html">Contact</a></p></main><footer id="footer"></footer></body></html>)";
  auto page = [&](const std::string& title) {
    std::string s = chrome_page;
    for (size_t at; (at = s.find("%T")) != std::string::npos;) s.replace(at, 2, title);
    return s;
  };
  test::write_file(root / "index.html", page("Blankets"));
  test::write_file(root / "contact.html", page("Contact"));
  test::write_file(root / "site.js", "document.getElementById('footer').innerHTML = '<p>shop@clarewool.ie</p>';");
}

json audit(const test::fs::path& shop, const std::string& browser, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"audit", shop.string(), "-f", "json", "--browser", browser, "--render-timeout", "1"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = test::run_amable(args);
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("render failures: a browser that exits or speaks garbage at start: pages read as HTML, one note, rules inconclusive") {
  FakeBrowsers fake;
  test::TempDir shop;
  write_script_shop(shop.path());
  for (const char* mode : {"fake-exit", "fake-garbage-start"}) {
    CAPTURE(mode);
    const json report = audit(shop.path(), fake(mode));
    CHECK(report["pages"].size() == 2);
    for (const auto& p : report["pages"]) {
      CHECK(p["error"].is_null());
      CHECK_FALSE(p.contains("rendered"));
    }
    const std::string notes = notes_of(report);
    CHECK(notes.find("could not be rendered (the browser could not be started: ") != std::string::npos);
    CHECK(notes.find(std::string(mode) == "fake-exit" ? "it exited" : "does not speak the DevTools protocol") != std::string::npos);
    // The footer is unknown: "no e-mail" would be a guess.
    CHECK(rule(report, "contact-email")["status"] == "inconclusive");
    CHECK(rule(report, "contact-email")["summary"].get<std::string>().find("check --browser") != std::string::npos);
  }
}

TEST_CASE("render failures: a browser that dies or speaks garbage mid-audit: every page keeps its HTML's facts") {
  FakeBrowsers fake;
  test::TempDir shop;
  write_script_shop(shop.path());
  for (const char* mode : {"fake-die", "fake-garbage"}) {
    CAPTURE(mode);
    const json report = audit(shop.path(), fake(mode));
    CHECK(report["pages"].size() == 2);
    for (const auto& p : report["pages"]) CHECK(p["error"].is_null());
    const std::string notes = notes_of(report);
    CHECK(notes.find(std::string(mode) == "fake-die" ? "(the browser stopped)" : "not the DevTools protocol") != std::string::npos);
  }
}

TEST_CASE("render failures: a page that never finishes or crashes its tab is closed, noted on the page, and read as HTML") {
  FakeBrowsers fake;
  test::TempDir shop;
  write_script_shop(shop.path());
  for (const auto& [mode, why] : std::vector<std::pair<std::string, std::string>>{
           {"fake-hang", "still running in the browser after 1 s"}, {"fake-crash-tab", "crashed its browser tab"}}) {
    CAPTURE(mode);
    const json report = audit(shop.path(), fake(mode));
    REQUIRE(report["pages"].size() == 2);
    for (const auto& p : report["pages"]) {
      CHECK(p["error"].is_null());
      CHECK(p["note"].get<std::string>().find(why) != std::string::npos);
    }
    CHECK(notes_of(report).find("2 pages could not be rendered") != std::string::npos);
    CHECK(rule(report, "contact-email")["summary"].get<std::string>().find("fix those pages' scripts") != std::string::npos);
  }
}

TEST_CASE("render failures: a working browser's pages are read as rendered; a static shop never starts one") {
  FakeBrowsers fake;
  test::TempDir shop;
  write_script_shop(shop.path());
  const json report = audit(shop.path(), fake("fake-ok"));
  for (const auto& p : report["pages"]) CHECK(p["rendered"] == "empty-chrome");
  CHECK(fake.starts() == "fake-ok\n");  // one browser for the audit, not one per page

  test::TempDir plain;
  test::write_file(plain / "index.html", test::html_page("en", "Blankets", "<p>Wool blankets. Call 065 682 1230.</p><a href=\"c.html\">Contact</a>"));
  test::write_file(plain / "c.html", test::html_page("en", "Contact", "<p>Write to shop@clarewool.ie</p>"));
  FakeBrowsers untouched;
  const json static_report = audit(plain.path(), untouched("fake-ok"));
  CHECK(untouched.starts().empty());
  CHECK(notes_of(static_report).find("rendered") == std::string::npos);
}

TEST_CASE("render failures: --render never reads as HTML and says how to render; a missing --browser is named") {
  test::TempDir shop;
  write_script_shop(shop.path());
  const auto never = test::run_amable({"audit", shop.path().string(), "-f", "json", "--render", "never"});
  REQUIRE(never.exit_code <= 1);
  const json r = json::parse(never.out);
  CHECK(rule(r, "contact-email")["status"] == "inconclusive");
  CHECK(rule(r, "contact-email")["summary"].get<std::string>().find("--render auto") != std::string::npos);

  const auto missing = test::run_amable({"audit", shop.path().string(), "-f", "json", "--browser", "/nonexistent/chromium"});
  REQUIRE(missing.exit_code <= 1);
  CHECK(notes_of(json::parse(missing.out)).find("/nonexistent/chromium was not found") != std::string::npos);
}

TEST_CASE("render failures: writing to a browser that has exited fails with EPIPE instead of ending amable (SIGPIPE)") {
  FakeBrowsers fake;
  render::LaunchOptions lo;
  lo.browser = fake("fake-exit");
  auto browser = render::BrowserProcess::launch(lo);
  REQUIRE(browser.has_value());
  // The fake exits at once; keep writing until the pipe is known to be closed. Without the
  // guard, the first write after its exit raises SIGPIPE and the test process dies here.
  bool failed = false;
  for (int i = 0; i < 200 && !failed; ++i) {
    failed = !(*browser)->send(R"({"id":1,"method":"Browser.getVersion","params":{}})", std::chrono::milliseconds(50));
    if (!failed) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(failed);
  // The signal was taken off the pending set and the mask restored.
  sigset_t pending;
  sigpending(&pending);
  CHECK(sigismember(&pending, SIGPIPE) == 0);
}
