// The hostile-server suite: a shop whose home page links to one normal page and to one hostile
// URL, served by cpp-httplib on 127.0.0.1, audited by the real binary. For every fault: the
// audit ends within its limits, its peak memory stays under k_rss_bound_mb, the fault is
// reported with the URL and a plain reason, and the normal page is still audited.
#include <doctest/doctest.h>

#include <zlib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "http_test_server.hpp"

using namespace amable;
using test::TestServer;
using Clock = std::chrono::steady_clock;

namespace {

// The bound stated in README "Safety and limits": one page is read into at most 10 MB and its
// visible text into 2 MB, so no fault can take more than this. AddressSanitizer's shadow
// memory and quarantine (up to 256 MB of freed blocks) take more, but still a bound.
#ifdef AMABLE_SANITIZED
constexpr long k_rss_bound_mb = 1024;
#else
constexpr long k_rss_bound_mb = 150;
#endif

std::string page(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + body +
         "<footer>Write to care@woolandco.co.uk</footer></body></html>";
}

// A shop: "/" links to "/ok" (a normal page) and to each hostile path; robots.txt is 404. A
// test's own handlers are registered first, so they win (cpp-httplib takes the first match).
struct Shop {
  TestServer server;
  std::atomic<bool> stopping{false};
  std::string links = "<a href=\"/ok\">Our blankets</a>";
  explicit Shop(const std::vector<std::string>& hostile) {
    for (const auto& h : hostile) links += " <a href=\"" + h + "\">Offers</a>";
  }
  ~Shop() {
    stopping = true;
    server.stop();
  }
  httplib::Server& http() { return server.server(); }
  void start() {
    // cpp-httplib brotli-compresses text for amable's Accept-Encoding, a megabyte in seconds on
    // a busy machine: the faults here are sent as they are, or the tests would time the server.
    server.server().set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
      const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server.server().Get("/", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(page("Wool blankets | Wool & Co", "<h1>Wool blankets</h1>" + links), "text/html; charset=utf-8");
    });
    server.server().Get("/ok", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(page("Merino blanket | Wool & Co", "<h1>Merino blanket</h1><p>You will love it.</p>"), "text/html");
    });
    server.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    server.start();
  }
};

struct Audit {
  test::RunResult run;
  nlohmann::json report;
  double seconds = 0;
};

// Sitemaps are off unless a test is about them.
Audit audit(Shop& shop, std::vector<std::string> extra = {}, bool sitemaps = false) {
  std::vector<std::string> args{"audit", shop.server.url("/"), "-f", "json", "-q", "--timeout", "3"};
  if (!sitemaps) args.push_back("--no-sitemap");
  args.insert(args.end(), extra.begin(), extra.end());
  Audit a;
  const auto t0 = Clock::now();
  a.run = test::run_amable(args);
  a.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  a.report = nlohmann::json::parse(a.run.out, nullptr, false);
  return a;
}

const nlohmann::json* page_in(const nlohmann::json& report, const std::string& url) {
  for (const auto& p : report["pages"])
    if (p["url"] == url) return &p;
  return nullptr;
}

// The audit survived: exit 0/1, a report, the normal page read, memory under the bound.
void check_survived(const Audit& a, Shop& shop) {
  CAPTURE(a.run.err);
  REQUIRE(a.run.exit_code >= 0);
  CHECK(a.run.exit_code <= 1);
  REQUIRE_FALSE(a.report.is_discarded());
  const auto* ok = page_in(a.report, shop.server.url("/ok"));
  REQUIRE(ok != nullptr);
  CHECK((*ok)["error"].is_null());
  CHECK((*ok)["title"] == "Merino blanket | Wool & Co");
  CHECK(a.run.max_rss_kb / 1024 < k_rss_bound_mb);
  MESSAGE("peak RSS " << a.run.max_rss_kb / 1024 << " MB, " << a.seconds << " s");
}

// What a failed check prints: errors, notes and each page's note.
std::string summary(const Audit& a) {
  if (a.report.is_discarded()) return "no report; stderr: " + a.run.err;
  std::string s = "errors: " + a.report["errors"].dump() + "\nnotes: " + a.report["notes"].dump() + "\npages:";
  for (const auto& p : a.report["pages"]) s += "\n  " + p["url"].get<std::string>() + " " + p.value("note", nlohmann::json("")).dump().substr(0, 300);
  return s;
}

