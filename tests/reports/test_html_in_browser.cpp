// The HTML report in a real browser: headless Chromium (Debian's `chromium`, which
// `scripts/dev test` installs) loads it from disk with no network, and we read back the DOM it
// built, every console message it logged, and a screenshot. Skips with a message where Chromium
// is not installed.
#include <doctest/doctest.h>

#include <cstdlib>
#include <regex>

#include <nlohmann/json.hpp>

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
BrowserRun load(const std::string& chromium, const fs::path& file, const std::string& action, int width = 1280) {
  test::TempDir profile;
  BrowserRun b;
  b.run = test::run_program("timeout", {"120", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                                        "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile.path().string(),
                                        "--enable-logging=stderr", "--v=0", "--window-size=" + std::to_string(width) + ",2200", "--hide-scrollbars",
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
  CHECK(html.find("<h1>unfriendly-shop</h1>") != std::string::npos);  // the shop, never a local path
  CHECK(html.find(dir.path().string()) == std::string::npos);
  CHECK(html.find("<span class=\"badge fail\">FAIL</span> <span class=\"title\">No usable e-mail address is shown") != std::string::npos);
  CHECK(html.find("<div class=\"fix\"><strong>What to do:</strong>") != std::string::npos);
  CHECK(html.find("<blockquote>") != std::string::npos);  // quoted evidence from the pages
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<details open") == std::string::npos);  // rule cards start collapsed
  // Each fix once: the first "What to do" item and the failing rule's own card say it, no more.
  const std::string fix = "Remove the Flash intro on index.html";
  size_t times = 0;
  for (auto at = html.find(fix); at != std::string::npos; at = html.find(fix, at + 1)) ++times;
  CHECK(times == 1);

  // Screenshots at a phone's and a laptop's width stay in the build folder for a person to look at.
  for (const int width : {390, 1280}) {
    CAPTURE(width);
    const fs::path shot = fs::path(AMABLE_BUILD_DIR) / "browser" / ("unfriendly-shop-report-" + std::to_string(width) + ".png");
    fs::create_directories(shot.parent_path());
    fs::remove(shot);
    const auto snap = load(chromium, report, "--screenshot=" + shot.string(), width);
    REQUIRE(snap.run.exit_code == 0);
    CHECK(snap.console.empty());
    const auto png = test::read_file(shot);
    REQUIRE(png.size() > 10000);  // a blank page compresses to a few kilobytes
    CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
  }
}

namespace {

// Measures the loaded report in the page itself and writes the result into it, for --dump-dom to
// bring back: sideways overflow (with the cards closed, then open), and the WCAG contrast of every
// element that holds text against the background it is drawn on (4.5:1, 3:1 for large text).
const char* k_layout_probe = R"JS(<script>
(function () {
  function rgba(s) { var m = /rgba?\(([^)]+)\)/.exec(s); if (!m) return null;
    var p = m[1].split(',').map(parseFloat); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; }
  function lum(c) { function f(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); }
  function background(el) { for (var e = el; e; e = e.parentElement) { var c = rgba(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; }
  function ratio(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
  function overflow() { var w = document.documentElement.clientWidth, wide = [];
    document.querySelectorAll('body *').forEach(function (el) { var r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > w + 1) wide.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(r.right)); });
    return {scroll: document.documentElement.scrollWidth > w, wide: wide.slice(0, 5)}; }
  var out = {closed: overflow()};
  document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  out.open = overflow();
  out.low = []; out.badges = 0; out.checked = 0;
  document.querySelectorAll('body *').forEach(function (el) {
    if (el.closest('svg') || el.id === 'probe') return;
    var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
    if (!own) return;
    var cs = getComputedStyle(el), size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight, 10) >= 700;
    var need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5, r = ratio(rgba(cs.color), background(el));
    out.checked++; if (el.classList.contains('badge')) out.badges++;
    if (r < need) out.low.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + r.toFixed(2) + ' ' + el.textContent.trim().slice(0, 30));
  });
  var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
})();
</script>)JS";

}  // namespace

TEST_CASE("html in Chromium: at 390 and 1280 px the report never scrolls sideways, and every text and badge meets WCAG AA contrast") {
  const auto chromium = chromium_or_skip();
  if (chromium.empty()) return;
  test::TempDir dir;
  const auto report = dir / "report.html";
  REQUIRE(test::run_amable({"audit", "examples/unfriendly-shop", "-q", "-o", report.string()}).exit_code == 0);
  // The report forbids scripts (its CSP); a copy without the CSP carries the probe.
  std::string html = test::read_file(report);
  const auto csp = html.find("<meta http-equiv=\"Content-Security-Policy\"");
  REQUIRE(csp != std::string::npos);
  html.erase(csp, html.find('>', csp) + 1 - csp);
  html.insert(html.rfind("</body>"), k_layout_probe);
  test::write_file(dir / "probed.html", html);
  for (const int width : {390, 1280}) {
    CAPTURE(width);
    const auto dom = load(chromium, dir / "probed.html", "--dump-dom", width);
    REQUIRE(dom.run.exit_code == 0);
    CHECK_MESSAGE(dom.console.empty(), "console messages:\n" << joined(dom.console));
    const auto at = dom.run.out.find("<pre id=\"probe\">");
    REQUIRE(at != std::string::npos);
    const auto start = at + std::string("<pre id=\"probe\">").size();
    std::string text = dom.run.out.substr(start, dom.run.out.find("</pre>", start) - start);
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
      for (size_t p; (p = text.find(from)) != std::string::npos;) text.replace(p, from.size(), to);
    const auto probe = nlohmann::json::parse(text);
    CHECK_MESSAGE(probe["closed"]["scroll"] == false, probe["closed"]["wide"].dump());
    CHECK_MESSAGE(probe["open"]["scroll"] == false, probe["open"]["wide"].dump());
    CHECK(probe["badges"].get<int>() >= 16);  // one per rule, every status's colours measured
    CHECK(probe["checked"].get<int>() > 100);
    CHECK_MESSAGE(probe["low"].empty(), probe["low"].dump());
  }
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
