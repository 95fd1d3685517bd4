// The HTTP crawler against cpp-httplib servers on 127.0.0.1 (never the internet).
#include <doctest/doctest.h>

#include <zlib.h>

#include <algorithm>
#include <set>
#include <thread>

#include "engine/audit.hpp"
#include "fetch/transfer_loop.hpp"
#include "helpers.hpp"
#include "http_test_server.hpp"
#include "rules/rule_list.hpp"

using namespace amable;
using test::TestServer;

namespace {

std::string page(const std::string& title, const std::string& body, const std::string& lang = "en") {
  return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body>" + body + "</body></html>";
}

void html(httplib::Server& s, const std::string& path, const std::string& content) {
  s.Get(path, [content](const httplib::Request&, httplib::Response& res) { res.set_content(content, "text/html; charset=utf-8"); });
}

// With AMABLE_TEST_NETWORK_THREAD set (a second ctest entry), every crawl below runs its
// transfers on a network thread's lane, as a batch's shops do, instead of its own multi handle.
// One thread per audit: its pool's idle keep-alive connections close with it, so the test
// server stops at once (a shared pool is tested in test_network_thread.cpp).
std::expected<model::Report, engine::AuditError> audit(const std::string& url, std::function<void(engine::AuditOptions&)> tweak = {}) {
  std::optional<fetch::NetworkThread> network;
  if (std::getenv("AMABLE_TEST_NETWORK_THREAD")) network.emplace(4, 16);
  engine::AuditOptions o;
  o.target = url;
  o.network = network ? &*network : nullptr;
  o.jobs = 2;
  o.config.crawl.timeout_s = 5;
  if (tweak) tweak(o);
  return engine::run_audit(o, rules::all_rules());
}

const model::PageReport* page_of(const model::Report& r, const std::string& url) {
  for (const auto& p : r.pages)
    if (p.url == url) return &p;
  return nullptr;
}

bool note_has(const model::Report& r, const std::string& part) {
  return std::any_of(r.notes.begin(), r.notes.end(), [&](const auto& n) { return n.find(part) != std::string::npos; });
}

std::string gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

}  // namespace

