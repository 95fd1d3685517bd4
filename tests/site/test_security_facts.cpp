// find_security() through extract_facts(): mixed content is kept only where it is mixed, and
// only a few examples a page (the https rule shows three over the whole site).
#include <doctest/doctest.h>

#include "parse/html_parser.hpp"
#include "site/page_facts.hpp"

using namespace amable;

namespace {

model::PageFacts facts_of(const std::string& html, const std::string& url) {
  return site::extract_facts(parse::parse_page(html, parse::ParseInput{url, url, "utf-8"}), site::FactOptions{});
}

const char* k_search_form = "<form action=\"http://shop.example/search\"><input name=q><button>Search</button></form>";

}  // namespace

TEST_CASE("security facts: a form posting over http: is mixed content on a secure page, not on a plain-HTTP one") {
  const auto secure = facts_of(std::string("<body><p>Wool.</p>") + k_search_form, "https://shop.example/p.html");
  CHECK(secure.security.form_posts_http);
  REQUIRE(secure.security.mixed_active.size() == 1);
  CHECK(secure.security.mixed_active[0].snippet.str() == "form action http://shop.example/search");

  const auto plain = facts_of(std::string("<body><p>Wool.</p>") + k_search_form, "http://shop.example/p.html");
  CHECK(plain.security.form_posts_http);        // still said: the https rule reports forms over http
  CHECK(plain.security.mixed_active.empty());   // but nothing is mixed on a page that is not secure
}

TEST_CASE("security facts: a page full of http: resources keeps twenty examples of each kind") {
  std::string body = "<body><p>Wool.</p>";
  for (int i = 0; i < 60; ++i) {
    body += "<script src=\"http://cdn.example/s" + std::to_string(i) + ".js\"></script>";
    body += "<img src=\"http://cdn.example/i" + std::to_string(i) + ".jpg\" alt=\"\">";
    body += "<video src=\"http://cdn.example/v" + std::to_string(i) + ".mp4\"></video>";
  }
  // From disk a page counts as secure: its http: resources will be mixed once it is served.
  const auto f = facts_of(body, "shop/p.html");
  CHECK(f.security.mixed_active.size() == 20);
  CHECK(f.security.mixed_active.front().snippet.str() == "script http://cdn.example/s0.js");
  CHECK(f.security.mixed_passive.size() == 20);
}
