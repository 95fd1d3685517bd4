// Content regions: whose words a block holds (src/site/regions.cpp).
#include <doctest/doctest.h>

#include <algorithm>

#include "parse/html_parser.hpp"
#include "site/regions.hpp"

using namespace amable;
using model::Zone;

namespace {
model::Page classified(const std::string& body, const std::string& lang = "en") {
  auto page = parse::parse_page("<html><body>" + body + "</body></html>", {"a.html", "file:///a.html", ""});
  site::classify_regions(page, lang);
  return page;
}
Zone zone_of(const model::Page& p, std::string_view text) {
  for (const auto& b : p.blocks)
    if (b.text.find(text) != std::string::npos) return b.zone;
  FAIL("no block holds " << text);
  return Zone::main;
}
}  // namespace

TEST_CASE("regions: markup gives chrome, consent, reviews and forms") {
  const auto p = classified(R"(<header><p>Call 914 475 382</p></header><main><p>Our blankets</p>
    <div class="review-body"><p>Great, returned it in 30 days</p></div>
    <form><label>Your name</label><input name="n"><textarea></textarea></form></main>
    <div id="cookie-banner"><p>We use cookies</p></div><footer><p>Calle Mayor 12</p></footer>)");
  CHECK(zone_of(p, "Call 914") == Zone::chrome);
  CHECK(zone_of(p, "Our blankets") == Zone::main);
  CHECK(zone_of(p, "Great, returned") == Zone::user_content);
  CHECK(zone_of(p, "Your name") == Zone::form);
  CHECK(zone_of(p, "We use cookies") == Zone::consent);
  CHECK(zone_of(p, "Calle Mayor") == Zone::chrome);
}

TEST_CASE("regions: a page wrapped in one form (ASP.NET) is not a form") {
  std::string body = "<form id=\"form1\"><main>";
  for (int i = 0; i < 60; ++i) body += "<p>Wool blankets woven by hand in the hills, shipped free over fifty euros.</p>";
  body += "<p>Contact: ana@shop.es</p></main></form>";
  CHECK(zone_of(classified(body), "Contact: ana@shop.es") == Zone::main);
}

TEST_CASE("regions: a reviews or Q&A heading opens a section of customers' words, until the next heading") {
  const auto p = classified(R"(<main><h2>Product details</h2><p>Returns within 30 days.</p>
    <h2>Customer reviews</h2><h3>Love it</h3><p>You can return it within 14 days, they said.</p>
    <h2>Delivery</h2><p>We ship in 2 days.</p></main>)");
  CHECK(zone_of(p, "Returns within 30") == Zone::main);
  CHECK(zone_of(p, "You can return it") == Zone::user_content);
  CHECK(zone_of(p, "We ship in 2") == Zone::main);
  const auto es = classified(R"(<main><h2>Opiniones de clientes</h2><p>Me lo devolvieron en 3 días.</p></main>)", "es");
  CHECK(zone_of(es, "Me lo devolvieron") == Zone::user_content);
}

TEST_CASE("regions: credit lines and a creative work's credits sheet are credits") {
  const auto p = classified(R"(<main><p>Título: Lina de Lima</p><p>Director: María Paz González</p>
    <p>Elenco: Magaly Solier</p><p>País: Chile</p><p>Una película sobre Lina.</p></main>
    <footer><p>Diseñado por Samantha Alvarado</p></footer>)", "es");
  CHECK(zone_of(p, "Director: María") == Zone::credits);
  CHECK(zone_of(p, "Elenco:") == Zone::credits);
  CHECK(zone_of(p, "Una película") == Zone::main);
  CHECK(zone_of(p, "Diseñado por") == Zone::credits);
  // Two "Label: value" lines of a contact card are not a credits sheet.
  const auto card = classified(R"(<main><p>Director: Tom Melby</p><p>Phone: 021 487 4441</p><p>Email: tom@shop.ie</p></main>)");
  CHECK(zone_of(card, "Director: Tom") == Zone::main);
}

TEST_CASE("regions: a finance provider's legal line is another company's text") {
  const auto p = classified(R"(<main><p>Finance is provided by PayPal Credit (a trading name of PayPal (Europe) S.à r.l. et Cie,
    22-24 Boulevard Royal L-2449, Luxembourg). Terms and conditions apply.</p><p>Our shop is at 12 High Street, Dudley DY2 0NH</p></main>)");
  CHECK(zone_of(p, "Finance is provided") == Zone::third_party);
  CHECK(zone_of(p, "Our shop is at") == Zone::main);
}

TEST_CASE("regions: a font specimen or lorem ipsum page is a demo page, a shop page is not") {
  const auto specimen = classified(R"(<main><h1>Jennifer Lynne Specimen</h1><p>abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789</p>
    <p>Aenean lacinia bibendum nulla sed consectetur. Fusce dapibus, tellus ac cursus commodo, tortor mauris condimentum nibh.</p>
    <p>Call me at 555 0100, I'm Jenny.</p></main>)");
  CHECK(site::is_demo_page(specimen));
  CHECK(zone_of(specimen, "Call me") == Zone::demo);
  std::string lorem;
  for (int i = 0; i < 8; ++i) lorem += "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p>";
  CHECK(site::is_demo_page(classified("<main>" + lorem + "</main>")));
  CHECK_FALSE(site::is_demo_page(classified(R"(<main><p>Lorem ipsum is what we print on our sample notebooks.</p>
    <p>Every notebook is sewn by hand in Madrid and shipped within two days.</p></main>)")));
}
