// amable batch, merge and summarize through the command line, on shops served on 127.0.0.1.
#include <doctest/doctest.h>
#include <signal.h>

#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "batch/shop_list.hpp"
#include "batch/json_lines.hpp"
#include "helpers.hpp"
#include "http_test_server.hpp"
#include "schema_validation.hpp"

using namespace amable;
using json = nlohmann::json;

namespace {

std::vector<json> rows_of(const test::fs::path& p) { return test::json_lines(p); }

// A shop with a phone and an e-mail on every page, or a bare one.
void serve_shop(test::TestServer& s, bool friendly, int delay_ms = 0) {
  const std::string body = friendly ? "<p>Wool blankets. Call us on +44 20 7946 0958 or write to hello@wool.example.co.uk.</p><a href=\"/contact.html\">Contact</a>"
                                    : "<p>Wool blankets.</p>";
  s.server().Get(R"(.*)", [body, delay_ms](const httplib::Request& req, httplib::Response& res) {
    if (delay_ms) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    if (req.path == "/robots.txt") {
      res.status = 404;
      return;
    }
    res.set_content(test::html_page("en", "Wool | Shop", body), "text/html; charset=utf-8");
  });
  s.start();
}

json schema_of_rows() { return json::parse(test::read_file(test::source_dir() / "reports/schema/batch-row.schema.json")); }

}  // namespace

TEST_CASE("batch: FNV-1a 64 test vectors, shop keys by the Public Suffix List, and shards every machine agrees on") {
  CHECK(batch::fnv1a64("") == 0xcbf29ce484222325ull);
  CHECK(batch::fnv1a64("a") == 0xaf63dc4c8601ec8cull);
  CHECK(batch::fnv1a64("foobar") == 0x85944171f73967e8ull);
  CHECK(batch::shop_key("https://www.Shop.co.uk/blankets") == "shop.co.uk");
  CHECK(batch::shop_key("tienda.es") == "tienda.es");
  CHECK(batch::shop_key("a.myshopify.com") == "a.myshopify.com");  // a private suffix: two shops stay two
  CHECK(batch::shop_key("b.myshopify.com") == "b.myshopify.com");
  CHECK(batch::shop_key("http://127.0.0.1:8080/") == "127.0.0.1:8080");
  CHECK_FALSE(batch::shop_key("ftp://x.example/").has_value());
  CHECK(batch::shard_of("shop.co.uk", 1) == 0);
  CHECK(batch::shard_of("shop.co.uk", 16) == batch::fnv1a64("shop.co.uk") % 16);
  auto env = [](const char* v) -> const char* { return std::string(v) == "JOB_COMPLETION_INDEX" ? "5" : nullptr; };
  const auto s = batch::parse_shard("auto/8", env);
  REQUIRE(s);
  CHECK(s->index == 5);
  CHECK(s->from == "JOB_COMPLETION_INDEX");
  CHECK_FALSE(batch::parse_shard("8/8", env));
  CHECK_FALSE(batch::parse_shard("auto/8", [](const char*) -> const char* { return nullptr; }));
}