TEST_CASE("http: a multi-page site is reached completely, with depths and sources") {
  TestServer srv;
  html(srv.server(), "/", page("Home", R"(<nav><a href="/a.html">A</a> <a href="b.html#top">B</a></nav>)"));
  html(srv.server(), "/a.html", page("A", R"(<a href="/c/">C</a> <a href="mailto:x@shop.es">Mail</a>)"));
  html(srv.server(), "/b.html", page("B", R"(<a href="/">Home</a>)"));
  html(srv.server(), "/c/", page("C", "<p>deep</p>"));
  srv.start();
  auto r = audit(srv.url());
  REQUIRE(r.has_value());
  CHECK(r->pages.size() == 4);
  REQUIRE(page_of(*r, srv.url("/c/")));
  CHECK(page_of(*r, srv.url("/"))->depth == 0);
  CHECK(page_of(*r, srv.url("/a.html"))->depth == 1);
  CHECK(page_of(*r, srv.url("/c/"))->depth == 2);
  CHECK(page_of(*r, srv.url("/a.html"))->via == "link");
  CHECK(page_of(*r, srv.url("/a.html"))->content_type.str().starts_with("text/html"));
  CHECK(srv.hits("/b.html") == 1);  // the fragment does not make it a second URL
  CHECK(r->errors.empty());
}

TEST_CASE("http: --max-depth and --max-pages bound the crawl; chrome links of the start page are read anyway") {
  TestServer srv;
  html(srv.server(), "/", page("Home", R"(<main><a href="/p1">P1</a></main><footer><a href="/contact">Contact</a></footer>)"));
  for (int i = 1; i < 6; ++i)
    html(srv.server(), "/p" + std::to_string(i), page("P", "<a href=\"/p" + std::to_string(i + 1) + "\">next</a>"));
  html(srv.server(), "/contact", page("Contact", "<p>hi</p>"));
  srv.start();
  auto shallow = audit(srv.url(), [](auto& o) { o.config.crawl.max_depth = 0; });
  REQUIRE(shallow.has_value());
  CHECK(shallow->pages.size() == 2);  // home + the footer's contact page
  CHECK(page_of(*shallow, srv.url("/contact")));
  auto depth2 = audit(srv.url(), [](auto& o) { o.config.crawl.max_depth = 2; });
  CHECK(page_of(*depth2, srv.url("/p2")));
  CHECK_FALSE(page_of(*depth2, srv.url("/p3")));
  auto few = audit(srv.url(), [](auto& o) { o.config.crawl.max_pages = 3; });
  CHECK(few->pages.size() == 3);
  CHECK(note_has(*few, "page limit"));
}

TEST_CASE("http: robots.txt disallow, allow and wildcards are obeyed, or ignored on request") {
  TestServer srv;
  srv.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nDisallow: /private\nAllow: /private/ok.html\nDisallow: /*print$\n", "text/plain");
  });
  html(srv.server(), "/", page("Home", R"(<a href="/private/x.html">x</a><a href="/private/ok.html">ok</a><a href="/page?print">p</a>)"));
  html(srv.server(), "/private/x.html", page("X", ""));
  html(srv.server(), "/private/ok.html", page("OK", ""));
  html(srv.server(), "/page", page("Page", ""));
  srv.start();
  auto r = audit(srv.url());
  REQUIRE(r.has_value());
  CHECK(srv.hits("/private/x.html") == 0);
  CHECK(srv.hits("/private/ok.html") == 1);
  CHECK(srv.hits("/page") == 0);
  CHECK(note_has(*r, "robots.txt disallows"));
  auto ignored = audit(srv.url(), [](auto& o) { o.config.crawl.ignore_robots = true; });
  CHECK(srv.hits("/private/x.html") == 1);
}

TEST_CASE("http: Crawl-delay larger than --delay spaces the requests") {
  TestServer srv;
  srv.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nCrawl-delay: 1\n", "text/plain");
  });
  html(srv.server(), "/", page("Home", R"(<a href="/a">a</a><a href="/b">b</a>)"));
  html(srv.server(), "/a", page("A", ""));
  html(srv.server(), "/b", page("B", ""));
  srv.start();
  auto r = audit(srv.url(), [](auto& o) { o.config.crawl.sitemap = false; });
  REQUIRE(r.has_value());
  std::vector<std::chrono::steady_clock::time_point> at;
  for (const auto& h : srv.log())
    if (h.path == "/" || h.path == "/a" || h.path == "/b") at.push_back(h.at);
  REQUIRE(at.size() == 3);
  std::sort(at.begin(), at.end());
  for (size_t i = 1; i < at.size(); ++i) CHECK(at[i] - at[i - 1] >= std::chrono::milliseconds(900));
  CHECK(note_has(*r, "Crawl-delay"));
}

TEST_CASE("http: a sitemap index with a gzip sitemap adds pages not linked from the site") {
  TestServer srv;
  const std::string base = "http://127.0.0.1:";  // the port is known after start()
  html(srv.server(), "/", page("Home", R"(<a href="/a">a</a>)"));
  html(srv.server(), "/a", page("A", ""));
  html(srv.server(), "/orphan", page("Orphan", "<p>only in the sitemap</p>"));
  srv.start();
  const std::string root = srv.url("");
  srv.server().Get("/robots.txt", [root](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nAllow: /\nSitemap: " + root + "/sitemap_index.xml\n", "text/plain");
  });
  srv.server().Get("/sitemap_index.xml", [root](const httplib::Request&, httplib::Response& res) {
    res.set_content("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                    "<sitemap><loc>" + root + "/pages.xml.gz</loc></sitemap>"
                    "<sitemap><loc>" + root + "/sitemap_index.xml</loc></sitemap></sitemapindex>",
                    "application/xml");
  });
  srv.server().Get("/pages.xml.gz", [root](const httplib::Request&, httplib::Response& res) {
    res.set_content(gzip("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + root +
                         "/a</loc></url><url><loc>" + root + "/orphan</loc></url></urlset>"),
                    "application/gzip");
  });
  auto r = audit(srv.url());
  REQUIRE(r.has_value());
  const auto* orphan = page_of(*r, srv.url("/orphan"));
  REQUIRE(orphan);
  CHECK(orphan->via == "sitemap");
  CHECK(orphan->depth == -1);
  CHECK(orphan->note.str().find("not linked from the site") != std::string::npos);
  CHECK(page_of(*r, srv.url("/a"))->depth == 1);
  CHECK(srv.hits("/sitemap_index.xml") == 1);  // an index listing itself is read once
  auto off = audit(srv.url(), [](auto& o) { o.config.crawl.sitemap = false; });
  CHECK_FALSE(page_of(*off, srv.url("/orphan")));
}

TEST_CASE("http: redirect chains are followed; loops, other schemes and other hosts are not") {
  TestServer other;
  html(other.server(), "/", page("Elsewhere", ""));
  other.start();
  TestServer srv;
  const std::string away = other.url("/");
  html(srv.server(), "/", page("Home", R"(<a href="/old">old</a><a href="/loop1">l</a><a href="/tofile">f</a><a href="/toftp">ftp</a><a href="/away">away</a>)"));
  srv.server().Get("/old", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/older", 301); });
  srv.server().Get("/older", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/new.html", 301); });
  html(srv.server(), "/new.html", page("New", "<p>moved here</p>"));
  srv.server().Get("/loop1", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop2", 302); });
  srv.server().Get("/loop2", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop1", 302); });
  srv.server().Get("/tofile", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("file:///etc/passwd", 302); });
  srv.server().Get("/toftp", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("ftp://127.0.0.1/x", 302); });
  srv.server().Get("/away", [away](const httplib::Request&, httplib::Response& res) { res.set_redirect(away, 302); });
  srv.start();
  auto r = audit(srv.url());
  REQUIRE(r.has_value());
  const auto* moved = page_of(*r, srv.url("/new.html"));
  REQUIRE(moved);
  CHECK(moved->via == "redirect");
  CHECK(moved->depth == 1);  // the link to /old counts as a link to where it leads
  auto error_for = [&](const std::string& url) {
    for (const auto& e : r->errors)
      if (e.url == url) return e.error;
    return std::string();
  };
  CHECK(error_for(srv.url("/loop1")).find("redirect loop") != std::string::npos);
  CHECK(error_for(srv.url("/tofile")).find("only http and https") != std::string::npos);
  CHECK(error_for(srv.url("/toftp")).find("only http and https") != std::string::npos);
  CHECK(error_for(srv.url("/away")).find("another site") != std::string::npos);
  CHECK(other.log().empty());
}

TEST_CASE("http: a start URL that redirects (/ to /en/, as http to https does) keeps the home page's start-page facts") {
  TestServer srv;
  srv.server().Get("/", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/en/", 301); });
  // The home page names what is sold only through its menu (start-page facts: nav labels).
  html(srv.server(), "/en/", page("Cosy Wool", R"(<header><nav><a href="/en/blankets.html">Wool blankets</a> <a href="/en/cushions.html">Cushions</a></nav></header>
      <main><h1>Blankets for cold nights</h1><p>Woven in Wales.</p></main>)"));
  html(srv.server(), "/en/blankets.html", page("Wool blankets | Cosy Wool", "<h1>Wool blankets</h1>"));
  html(srv.server(), "/en/cushions.html", page("Cushions | Cosy Wool", "<h1>Cushions</h1>"));
  srv.start();
  auto r = audit(srv.url("/"));
  REQUIRE(r.has_value());
  CHECK(r->pages.front().url == srv.url("/en/"));
  const model::RuleReport* rule = nullptr;
  for (const auto& x : r->rules)
    if (x.id == "clear-purpose") rule = &x;
  REQUIRE(rule);
  std::set<std::string> codes;
  for (const auto& f : rule->findings) codes.insert(f.code);
  CHECK(codes.contains("clear-purpose/purpose"));
  CHECK_FALSE(codes.contains("clear-purpose/no-purpose"));
}

TEST_CASE("http: 404 and 500 pages are recorded and the audit goes on") {
  TestServer srv;
  html(srv.server(), "/", page("Home", R"(<a href="/missing">m</a><a href="/broken">b</a><a href="/fine">f</a>)"));
  srv.server().Get("/broken", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
  html(srv.server(), "/fine", page("Fine", ""));
  srv.start();
  auto r = audit(srv.url());
  REQUIRE(r.has_value());
  CHECK(page_of(*r, srv.url("/missing"))->status == 404);
  CHECK(page_of(*r, srv.url("/missing"))->error == "HTTP 404 Not Found");
  CHECK(page_of(*r, srv.url("/broken"))->error == "HTTP 500 Internal Server Error");
  CHECK(page_of(*r, srv.url("/fine"))->status == 200);
  CHECK(r->errors.size() == 2);
}

TEST_CASE("http: a server slower than the timeout is reported, retried once") {
  TestServer srv;
  std::atomic<int> calls{0};
  html(srv.server(), "/", page("Home", R"(<a href="/slow">slow</a>)"));
  srv.server().Get("/slow", [&calls](const httplib::Request&, httplib::Response& res) {
    ++calls;
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    res.set_content("late", "text/html");
  });
  srv.start();
  auto r = audit(srv.url(), [](auto& o) { o.config.crawl.timeout_s = 1; });
  REQUIRE(r.has_value());
  CHECK(page_of(*r, srv.url("/slow"))->error.value_or("") == "timeout after 1 s");
  CHECK(calls == 2);
}

TEST_CASE("http: 429 with Retry-After backs off and tries again") {
  TestServer srv;
  std::atomic<int> calls{0};
  html(srv.server(), "/", page("Home", R"(<a href="/busy">busy</a>)"));
  srv.server().Get("/busy", [&calls](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 429;
      res.set_header("Retry-After", "1");
      return;
    }
    res.set_content(page("Busy", "<p>now</p>"), "text/html");
  });
  srv.start();
  const auto t0 = std::chrono::steady_clock::now();
  auto r = audit(srv.url());
  REQUIRE(r.has_value());
  CHECK(page_of(*r, srv.url("/busy"))->status == 200);
  CHECK(calls == 2);
  CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(900));
}

TEST_CASE("http: gzip bodies are decoded; a header charset decodes the page") {
  TestServer srv;
  html(srv.server(), "/", page("Home", R"(<a href="/z">z</a><a href="/latin">l</a>)"));
  srv.server().Get("/z", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(gzip(page("Compressed page", "<p>Write to ana@shop.es</p>")), "text/html");
  });
  srv.server().Get("/latin", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html><head><title>Devoluci\xF3n</title></head><body><p>30 d\xED" "as</p></body></html>",
                    "text/html; charset=ISO-8859-1");
  });
  srv.start();
  auto r = audit(srv.url());
  REQUIRE(r.has_value());
  CHECK(page_of(*r, srv.url("/z"))->title == "Compressed page");
  REQUIRE_FALSE(r->facts.emails.empty());
  CHECK(r->facts.emails[0].value == "ana@shop.es");
  CHECK(page_of(*r, srv.url("/latin"))->title == "Devolución");
}

TEST_CASE("http: other content types are recorded, not parsed; a 20 MB page is cut at 10 MB") {
  TestServer srv;
  html(srv.server(), "/", page("Home", R"(<a href="/data">d</a><a href="/big">big</a>)"));
  srv.server().Get("/data", [](const httplib::Request&, httplib::Response& res) { res.set_content("{\"a\":1}", "application/json"); });
  srv.server().Get("/big", [](const httplib::Request&, httplib::Response& res) {
    std::string body = "<html><head><title>Big</title></head><body>";
    while (body.size() < 20u << 20) body += "<p>Lorem ipsum dolor sit amet.</p>\n";
    res.set_content(body + "</body></html>", "text/html");
  });
  srv.start();
  auto r = audit(srv.url());
  REQUIRE(r.has_value());
  const auto* data = page_of(*r, srv.url("/data"));
  REQUIRE(data);
  CHECK(data->status == 200);
  CHECK(data->content_type == "application/json");
  CHECK(data->title.empty());
  const auto* big = page_of(*r, srv.url("/big"));
  REQUIRE(big);
  CHECK(big->title == "Big");
  CHECK(big->note.str().find("only the first 10 MB") != std::string::npos);
}

TEST_CASE("http: custom headers, credentials and cookies go to the start host only") {
  TestServer other;
  html(other.server(), "/", page("Shop", R"(<a href="/p">p</a>)"));
  html(other.server(), "/p", page("P", ""));
  other.start();
  TestServer srv;
  html(srv.server(), "/", page("Home", R"(<a href="/x">x</a>)"));
  html(srv.server(), "/x", page("X", ""));
  srv.start();
  auto r = audit(srv.url(), [](auto& o) {
    o.config.crawl.headers = {"X-Token: secret"};
    o.config.crawl.user = "ana:pw";
    o.config.crawl.cookie = "session=1";
  });
  REQUIRE(r.has_value());
  for (const auto& h : srv.log()) {
    CHECK(h.headers.count("X-Token") == 1);
    CHECK(h.headers.count("Authorization") == 1);
    CHECK(h.headers.count("Cookie") == 1);
  }
  // A start URL that redirects to another host: the crawl follows it there, without them.
  srv.server().Get("/go", [&other](const httplib::Request&, httplib::Response& res) { res.set_redirect(other.url("/"), 302); });
  auto moved = audit(srv.url("/go"), [](auto& o) { o.config.crawl.headers = {"X-Token: secret"}; });
  REQUIRE(moved.has_value());
  CHECK(page_of(*moved, other.url("/p")));
  REQUIRE_FALSE(other.log().empty());
  for (const auto& h : other.log()) CHECK(h.headers.count("X-Token") == 0);
}

TEST_CASE("http: an endless generated-link trap is bounded by --max-pages") {
  TestServer srv;
  srv.server().Get(R"(/trap/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    const long n = std::stol(req.matches[1]);
    res.set_content(page("Trap " + std::to_string(n), "<a href=\"/trap/" + std::to_string(n + 1) + "\">next</a><a href=\"/trap/" +
                                                      std::to_string(n * 7 + 3) + "\">jump</a>"),
                    "text/html");
  });
  srv.start();
  auto r = audit(srv.url("/trap/1"), [](auto& o) {
    o.config.crawl.max_pages = 30;
    o.config.crawl.max_depth = 1000;
  });
  REQUIRE(r.has_value());
  CHECK(r->pages.size() == 30);
  CHECK(note_has(*r, "page limit"));
}

TEST_CASE("http: auditing a site over HTTP gives the same facts and score as auditing its files") {
  TestServer srv;
  const auto shop = (test::source_dir() / "examples" / "tienda-amable").string();
  srv.server().set_mount_point("/", shop);
  srv.start();
  auto web = audit(srv.url());
  engine::AuditOptions local;
  local.target = shop;
  auto files = engine::run_audit(local, rules::all_rules());
  REQUIRE(web.has_value());
  REQUIRE(files.has_value());
  CHECK(web->pages.size() == files->pages.size());
  REQUIRE(web->rules.size() == files->rules.size());
  // Every rule but https judges content, so it must agree; https is judged only over the wire
  // (plain http on loopback: a fail), and from disk it is not applicable.
  for (const auto& w : web->rules) {
    CAPTURE(w.id);
    const auto f = std::find_if(files->rules.begin(), files->rules.end(), [&](const auto& r) { return r.id == w.id; });
    REQUIRE(f != files->rules.end());
    if (w.id == "https") {
      CHECK(w.status == model::Status::fail);
      CHECK(f->status == model::Status::not_applicable);
      continue;
    }
    CHECK(w.status == f->status);
    CHECK(w.score == f->score);
  }
  REQUIRE(web->facts.emails.size() == files->facts.emails.size());
  CHECK(web->facts.emails[0].value == files->facts.emails[0].value);
  for (const auto& [cls, url] : files->facts.key_pages) {
    CAPTURE(cls);
    REQUIRE(web->facts.key_pages.at(cls).has_value() == url.has_value());
    if (url) CHECK(*web->facts.key_pages.at(cls) == srv.url("/" + *url));
  }
  CHECK(web->facts.return_policy.window_days == files->facts.return_policy.window_days);
}

TEST_CASE("http: an unreachable start URL ends the audit with exit code 3 and the reason") {
  auto r = audit("http://127.0.0.1:1/", [](auto& o) { o.config.crawl.timeout_s = 2; });
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().exit_code == 3);
  CHECK(r.error().message.find("http://127.0.0.1:1/") != std::string::npos);
  CHECK(r.error().message.find("connect") != std::string::npos);
}
