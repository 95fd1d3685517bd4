// Rendering in a real headless Chromium (skipped with a message where none is installed;
// scripts/dev installs chromium-headless-shell). Every server here listens on 127.0.0.1 (one on
// 127.0.0.2, standing in for an intranet host) and is started by the test itself.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "render/report_json.hpp"
#include "http_test_server.hpp"
#include "render/browser_process.hpp"

using namespace amable;
using json = nlohmann::json;
using test::notes_of;
using test::rule;

namespace {

bool have_browser() {
  if (!render::find_browser("").empty()) return true;
  MESSAGE("skipped: no Chromium found (install chromium-headless-shell)");
  return false;
}

const test::fs::path k_script_shop = test::source_dir() / "tests" / "data" / "script-shop";

json audit(const std::string& target, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"audit", target, "-f", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = test::run_amable(args);
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return json::parse(r.out);
}

const json* page(const json& report, const std::string& url_end) {
  for (const auto& p : report["pages"])
    if (p["url"].get<std::string>().ends_with(url_end)) return &p;
  return nullptr;
}

// The footer the script shop's pages fetch after a timer holds every contact fact.
void check_script_shop_facts(const json& r) {
  CHECK(r["facts"]["emails"].size() == 1);
  CHECK(r["facts"]["phones"].size() == 1);
  CHECK(r["facts"]["addresses"].size() == 1);
  for (const char* id : {"contact-email", "contact-phone", "contact-page", "postal-address", "privacy-policy"}) {
    CAPTURE(id);
    CHECK(rule(r, id)["status"] != "inconclusive");
    CHECK(rule(r, id)["status"] != "fail");
  }
  CHECK(rule(r, "contact-email")["status"] == "pass");
  CHECK(rule(r, "contact-phone")["status"] == "pass");
  CHECK(notes_of(r).find("rendered in headless Chromium") != std::string::npos);
}

}  // namespace

TEST_CASE("chromium: a footer a script fetches after a timer is read from a folder with --render auto") {
  if (!have_browser()) return;
  const json r = audit(k_script_shop.string());
  check_script_shop_facts(r);
  REQUIRE(page(r, "index.html"));
  CHECK((*page(r, "index.html"))["rendered"] == "empty-chrome");
  // The header an inline script writes after setTimeout(3000) is there too: its menu links the contact page.
  CHECK(rule(r, "contact-page")["summary"].get<std::string>().find("contact.html") != std::string::npos);

  // Without the browser: what the footer holds is unknown, so no failure is stated.
  const json never = audit(k_script_shop.string(), {"--render", "never"});
  for (const char* id : {"contact-email", "contact-phone", "postal-address"}) CHECK(rule(never, id)["status"] == "inconclusive");
}

TEST_CASE("chromium: the same shop over HTTP on 127.0.0.1, its requests answered by amable's own fetches") {
  if (!have_browser()) return;
  test::TestServer shop;
  shop.server().set_mount_point("/", k_script_shop.string());
  shop.start();
  const json r = audit(shop.url("/"));
  check_script_shop_facts(r);
  CHECK(r["pages"].size() == 5);  // returns.html and privacy.html are linked only from the rendered footer
  CHECK(shop.hits("/partials/footer.html") >= 1);  // the browser's fetch(), made by amable
  CHECK(shop.hits("/js/site.js") >= 1);
}