// The note of the page at `url`, or "(not in the report)".
std::string note_for(const Audit& a, const std::string& url) {
  const auto* p = page_in(a.report, url);
  if (!p) return "(not in the report)";
  return (*p).value("note", std::string());
}

// The error recorded for `url`, or "".
std::string error_for(const Audit& a, const std::string& url) {
  for (const auto& e : a.report["errors"])
    if (e["url"] == url) return e["error"];
  return {};
}

std::string gzip_of_zeros(size_t bytes) {
  z_stream zs{};
  deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::string out;
  std::string zeros(1 << 20, '\0');
  std::string buf(1 << 16, '\0');
  for (size_t done = 0; done < bytes;) {
    const size_t n = std::min(zeros.size(), bytes - done);
    done += n;
    zs.next_in = reinterpret_cast<Bytef*>(zeros.data());
    zs.avail_in = static_cast<uInt>(n);
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf.data());
      zs.avail_out = static_cast<uInt>(buf.size());
      deflate(&zs, done == bytes ? Z_FINISH : Z_NO_FLUSH);
      out.append(buf.data(), buf.size() - zs.avail_out);
    } while (zs.avail_out == 0);
  }
  deflateEnd(&zs);
  return out;
}

}  // namespace

TEST_CASE("hostile: a page that never finishes (one byte at a time) times out; the rest is audited") {
  Shop shop({"/drip"});
  shop.http().Get("/drip", [&shop](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/html", [&shop](size_t, httplib::DataSink& sink) {
      for (int i = 0; i < 600 && !shop.stopping; ++i) {
        if (!sink.write("<", 1)) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      return false;
    });
  });
  shop.start();
  const auto a = audit(shop);
  INFO(summary(a));
  check_survived(a, shop);
  CHECK(error_for(a, shop.server.url("/drip")) == "timeout after 3 s");
  CHECK(a.seconds < 20);
}

TEST_CASE("hostile: a gzip bomb (1 MB on the wire, 1 GB unpacked) is cut at 10 MB") {
  static const std::string bomb = gzip_of_zeros(size_t{1} << 30);
  REQUIRE(bomb.size() < (2u << 20));
  Shop shop({"/bomb"});
  shop.http().Get("/bomb", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(bomb, "text/html");
  });
  shop.start();
  const auto a = audit(shop);
  INFO(summary(a));
  check_survived(a, shop);
  CHECK(note_for(a, shop.server.url("/bomb")).find("page larger than 10 MB") != std::string::npos);
}

TEST_CASE("hostile: a 50 MB page and a page of one 10 MB line are read up to their limits") {
  Shop shop({"/huge"});
  shop.http().Get("/huge", [](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(50u << 20, "text/html", [](size_t offset, size_t length, httplib::DataSink& sink) {
      const std::string chunk(std::min<size_t>(length, 1 << 16), 'a');
      if (offset == 0) return sink.write("<p>", 3);
      return sink.write(chunk.data(), chunk.size());
    });
  });
  shop.start();
  const auto a = audit(shop);
  INFO(summary(a));
  check_survived(a, shop);
  CHECK(note_for(a, shop.server.url("/huge")).find("only the first 10 MB were read") != std::string::npos);

  Shop line_shop({"/line"});
  line_shop.http().Get("/line", [](const httplib::Request&, httplib::Response& res) {
    // One line just under the 10 MB page limit: read whole, its text cut at 2 MB.
    res.set_content("<html><body><p>" + std::string((10u << 20) - 100, 'w') + "</p></body></html>", "text/html");
  });
  line_shop.start();
  const auto b = audit(line_shop);
  INFO(summary(b));
  check_survived(b, line_shop);
  CHECK(note_for(b, line_shop.server.url("/line")) == "visible text cut at 2097152 bytes");
}

