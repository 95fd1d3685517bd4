// Link resolution against the web-platform-tests URL cases (http(s) subset, shared/conformance).
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "util/url.hpp"

using namespace amable;

TEST_CASE("url: web-platform-tests resolution cases for http(s) links") {
  const auto dir = test::conformance_dir();
  if (!dir) {
    MESSAGE("skipped: ../shared/conformance is not present");
    return;
  }
  const auto cases = nlohmann::json::parse(test::read_file(*dir / "url-resolution-cases.json"));
  size_t pass = 0, idna = 0, idna_pass = 0;
  std::vector<std::string> misses;
  for (const auto& c : cases) {
    const std::string input = c["input"];
    std::optional<std::string> got;
    if (c["base"].is_null())
      got = url::normalize(input);
    else
      got = url::resolve(c["base"].get<std::string>(), input);
    // A crawler drops fragments: compare the expected href without its fragment.
    bool ok;
    if (c.value("failure", false)) {
      ok = !got.has_value();
    } else {
      std::string want = c["href"];
      if (const auto hash = want.find('#'); hash != std::string::npos) want = want.substr(0, hash);
      ok = got && *got == want;
    }
    // Hosts that need IDNA/UTS #46 processing (see shared/conformance/README.md).
    const std::string host = c.value("hostname", std::string());
    bool needs_idna = host.find("xn--") != std::string::npos;
    for (unsigned char ch : input)
      if (ch >= 0x80) needs_idna = true;
    if (needs_idna) {
      ++idna;
      if (ok) ++idna_pass;
    }
    if (ok) ++pass;
    else misses.push_back(input + "  (base " + (c["base"].is_null() ? std::string("none") : c["base"].get<std::string>()) +
                          ") -> " + (got ? *got : std::string("failure")) +
                          ", expected " + (c.value("failure", false) ? std::string("failure") : c["href"].get<std::string>()));
  }
  MESSAGE("URL conformance: " << pass << "/" << cases.size() << " pass; " << idna_pass << "/" << idna
                              << " of the cases with non-ASCII input or punycode hosts");
  // Known differences, documented in README.md: curl refuses a host made of punctuation that
  // WHATWG allows, and libidn2 (IDNA2008) refuses a symbol UTS #46 maps.
  const std::vector<std::string> known = {"http://!\"$&'()*+,-.;=_`{}~/", "https://%e2%98%83"};
  for (const auto& m : misses) {
    const bool is_known = std::any_of(known.begin(), known.end(), [&](const auto& k) { return m.starts_with(k + "  "); });
    CHECK_MESSAGE(is_known, "miss: " << m);
  }
  CHECK(pass >= 443);
}

TEST_CASE("url: the resolution memo gives what curl_url gives, across pages of one directory and one site") {
  // Every href resolved against one page, then against a sibling page and a page elsewhere on
  // the same site: the memo (keyed by what a resolution depends on) must never differ.
  std::vector<std::string> hrefs = {"/a/b.html", "b.html", "../up.html", "./x?y=1", "?q=2", "#top", "", "  /sp ace ",
                                    "//cdn.example/x.js", "https://other.example/p", "HTTP://Shop.Example:80/x",
                                    "http:rel", "mailto:ana@shop.example", "tel:+34912345678", "\\\\back\\slash",
                                    "/\\evil.example/", "a/../../../../z", "%2e%2e/q", "javascript:alert(1)", "?",
                                    "https://shop.example/dir/", "x#frag", "C:/file"};
  if (const auto dir = test::conformance_dir())
    for (const auto& c : nlohmann::json::parse(test::read_file(*dir / "url-resolution-cases.json")))
      hrefs.push_back(c["input"]);
  const std::vector<std::string> bases = {"https://shop.example/dir/page.html?x=1", "https://shop.example/dir/other.html",
                                          "https://shop.example/else/deep/p.html", "https://shop.example", "http://u:p@shop.example:8080/dir/",
                                          "file:///tmp/site/dir/page.html", "file:///tmp/site/index.html"};
  size_t compared = 0;
  for (int pass = 0; pass < 2; ++pass)  // the second pass answers from the memo
    for (const auto& base : bases)
      for (const auto& href : hrefs) {
        CAPTURE(base);
        CAPTURE(href);
        CHECK(url::resolve(base, href) == url::resolve_uncached(base, href));
        ++compared;
      }
  CHECK(compared >= 2 * bases.size() * 23);
}
