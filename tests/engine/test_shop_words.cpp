// What the report may say of the shop itself: its name from its titles (whichever end other pages
// repeat), its domain from its own e-mail addresses (not a free mail provider's), a number as
// the shop writes it.
#include <doctest/doctest.h>

#include "engine/shop_words.hpp"
#include "helpers.hpp"

using namespace amable;

TEST_CASE("shop words: the brand is the end of the home title that other titles repeat, first or last") {
  const auto brand_first = test::site_of({
      {"index.html", test::html_page("en-US", "Benmar Bikes | Road and gravel bikes in Houston", "<a href=\"b.html\">Bikes</a>")},
      {"b.html", test::html_page("en-US", "Bikes | Benmar Bikes", "<p>Bikes.</p>")},
  });
  CHECK(engine::shop_words(brand_first).name == "Benmar Bikes");
  const auto brand_last = test::site_of({
      {"index.html", test::html_page("es", "Mantas y cojines de lana - Tienda Amable", "<a href=\"b.html\">Mantas</a>")},
      {"b.html", test::html_page("es", "Mantas - Tienda Amable", "<p>Mantas.</p>")},
  });
  CHECK(engine::shop_words(brand_last).name == "Tienda Amable");
}

TEST_CASE("shop words: on one page, the end its e-mail domain spells; else the last; og:site_name first") {
  const auto by_mail = test::site_of({{"index.html", test::html_page("en", "Benmar Bikes | Road bikes in Houston",
                                                                     "<p>Write to <a href=\"mailto:help@benmarbikes.com\">help@benmarbikes.com</a></p>")}});
  const auto words = engine::shop_words(by_mail);
  CHECK(words.name == "Benmar Bikes");
  CHECK(words.domain == "benmarbikes.com");
  const auto plain = test::site_of({{"index.html", test::html_page("en", "Road bikes in Houston | Benmar", "<p>Bikes.</p>")}});
  CHECK(engine::shop_words(plain).name == "Benmar");
  const auto og = test::site_of({{"index.html", "<!doctype html><html lang=\"en\"><head><title>Home | Road bikes</title>"
                                                "<meta property=\"og:site_name\" content=\"Benmar Bikes\"></head><body><p>Bikes.</p></body></html>"}});
  CHECK(engine::shop_words(og).name == "Benmar Bikes");
}

TEST_CASE("shop words: a free mail provider is not the shop's domain; the number is as written") {
  const auto site = test::site_of({{"index.html", test::html_page("en-US", "Benmar Bikes",
      "<p>Write to benmarbikes@gmail.com or call <a href=\"tel:+18322181782\">(832) 218-1782</a>.</p>")}});
  const auto words = engine::shop_words(site);
  CHECK(words.domain.empty());
  CHECK(words.phone_example == "(832) 218-1782");
}