TEST_CASE("hostile: an endless redirect chain and two URLs redirecting to each other") {
  Shop shop({"/r/0"});
  shop.http().Get(R"(/r/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    res.set_redirect("/r/" + std::to_string(std::stoi(req.matches[1]) + 1));
  });
  shop.http().Get("/ping", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/pong"); });
  shop.http().Get("/pong", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/ping"); });
  shop.http().Get("/other", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(page("Other", "<a href=\"/ping\">loop</a>"), "text/html");
  });
  shop.start();
  const auto a = audit(shop);
  INFO(summary(a));
  check_survived(a, shop);
  CHECK(error_for(a, shop.server.url("/r/0")).find("redirect") != std::string::npos);
  CHECK(shop.server.hits("/r/11") == 0);  // ten hops at most

  Shop loop({"/ping"});
  loop.http().Get("/ping", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/pong"); });
  loop.http().Get("/pong", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/ping"); });
  loop.start();
  const auto b = audit(loop);
  INFO(summary(b));
  check_survived(b, loop);
  CHECK(error_for(b, loop.server.url("/ping")).starts_with("redirect loop: "));
  CHECK(loop.server.hits("/ping") <= 2);
}

TEST_CASE("hostile: a link trap of endless unique URLs stops at --max-pages") {
  Shop shop({"/trap/0"});
  shop.http().Get(R"(/trap/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    const long n = std::stol(req.matches[1]);
    // Each URL its own body (the same body under two URLs would be read once, as an alias).
    res.set_content(page("Trap " + req.target, "<a href=\"/trap/" + std::to_string(n + 1) + "?s=" + std::to_string(n * 7) +
                                                          "\">next</a> <a href=\"/trap/" + std::to_string(n * 2 + 5) + "\">more</a>"),
                    "text/html");
  });
  shop.start();
  const auto a = audit(shop, {"--max-pages", "60", "--max-depth", "1000"});
  INFO(summary(a));
  check_survived(a, shop);
  CHECK(a.report["pages"].size() == 60);
  CHECK(a.report["notes"].dump().find("stopped at the page limit (--max-pages 60)") != std::string::npos);
}

TEST_CASE("hostile: invalid UTF-8 and mixed encodings come out as valid UTF-8") {
  Shop shop({"/bad-utf8", "/latin1"});
  shop.http().Get("/bad-utf8", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html><head><title>Caf\xC3\xA9 \xFF\xFE bad \xC3</title></head><body><p>Ni\xF1o \xE2\x82 rot\xC0</p></body></html>",
                    "text/html; charset=utf-8");
  });
  shop.http().Get("/latin1", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html><head><meta charset=\"iso-8859-1\"><title>Ni\xF1os y caf\xE9</title></head><body><p>\xC3\xA9 UTF-8 inside latin-1</p>"
                    "<a href=\"/ok\">ok</a></body></html>",
                    "text/html");
  });
  shop.start();
  const auto a = audit(shop);
  INFO(summary(a));
  check_survived(a, shop);
  // nlohmann's strict parse above succeeded: the report is valid UTF-8.
  const auto* latin = page_in(a.report, shop.server.url("/latin1"));
  REQUIRE(latin != nullptr);
  CHECK((*latin)["title"] == "Ni\xC3\xB1os y caf\xC3\xA9");
  const auto* bad = page_in(a.report, shop.server.url("/bad-utf8"));
  REQUIRE(bad != nullptr);
  CHECK((*bad)["title"].get<std::string>().starts_with("Caf\xC3\xA9 "));
}

TEST_CASE("hostile: 200,000 levels of nesting and 50,000 links on one page") {
  Shop shop({"/deep", "/links"});
  shop.http().Get("/deep", [](const httplib::Request&, httplib::Response& res) {
    std::string html = "<html><body>";
    for (int i = 0; i < 200000; ++i) html += "<div>";
    html += "deep</body></html>";
    res.set_content(html, "text/html");
  });
  shop.http().Get("/links", [](const httplib::Request&, httplib::Response& res) {
    std::string html = "<html><body>";
    for (int i = 0; i < 50000; ++i) html += "<a href=\"/l/" + std::to_string(i) + "\">l</a>";
    res.set_content(html + "</body></html>", "text/html");
  });
  shop.http().Get(R"(/l/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(page("L " + req.target, "<p>l</p>"), "text/html");
  });
  shop.start();
  const auto a = audit(shop, {"--max-pages", "40"});
  INFO(summary(a));
  check_survived(a, shop);
  CHECK(note_for(a, shop.server.url("/deep")).find("nested deeper than") != std::string::npos);
  CHECK(note_for(a, shop.server.url("/links")) == "more than 20000 links: the rest were not read");
  CHECK(a.report["pages"].size() == 40);
}