TEST_CASE("chromium: a page's requests to other ports, other hosts, file: and by other methods never happen") {
  if (!have_browser()) return;
  test::TestServer other_port, intranet, shop;
  other_port.server().Get(R"(.*)", [](const httplib::Request&, httplib::Response& res) { res.set_content("secret", "text/plain"); });
  other_port.server().Post(R"(.*)", [](const httplib::Request&, httplib::Response& res) { res.set_content("secret", "text/plain"); });
  other_port.start();
  intranet.server().Get(R"(.*)", [](const httplib::Request&, httplib::Response& res) { res.set_content("intranet", "text/plain"); });
  intranet.start("127.0.0.2");
  const std::string b = "http://127.0.0.1:" + std::to_string(other_port.port()), c = "http://127.0.0.2:" + std::to_string(intranet.port());
  const std::string html = R"(<!doctype html><html lang="en"><head><title>Blankets | Clare Wool</title>
    <link rel="prefetch" href=")" + b + R"(/prefetch"><link rel="stylesheet" href=")" + b + R"(/style.css"></head>
    <body><header></header><main><h1>Blankets</h1><p>Wool blankets woven in County Clare.</p>
    <img src=")" + b + R"(/img.png"><iframe src=")" + b + R"(/frame.html"></iframe><iframe src=")" + c + R"(/frame.html"></iframe>
    </main><footer id="footer"></footer>
    <script>
      fetch('/own.json').then(function (r) { return r.json(); }).then(function (d) {
        document.getElementById('footer').innerHTML = '<p>Write to ' + d.email + '</p>';
      });
      fetch('/bounce').catch(function () {});
      fetch('/own.json', {method: 'POST', body: 'x'}).catch(function () {});
      fetch(')" + b + R"(/secret').catch(function () {});
      fetch(')" + c + R"(/intranet').catch(function () {});
      fetch('file:///etc/passwd').then(function (r) { return r.text(); })
        .then(function (t) { document.body.insertAdjacentHTML('beforeend', '<pre>' + t + '</pre>'); }).catch(function () {});
      var x = new XMLHttpRequest(); x.open('GET', ')" + b + R"(/xhr'); x.send();
      try { new WebSocket(')" + std::string("ws://127.0.0.1:") + std::to_string(other_port.port()) + R"(/ws'); } catch (e) {}
      if (navigator.sendBeacon) navigator.sendBeacon(')" + b + R"(/beacon', 'x');
      var s = document.createElement('script'); s.src = ')" + c + R"(/evil.js'; document.head.appendChild(s);
      window.open(')" + b + R"(/popup');
    </script></body></html>)";
  shop.server().Get("/", [&](const httplib::Request&, httplib::Response& res) { res.set_content(html, "text/html; charset=utf-8"); });
  shop.server().Get("/own.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"email": "shop@clarewool.ie"})", "application/json");
  });
  shop.server().Post("/own.json", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "application/json"); });
  shop.server().Get("/bounce", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect(b + "/redirected"); });
  shop.start();

  const json r = audit(shop.url("/"));
  CHECK(other_port.log().empty());
  CHECK(intranet.log().empty());
  CHECK(shop.hits("/own.json") == 1);  // the GET, through amable; the POST was refused
  // What the page's own fetch brought is read; nothing of /etc/passwd is.
  REQUIRE(page(r, "/"));
  CHECK((*page(r, "/")).contains("rendered"));
  CHECK(r["facts"]["emails"].size() == 1);
  CHECK(r.dump().find("root:x:0") == std::string::npos);
}

