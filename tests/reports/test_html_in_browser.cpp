// The HTML report in a real browser: headless Chromium (Debian's `chromium`, which
// `scripts/dev test` installs) loads it from disk with no network, and we read back the DOM it
// built, every console message it logged, and a screenshot. Skips with a message where Chromium
// is not installed.
#include <doctest/doctest.h>

#include <cstdlib>
#include <regex>

#include "helpers.hpp"

using namespace amable;
namespace fs = std::filesystem;

namespace {

// Chromium's path, or empty after saying why the test skips.
std::string chromium_or_skip() {
  if (const char* env = std::getenv("AMABLE_CHROMIUM")) return env;
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
    if (fs::exists(p)) return p;
  MESSAGE("chromium is not installed (scripts/dev test installs it where apt can): browser checks skipped");
  return {};
}

struct BrowserRun {
  test::RunResult run;
  std::vector<std::string> console;  // console messages, CSP violations included
};

// One headless load of `file`; `action` is --dump-dom or --screenshot=PATH. The flags keep
// Chromium off the network (this machine has none) and out of the user's profile.
BrowserRun load(const std::string& chromium, const fs::path& file, const std::string& action) {
  test::TempDir profile;
  BrowserRun b;
  b.run = test::run_program("timeout", {"120", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                                        "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile.path().string(),
                                        "--enable-logging=stderr", "--v=0", "--window-size=1280,2200", "--hide-scrollbars",
                                        action, "file://" + fs::absolute(file).string()});
  static const std::regex console_line(R"(:CONSOLE[^\]]*\] (.*))");
  std::istringstream lines(b.run.err);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, console_line)) b.console.push_back(m[1]);
  }
  return b;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

}  // namespace

TEST_CASE("html in Chromium: the unfriendly shop's report loads cleanly and shows score, failing rules, fixes and evidence") {
  const auto chromium = chromium_or_skip();
  if (chromium.empty()) return;
  test::TempDir dir;
  const auto report = dir / "report.html";
  REQUIRE(test::run_amable({"audit", "examples/unfriendly-shop", "-q", "-o", report.string()}).exit_code == 0);

  const auto dom = load(chromium, report, "--dump-dom");
  REQUIRE(dom.run.exit_code == 0);
  CHECK_MESSAGE(dom.console.empty(), "console messages:\n" << joined(dom.console));
  const auto& html = dom.run.out;
  CHECK(html.find("<h1>Customer-friendliness of") != std::string::npos);
  CHECK(std::regex_search(html, std::regex(R"(Score \d+/100 · failing)")));
  CHECK(html.find("<span class=\"badge fail\">FAIL</span><h3>No usable e-mail address is shown</h3>") != std::string::npos);
  CHECK(html.find("<div class=\"fix\"><strong>Fix:</strong>") != std::string::npos);
  CHECK(html.find("<blockquote>") != std::string::npos);  // quoted evidence from the pages
  CHECK(html.find("<script") == std::string::npos);

  // The screenshot stays in the build folder for a person to look at.
  const fs::path shot = fs::path(AMABLE_BUILD_DIR) / "browser" / "unfriendly-shop-report.png";
  fs::create_directories(shot.parent_path());
  fs::remove(shot);
  const auto snap = load(chromium, report, "--screenshot=" + shot.string());
  REQUIRE(snap.run.exit_code == 0);
  CHECK(snap.console.empty());
  const auto png = test::read_file(shot);
  REQUIRE(png.size() > 20000);  // a blank 1280x2200 page compresses to a few kilobytes
  CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST_CASE("html in Chromium: hostile site text stays text, even with the report's CSP taken away") {
  const auto chromium = chromium_or_skip();
  if (chromium.empty()) return;
  test::TempDir dir;
  // Each payload, if it ever became markup, would retitle the document.
  test::write_file(dir / "site" / "index.html", R"X(<!doctype html><html lang="en"><head>
      <title>"&gt;&lt;img src=x onerror="document.title='PWNED'"&gt;</title></head><body>
      <h1>&lt;script&gt;document.title='PWNED'&lt;/script&gt;</h1>
      <p>We we we our our <a href="javascript:document.title='PWNED'">our offers</a> &lt;svg onload=document.title='PWNED'&gt;</p>
      <footer>'&gt;&lt;iframe srcdoc="&lt;script&gt;parent.document.title='PWNED'&lt;/script&gt;"&gt;</footer></body></html>)X");
  const auto report = dir / "report.html";
  REQUIRE(test::run_amable({"audit", (dir / "site").string(), "-q", "-o", report.string()}).exit_code == 0);
  std::string html = test::read_file(report);
  const auto csp = html.find("<meta http-equiv=\"Content-Security-Policy\"");
  REQUIRE(csp != std::string::npos);
  html.erase(csp, html.find('>', csp) + 1 - csp);  // escaping alone must hold
  test::write_file(dir / "no-csp.html", html);

  const auto dom = load(chromium, dir / "no-csp.html", "--dump-dom");
  REQUIRE(dom.run.exit_code == 0);
  CHECK_MESSAGE(dom.console.empty(), "console messages:\n" << joined(dom.console));
  const auto& out = dom.run.out;
  CHECK(out.find("PWNED") != std::string::npos);  // the payloads are on the page, as text
  CHECK(out.find("<title>amable: ") != std::string::npos);
  CHECK(out.find("<title>PWNED") == std::string::npos);
  for (const char* element : {"<script", "<img", "<svg onload", "<iframe", "href=\"javascript:"}) {
    CAPTURE(element);
    CHECK(out.find(element) == std::string::npos);
  }
}