TEST_CASE("hostile: a 5 MB robots.txt and a sitemap index that lists itself") {
  Shop shop({"/ok2", "/secret/plans"});
  shop.http().Get("/robots.txt", [&shop](const httplib::Request&, httplib::Response& res) {
    std::string body = "Sitemap: " + shop.server.url("/sitemap.xml") + "\nUser-agent: *\nDisallow: /secret/\n";
    while (body.size() < (5u << 20)) body += "Disallow: /private/" + std::to_string(body.size()) + "\n";
    body += "Disallow: /ok2\n";  // past the first 500 KiB: not read (RFC 9309 §2.5)
    res.set_content(body, "text/plain");
  });
  shop.http().Get("/sitemap.xml", [&shop](const httplib::Request&, httplib::Response& res) {
    res.set_content("<?xml version=\"1.0\"?><sitemapindex><sitemap><loc>" + shop.server.url("/sitemap.xml") +
                        "</loc></sitemap><sitemap><loc>" + shop.server.url("/sitemap.xml") + "</loc></sitemap></sitemapindex>",
                    "application/xml");
  });
  shop.http().Get("/ok2", [](const httplib::Request&, httplib::Response& res) { res.set_content(page("Ok 2", "<p>fine</p>"), "text/html"); });
  shop.start();
  const auto a = audit(shop, {}, true);
  INFO(summary(a));
  check_survived(a, shop);
  CHECK(shop.server.hits("/sitemap.xml") == 1);
  CHECK(shop.server.hits("/robots.txt") == 1);
  CHECK(shop.server.hits("/secret/plans") == 0);
  CHECK(page_in(a.report, shop.server.url("/ok2")) != nullptr);
}

TEST_CASE("hostile: 100 KB of response headers, a connection closed mid-body, 429 on every request") {
  Shop shop({"/headers", "/cut", "/busy"});
  shop.http().Get("/headers", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Padding", std::string(100u << 10, 'h'));
    res.set_content(page("Headers", "<p>big</p>"), "text/html");
  });
  shop.http().Get("/cut", [](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(100000, "text/html", [](size_t offset, size_t, httplib::DataSink& sink) {
      if (offset > 0) return false;  // closes the connection with 99,000 bytes still owed
      const std::string part(1000, 'x');
      return sink.write(part.data(), part.size());
    });
  });
  shop.http().Get("/busy", [](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "1");
  });
  shop.start();
  const auto a = audit(shop);
  INFO(summary(a));
  check_survived(a, shop);
  const std::string headers = error_for(a, shop.server.url("/headers"));
  CHECK(headers.starts_with("response headers larger than 100 KB"));
  CHECK(error_for(a, shop.server.url("/cut")).starts_with("the connection closed before the page was complete"));
  CHECK(error_for(a, shop.server.url("/busy")) == "HTTP 429 Too Many Requests");
  CHECK(shop.server.hits("/busy") == 3);  // tried, then retried twice
  CHECK(a.seconds < 30);
}

TEST_CASE("hostile: a robots.txt slower than the timeout is named as the reason nothing was fetched") {
  Shop shop({});
  shop.http().Get("/robots.txt", [&shop](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/plain", [&shop](size_t, httplib::DataSink& sink) {
      for (int i = 0; i < 50 && !shop.stopping; ++i) {
        if (!sink.write("#", 1)) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      return false;
    });
  });
  shop.start();
  const auto r = test::run_amable({"audit", shop.server.url("/"), "-f", "json", "--timeout", "1", "--no-sitemap"});
  CAPTURE(r.err);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find(shop.server.url("/robots.txt") + " could not be read (timeout after 1 s)") != std::string::npos);
  CHECK(shop.server.hits("/") == 0);  // the page itself was never asked for
}