TEST_CASE("batch: a CSV list with kept columns; one valid row per shop, an unreachable shop a row too; shards split the list") {
  test::TestServer a, b;
  serve_shop(a, true);
  serve_shop(b, false);
  test::TempDir dir;
  test::write_file(dir / "shops.csv", "rank,domain,sector\n1," + a.url("/") + ",textiles\n2,\"" + b.url("/") + "\",\"wool, yarn\"\n"
                                      "3,http://127.0.0.1:9/,closed\n");
  const auto r = test::run_amable({"batch", (dir / "shops.csv").string(), "--keep", "rank", "--keep", "sector", "--out", (dir / "rows.jsonl").string(),
                                   "--timeout", "2", "-q"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto rows = rows_of(dir / "rows.jsonl");
  REQUIRE(rows.size() == 3);
  const json schema = schema_of_rows();
  std::map<std::string, json> by_rank;
  for (const auto& row : rows) {
    CHECK(test::errors_against(schema, row) == "");
    by_rank[row["kept"]["rank"].get<std::string>()] = row;
  }
  CHECK(by_rank["1"]["status"] == "ok");
  CHECK(by_rank["1"]["facts"]["phones"] == 1);
  CHECK(by_rank["1"]["facts"]["emails"] == 1);
  CHECK_FALSE(by_rank["1"]["facts"].contains("values"));  // no contact values without --row-facts values
  CHECK(rows_of(dir / "rows.jsonl")[0].dump().find("hello@wool") == std::string::npos);
  CHECK(by_rank["2"]["kept"]["sector"] == "wool, yarn");
  CHECK(by_rank["2"]["facts"]["phones"] == 0);
  CHECK(by_rank["3"]["status"] == "unreachable");
  CHECK(by_rank["3"]["error"].get<std::string>().find("127.0.0.1:9") != std::string::npos);

  // Two shards: every shop in exactly one of them.
  std::set<std::string> keys;
  size_t total = 0;
  for (const char* shard : {"0/2", "1/2"}) {
    const auto s = test::run_amable({"batch", (dir / "shops.csv").string(), "--shard", shard, "--out-dir", (dir / "parts").string(), "--timeout", "2", "-q"});
    REQUIRE(s.exit_code == 0);
  }
  for (const char* part : {"part-0-of-2.jsonl", "part-1-of-2.jsonl"})
    for (const auto& row : rows_of(dir / "parts" / part)) {
      keys.insert(row["key"].get<std::string>());
      ++total;
    }
  CHECK(total == 3);
  CHECK(keys.size() == 3);
  // --row-facts values puts the contact values in.
  const auto v = test::run_amable({"batch", a.url("/"), "--out", (dir / "v.jsonl").string(), "--row-facts", "values", "-q"});
  CHECK(v.exit_code == 2);  // a URL is not a list file
  test::write_file(dir / "one.txt", a.url("/") + "\n");
  REQUIRE(test::run_amable({"batch", (dir / "one.txt").string(), "--out", (dir / "v.jsonl").string(), "--row-facts", "values", "-q"}).exit_code == 0);
  CHECK(rows_of(dir / "v.jsonl")[0]["facts"]["values"]["emails"][0] == "hello@wool.example.co.uk");
}

TEST_CASE("batch: restartable: a torn last line is cut, shops with a row are skipped, SIGTERM keeps finished rows only") {
  test::TestServer slow;
  serve_shop(slow, true, 300);
  std::vector<std::unique_ptr<test::TestServer>> quick;
  test::TempDir dir;
  std::string list;
  for (int i = 0; i < 4; ++i) {
    quick.push_back(std::make_unique<test::TestServer>());
    serve_shop(*quick.back(), i % 2 == 0);
    list += quick.back()->url("/") + "\n";
  }
  list += slow.url("/") + "\n";
  test::write_file(dir / "shops.txt", list);
  const auto out = (dir / "rows.jsonl").string();
  // One finished row and half of another, as a killed run leaves them.
  REQUIRE(test::run_amable({"batch", (dir / "shops.txt").string(), "--out", out, "-q", "--shops-in-flight", "1", "--max-pages", "1"}).exit_code == 0);
  const auto first = rows_of(out);
  REQUIRE(first.size() == 5);
  const std::string kept_row = first[0].dump();
  test::write_file(out, kept_row + "\n{\"amable_row\":1,\"key\":\"half");
  const auto again = test::run_amable({"batch", (dir / "shops.txt").string(), "--out", out, "--max-pages", "1"});
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(again.err.find("1 already in") != std::string::npos);
  CHECK(again.err.find("torn last line") != std::string::npos);
  const auto rows = rows_of(out);  // every line parses: the torn one is gone
  CHECK(rows.size() == 5);
  std::set<std::string> keys;
  for (const auto& r : rows) keys.insert(r["key"].get<std::string>());
  CHECK(keys.size() == 5);

  // SIGTERM while the slow shop is being read, with no time to finish: its row is not written,
  // and the next run audits it.
  test::TempDir dir2;
  test::write_file(dir2 / "slow.txt", slow.url("/") + "\n");
  const auto stopped = test::run_program(test::amable_binary().string(),
                                         {"batch", (dir2 / "slow.txt").string(), "--out", (dir2 / "rows.jsonl").string(), "--max-pages", "20"}, "",
                                         {SIGTERM, std::chrono::milliseconds(150)});
  CHECK(stopped.exit_code == 143);
  CHECK(rows_of(dir2 / "rows.jsonl").size() <= 1);
  CHECK(test::read_file(dir2 / "rows.jsonl").find("\"partial\"") == std::string::npos);
}

TEST_CASE("batch: a shop past --shop-timeout is a partial row") {
  test::TestServer slow;
  serve_shop(slow, true, 400);
  test::TempDir dir;
  test::write_file(dir / "slow.txt", slow.url("/") + "\n");
  const auto r = test::run_amable({"batch", (dir / "slow.txt").string(), "--out", (dir / "rows.jsonl").string(), "--shop-timeout", "1", "-q"});
  REQUIRE(r.exit_code == 0);
  const auto rows = rows_of(dir / "rows.jsonl");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["status"] == "partial");
  CHECK(rows[0]["error"].get<std::string>().find("--shop-timeout") != std::string::npos);
}

TEST_CASE("merge: one row per key, a finished audit beats a failure, then the latest; missing shops listed") {
  test::TempDir dir;
  auto row = [](const std::string& key, const std::string& status, const std::string& at) {
    return json{{"amable_row", 1}, {"key", key}, {"input", key}, {"status", status}, {"started_at", at}}.dump();
  };
  test::write_file(dir / "a.jsonl", row("a.es", "unreachable", "2026-12-02T10:00:00Z") + "\n" + row("b.es", "ok", "2026-12-01T10:00:00Z") + "\n");
  test::write_file(dir / "b.jsonl", row("a.es", "ok", "2026-12-01T09:00:00Z") + "\n" + row("b.es", "ok", "2026-12-02T10:00:00Z") + "\n{\"torn");
  test::write_file(dir / "shops.txt", "a.es\nb.es\nc.es\n");
  const auto r = test::run_amable({"merge", (dir / "a.jsonl").string(), (dir / "b.jsonl").string(), "-o", (dir / "all.jsonl").string(), "--expect",
                                   (dir / "shops.txt").string(), "--missing", (dir / "missing.txt").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("2 duplicates and 1 torn") != std::string::npos);
  const auto rows = rows_of(dir / "all.jsonl");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["key"] == "a.es");
  CHECK(rows[0]["status"] == "ok");  // finished beats unreachable, though older
  CHECK(rows[1]["started_at"] == "2026-12-02T10:00:00Z");  // the latest of two finished
  CHECK(test::read_file(dir / "missing.txt") == "c.es\n");
}

TEST_CASE("summarize: percentiles, pass rates and shares by group, in every format") {
  test::TempDir dir;
  std::string rows;
  for (int i = 0; i < 10; ++i) {
    json r = {{"amable_row", 1}, {"key", "shop" + std::to_string(i) + (i < 6 ? ".es" : ".com")}, {"status", "ok"}, {"score", i * 10},
              {"grade", i >= 8 ? "excellent" : "poor"}, {"language", i < 6 ? "es" : "en"},
              {"rules", {{"contact-phone", {{"status", i % 2 ? "pass" : "fail"}, {"score", 0}}}}},
              {"facts", {{"phones", i % 2}, {"emails", 1}, {"addresses", 0}, {"return_policy", true}, {"contact_page", true},
                         {"intro_clutter", i == 0}, {"premium_rate_phones", 0}}}};
    rows += r.dump() + "\n";
  }
  rows += json{{"amable_row", 1}, {"key", "gone.es"}, {"status", "unreachable"}}.dump() + "\n";
  test::write_file(dir / "all.jsonl", rows);
  const auto j = test::run_amable({"summarize", (dir / "all.jsonl").string(), "-f", "json"});
  REQUIRE(j.exit_code == 0);
  const json s = json::parse(j.out);
  CHECK(s["all"]["shops"] == 11);
  CHECK(s["all"]["audited"] == 10);
  CHECK(s["all"]["score_percentiles"]["p50"] == 40);
  CHECK(s["all"]["score_percentiles"]["p90"] == 80);
  CHECK(s["all"]["rule_pass_rate"]["contact-phone"]["pass_rate"] == 0.5);
  CHECK(s["all"]["share_of_audited"]["no phone"] == 0.5);
  CHECK(s["all"]["share_of_audited"]["no address"] == 1.0);
  CHECK(s["all"]["share_of_audited"]["intro clutter"] == 0.1);
  CHECK(s["groups"]["es"]["shops"] == 7);
  CHECK(s["groups"]["com"]["shops"] == 4);
  const auto by_lang = json::parse(test::run_amable({"summarize", (dir / "all.jsonl").string(), "--by", "language", "-f", "json"}).out);
  CHECK(by_lang["groups"]["en"]["shops"] == 4);
  const auto csv = test::run_amable({"summarize", (dir / "all.jsonl").string(), "-f", "csv"}).out;
  CHECK(csv.starts_with("tld,shops,audited,p10"));
  const auto html = test::run_amable({"summarize", (dir / "all.jsonl").string(), "-f", "html"}).out;
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(test::run_amable({"summarize", (dir / "all.jsonl").string(), "-f", "markdown"}).out.find("| all | 11 |") != std::string::npos);
}

TEST_CASE("batch: libcurl's proxy variables are honoured (compute nodes reach the web through one)") {
  // The proxy on 127.0.0.1 answers for a shop whose name resolves nowhere but to loopback
  // (*.localhost); without the proxy the audit would find a closed port.
  test::TestServer proxy;
  std::atomic<int> asked{0};
  proxy.server().Get(R"(.*)", [&asked](const httplib::Request& req, httplib::Response& res) {
    ++asked;
    if (req.target.find("robots.txt") != std::string::npos || req.path.find("robots.txt") != std::string::npos) {
      res.status = 404;
      return;
    }
    res.set_content(test::html_page("en", "Proxied | Shop", "<p>Call us on +44 20 7946 0958.</p>"), "text/html");
  });
  proxy.start();
  test::TempDir dir;
  test::write_file(dir / "shops.txt", "http://shop.localhost:9/\n");
  const auto r = test::run_amable({"batch", (dir / "shops.txt").string(), "--out", (dir / "rows.jsonl").string(), "-q"},
                                  "http_proxy=" + proxy.url("") + " no_proxy=");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto rows = rows_of(dir / "rows.jsonl");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["status"] == "ok");
  CHECK(rows[0]["facts"]["phones"] == 1);
  CHECK(asked.load() >= 1);
}

