// robots.txt against google/robotstxt's own assertions (shared/conformance), and RFC 9309 cases.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "fetch/robots.hpp"
#include "helpers.hpp"

using namespace amable;
using fetch::Robots;

namespace {

// Google's test calls OneAgentAllowedByRobots(robots, agent, url): the agent is compared whole.
bool allowed(const std::string& robots, const std::string& agent, const std::string& url) {
  return Robots::parse(robots).allowed(agent, url);
}

}  // namespace

TEST_CASE("robots: all 145 allow/deny cases of google/robotstxt pass") {
  const auto dir = test::conformance_dir();
  if (!dir) {
    MESSAGE("skipped: ../shared/conformance is not present");
    return;
  }
  const auto cases = nlohmann::json::parse(test::read_file(*dir / "robotstxt-cases.json"));
  size_t pass = 0, rfc = 0, rfc_pass = 0;
  for (const auto& c : cases) {
    const bool got = allowed(c["robots"], c["user_agent"], c["url"]);
    const bool ok = got == c["allowed"].get<bool>();
    CHECK_MESSAGE(ok, c["id"].get<std::string>());
    if (ok) ++pass;
    if (!c.value("google_specific", false)) {
      ++rfc;
      if (ok) ++rfc_pass;
    }
  }
  MESSAGE("robots.txt conformance: " << pass << "/" << cases.size() << " (RFC 9309 cases " << rfc_pass << "/" << rfc << ")");
  CHECK(cases.size() == 145);
}

TEST_CASE("robots: parse counts, line endings, BOM and sitemaps as google/robotstxt counts them") {
  const auto dir = test::conformance_dir();
  if (!dir) {
    MESSAGE("skipped: ../shared/conformance is not present");
    return;
  }
  const auto aux = nlohmann::json::parse(test::read_file(*dir / "robotstxt-aux-cases.json"));
  for (const auto& c : aux["parse_stats"]) {
    std::string body;
    const std::string hex = c["robots_hex"];
    for (size_t i = 0; i + 1 < hex.size(); i += 2) body.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    const auto s = fetch::robots_parse_stats(body);
    CAPTURE(c["id"].get<std::string>());
    if (c.contains("expect_valid_directives")) CHECK(s.valid_directives == c["expect_valid_directives"].get<int>());
    if (c.contains("expect_unknown_directives")) CHECK(s.unknown_directives == c["expect_unknown_directives"].get<int>());
    if (c.contains("expect_last_line_seen")) CHECK(s.last_line_seen == c["expect_last_line_seen"].get<int>());
    if (c.contains("expect_sitemap")) {
      REQUIRE_FALSE(s.sitemaps.empty());
      CHECK(s.sitemaps.back() == c["expect_sitemap"].get<std::string>());
    }
  }
  for (const auto& c : aux["valid_user_agent"])
    CHECK_MESSAGE(fetch::robots_valid_agent(c["user_agent"].get<std::string>()) == c["valid"].get<bool>(), c["user_agent"].get<std::string>());
  for (const auto& c : aux["path_params_query"])
    CHECK_MESSAGE(fetch::robots_path(c["input"].get<std::string>()) == c["expected"].get<std::string>(), c["input"].get<std::string>());
  for (const auto& c : aux["escape_pattern"])
    CHECK(fetch::robots_escape_pattern(c["input"].get<std::string>()) == c["expected"].get<std::string>());
}

TEST_CASE("robots: crawl-delay and sitemaps are read for the matching group") {
  const auto r = Robots::parse("User-agent: *\nCrawl-delay: 2\nDisallow: /cart\n\nUser-agent: amable\nCrawl-delay: 5\nAllow: /\n"
                               "Sitemap: https://shop.example/sitemap_index.xml\n");
  CHECK(r.crawl_delay("amable") == 5.0);
  CHECK(r.crawl_delay("otherbot") == 2.0);
  CHECK(r.allowed("amable", "https://shop.example/cart"));
  CHECK_FALSE(r.allowed("otherbot", "https://shop.example/cart"));
  REQUIRE(r.sitemaps().size() == 1);
  CHECK(r.sitemaps()[0] == "https://shop.example/sitemap_index.xml");
}

TEST_CASE("robots: unavailable allows everything, unreachable disallows everything (RFC 9309 2.3.1)") {
  CHECK(Robots::allow_all().allowed("amable", "https://shop.example/x"));
  CHECK_FALSE(Robots::disallow_all().allowed("amable", "https://shop.example/"));
}

TEST_CASE("robots: the product token of a User-Agent value") {
  CHECK(fetch::robots_product_token("amable/0.1.0 (+https://amable.dev)") == "amable");
  CHECK(fetch::robots_product_token("My_Bot-2") == "My_Bot-");
}
