#include <doctest/doctest.h>

#include "util/text.hpp"
#include "util/url.hpp"

using namespace amable;

TEST_CASE("utf8: repair replaces each bad byte and keeps good text") {
  CHECK(util::is_valid_utf8("café"));
  CHECK_FALSE(util::is_valid_utf8("caf\xE9"));
  CHECK(util::repair_utf8("caf\xE9!") == "caf\xEF\xBF\xBD!");
  CHECK_FALSE(util::is_valid_utf8("\xED\xA0\x80"));  // a surrogate
  CHECK_FALSE(util::is_valid_utf8("\xC0\xAF"));      // overlong
}

TEST_CASE("text: truncation is by characters and marks the cut") {
  CHECK(util::truncate_chars("devolución", 20) == "devolución");
  CHECK(util::truncate_chars("devolución gratuita", 11) == "devolución\xE2\x80\xA6");
  CHECK(util::count_chars(util::truncate_chars(std::string(500, 'x'), 200)) == 200);
}

TEST_CASE("text: white space collapses, control characters are stripped for terminals") {
  CHECK(util::collapse_whitespace("  a \n\t b\xC2\xA0 c  ") == "a b c");
  CHECK(util::strip_control("ok\x1b[31mred\x07") == "ok [31mred ");
}

TEST_CASE("url: resolution drops fragments, lower-cases scheme and host, removes default ports") {
  CHECK(url::resolve("https://Shop.Example/a/b.html", "../c.html#top") == "https://shop.example/c.html");
  CHECK(url::resolve("https://shop.example/a/", "HTTPS://SHOP.example:443/x?y=1") == "https://shop.example/x?y=1");
  CHECK(url::resolve("http://shop.example/", "//cdn.example:80/i.png") == "http://cdn.example/i.png");
  CHECK(url::resolve("https://shop.example/a/b", "\\c\\d") == "https://shop.example/c/d");
  CHECK(url::resolve("https://shop.example/a", " \t/x\n ") == "https://shop.example/x");
  CHECK(url::resolve("https://shop.example/", "mailto:ana@shop.es") == "mailto:ana@shop.es");
  CHECK(url::resolve("https://shop.example/", "javascript:void(0)") == "javascript:void(0)");
  CHECK(url::scheme_of("TEL:+34912345678") == "tel");
  CHECK(url::scheme_of("page.html") == "");
}

TEST_CASE("did you mean: a swap, a missing or an extra letter is one step; far words suggest nothing") {
  CHECK(util::edit_distance("audti", "audit") == 1);
  CHECK(util::edit_distance("max-page", "max-pages") == 1);
  CHECK(util::edit_distance("kitten", "sitting") == 3);
  CHECK(util::edit_distance("", "abc") == 3);
  const std::vector<std::string> commands{"audit", "render", "diff", "explain", "rules", "help"};
  CHECK(util::closest("audti", commands) == "audit");
  CHECK(util::closest("rendr", commands) == "render");
  CHECK(util::closest("audit", commands).empty());  // exact: nothing to suggest
  CHECK(util::closest("xyz", commands).empty());
  CHECK(util::closest("dif", commands) == "diff");
}