TEST_CASE("batch: --max-rate caps the requests of all shops together, all on one network thread") {
  // Two shops of 12 linked pages each; at 8 requests/s the ~28 requests cannot come faster
  // than the bucket allows (2 at once, then one every 125 ms).
  std::vector<std::unique_ptr<test::TestServer>> shops;
  test::TempDir dir;
  std::string list;
  for (int s = 0; s < 2; ++s) {
    auto server = std::make_unique<test::TestServer>();
    server->server().Get(R"(.*)", [](const httplib::Request& req, httplib::Response& res) {
      if (req.path == "/robots.txt" || req.path == "/sitemap.xml") {
        res.status = 404;
        return;
      }
      std::string links;
      for (int i = 0; i < 12; ++i) links += "<a href=\"/p" + std::to_string(i) + ".html\">Page " + std::to_string(i) + "</a> ";
      res.set_content(test::html_page("en", "Shop", "<p>Wool.</p>" + links), "text/html");
    });
    server->start();
    list += server->url("/") + "\n";
    shops.push_back(std::move(server));
  }
  test::write_file(dir / "shops.txt", list);
  const auto r = test::run_amable({"batch", (dir / "shops.txt").string(), "--out", (dir / "rows.jsonl").string(), "--max-rate", "8"});
  REQUIRE(r.exit_code == 0);
  std::vector<std::chrono::steady_clock::time_point> at;
  for (const auto& s : shops)
    for (const auto& h : s->log()) at.push_back(h.at);
  std::sort(at.begin(), at.end());
  REQUIRE(at.size() >= 20);
  const double span = std::chrono::duration<double>(at.back() - at.front()).count();
  CHECK(span >= (static_cast<double>(at.size()) - 3.0) / 8.0);
  // Both shops' requests, every one the servers saw, went through one network thread.
  INFO(r.err);
  CHECK(r.err.find("(" + std::to_string(at.size()) + " requests on one network thread, up to 2 shops at once)") != std::string::npos);
}