TEST_CASE("chromium: an endless loop, a memory bomb and 20 popups are each one page's trouble; the audit completes") {
  if (!have_browser()) return;
  test::TempDir shop;
  auto page_with = [](const std::string& title, const std::string& script) {
    return "<!doctype html><html lang=\"en\"><head><title>" + title + " | Clare Wool</title></head><body><header></header>"
           "<main><h1>" + title + "</h1><p>Wool blankets woven in County Clare.</p><p><a href=\"loop.html\">Loop</a> "
           "<a href=\"bomb.html\">Bomb</a> <a href=\"popups.html\">Popups</a></p></main><footer id=\"footer\"></footer><script>" + script +
           "</script></body></html>";
  };
  const std::string footer = "document.getElementById('footer').innerHTML = '<p>Write to shop@clarewool.ie</p>';";
  test::write_file(shop / "index.html", page_with("Blankets", footer));
  test::write_file(shop / "loop.html", page_with("Loop", "while (true) {}"));
  test::write_file(shop / "bomb.html", page_with("Bomb", "var a = []; while (true) a.push(new Array(1000000).fill(7));"));
  test::write_file(shop / "popups.html", page_with("Popups", "for (var i = 0; i < 20; ++i) window.open('index.html?' + i); " + footer));
  const auto t0 = std::chrono::steady_clock::now();
  const json r = audit(shop.path().string(), {"--render-timeout", "4"});
  MESSAGE("hostile pages audited in " << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() << " s");
  REQUIRE(r["pages"].size() == 4);
  for (const char* name : {"loop.html", "bomb.html"}) {
    CAPTURE(name);
    REQUIRE(page(r, name));
    CHECK((*page(r, name))["error"].is_null());  // its HTML still counts
    CHECK((*page(r, name))["note"].get<std::string>().find("not rendered") != std::string::npos);
  }
  CHECK((*page(r, "index.html"))["rendered"] == "empty-chrome");
  CHECK((*page(r, "popups.html"))["rendered"] == "empty-chrome");  // the popups were blocked, the page was read
  CHECK(notes_of(r).find("2 pages could not be rendered") != std::string::npos);
}

TEST_CASE("chromium: an interrupted audit ends at once, browser and profile gone") {
  if (!have_browser()) return;
  test::TempDir shop, tmp;
  chmod(tmp.path().c_str(), 0755);  // the browser's own user must reach its profile in there
  test::write_file(shop / "index.html", "<html><head><title>Loop</title></head><body><header></header><p>Blankets</p><script>while (true) {}</script></body></html>");
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = test::run_program(test::amable_binary().string(), {"audit", shop.path().string(), "-f", "json", "--render-timeout", "60"},
                                   "TMPDIR=" + tmp.path().string(), {SIGINT, std::chrono::milliseconds(2500)});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(r.exit_code == 130);
  CHECK(seconds < 15);
  const json report = json::parse(r.out);
  CHECK(report["pages"].size() == 1);
  CHECK(report["pages"][0]["error"].is_null());  // read as its HTML says
  // The browser was running the page when the signal came (not refused at start)...
  CHECK(notes_of(report).find("could not be started") == std::string::npos);
  CHECK(rule(report, "contact-email")["summary"].get<std::string>().find("interrupted before they were rendered") != std::string::npos);
  // ... and its profile, made in TMPDIR, is gone.
  CHECK(test::fs::is_empty(tmp.path()));
}

TEST_CASE("chromium: sites/kavita-enterprises with its header and footer injected by a script, as the live shop does") {
  if (!have_browser()) return;
  const auto corpus = test::corpus_dir();
  if (!corpus) {
    MESSAGE("skipped: ../shared/corpus not found");
    return;
  }
  // The corpus copy lost js/app.js; this one does what the shop's did: fetch the components.
  test::TempDir copy;
  test::fs::copy(*corpus / "sites" / "kavita-enterprises", copy.path() / "shop", test::fs::copy_options::recursive);
  test::write_file(copy / "shop/js/app.js", R"(
    async function include(selector, url) {
      const el = document.querySelector(selector);
      if (el) el.innerHTML = await (await fetch(url)).text();
    }
    include('header', '/components/header.html');
    include('footer', '/components/footer.html');)");
  const json raw = audit((copy / "shop").string(), {"--render", "never"});
  const json rendered = audit((copy / "shop").string());
  for (const char* id : {"contact-phone", "contact-email", "contact-page", "privacy-policy"}) {
    CAPTURE(id);
    CHECK(rule(raw, id)["status"] == "inconclusive");
    CHECK(rule(rendered, id)["status"] == "pass");
  }
  MESSAGE("kavita-enterprises: score " << raw["score"] << " read as HTML, " << rendered["score"] << " rendered");
}
