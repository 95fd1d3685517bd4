// Plain relative hrefs resolved by hand (util/url_plain.hpp) must give exactly what libcurl's
// resolution gives: on RFC 3986's own examples and on generated base/href pairs full of dot
// segments, empty segments and paths that climb above the root.
#include <doctest/doctest.h>

#include <random>

#include "util/url.hpp"
#include "util/url_plain.hpp"

using namespace amable;

TEST_CASE("url plain: RFC 3986 §5.4.1 examples that are plain paths") {
  const std::string base = "http://a/b/c/d;p?q";  // normalised by libcurl first, as resolve() does
  const auto b = url::normalize(base);
  REQUIRE(b);
  for (const char* href : {"g", "./g", "g/", "/g", ".", "./", "..", "../", "../g", "../..", "../../", "../../g", "../../../g",
                           "../../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h", "g/../h"}) {
    CAPTURE(href);
    const auto mine = url::resolve_plain(*b, href);
    REQUIRE(mine);
    CHECK(*mine == url::resolve_uncached(*b, href));
  }
  CHECK(url::remove_dot_segments("/a/b/c/./../../g") == "/a/g");  // RFC 3986 §5.2.4's example
  CHECK(url::remove_dot_segments("/mid/content=5/../6") == "/mid/6");
}

TEST_CASE("url plain: anything not plain is left to libcurl") {
  const std::string base = "https://shop.example/a/b.html";
  for (const char* href : {"", "?q=1", "#top", "//cdn.example/x", "x y", " p/1.html", "a%20b", "mailto:x@y.example", "a:b", "a?b",
                           "a#b", "\\x", "caf\xC3\xA9", "http://x.example/"})
    CHECK_FALSE(url::resolve_plain(base, href));
  CHECK_FALSE(url::resolve_plain("ftp://files.example/a.html", "b.html"));
}

TEST_CASE("url plain: generated pairs resolve as libcurl resolves them") {
  std::mt19937 rng(17);
  const std::vector<std::string> bases = {"http://shop.example/", "https://shop.example/a", "https://shop.example/a/",
                                          "https://shop.example/a/b.html", "https://shop.example:8443/p/x/y/z.html?s=1",
                                          "http://127.0.0.1:8080/c/c-12.html", "https://shop.example//double//slash",
                                          "https://shop.example/a/b/?q=1&r=2", "file:///tmp/shop/p/p-1.html", "file:///index.html",
                                          "file:///tmp/shop/c/"};
  const std::vector<std::string> segments = {"a", "b.html", ".", "..", "", "x-y_z~1", "...", ".hidden", "p", "c-3.html"};
  size_t compared = 0;
  for (int round = 0; round < 6000; ++round) {
    const auto base = url::normalize(bases[rng() % bases.size()]);
    REQUIRE(base);
    std::string href = rng() % 4 == 0 ? "/" : "";
    for (size_t k = 0, n = 1 + rng() % 5; k < n; ++k) {
      if (k) href += '/';
      href += segments[rng() % segments.size()];
    }
    const auto mine = url::resolve_plain(*base, href);
    if (!mine) continue;
    CAPTURE(*base);
    CAPTURE(href);
    CHECK(*mine == url::resolve_uncached(*base, href));
    ++compared;
  }
  CHECK(compared > 3000);  // the rest hold an empty segment: left to libcurl
}

TEST_CASE("url plain: a plain URL's path is read off its text, as url::parse reads it") {
  std::mt19937 rng(29);
  const std::vector<std::string> starts = {"https://shop.example", "http://127.0.0.1:8080", "https://a-b.example:8443", "file://",
                                           "https://Shop.Example", "http://x.example?", "ftp://x.example", "https://"};
  const std::vector<std::string> segments = {"a", "b.html", ".", "..", "", "x-y_z~1", "c%20d", "e?f=1", "G", "#h"};
  size_t read = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string u = starts[rng() % starts.size()];
    for (size_t k = 0, n = 1 + rng() % 4; k < n; ++k) u += "/" + segments[rng() % segments.size()];
    const auto mine = url::plain_path(u);
    if (!mine) continue;
    CAPTURE(u);
    const auto parts = url::parse(u);
    REQUIRE(parts);
    CHECK(*mine == parts->path);
    CHECK(parts->query.empty());
    ++read;
  }
  CHECK(read > 300);  // the rest hold an escape, a query, a dot or empty segment, or an upper-case host: left to libcurl
  CHECK_FALSE(url::plain_path("mailto:x@y.example"));
  CHECK(url::plain_path("file:///tmp/shop/index.html") == std::optional<std::string_view>("/tmp/shop/index.html"));
}
