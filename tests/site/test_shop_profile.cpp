// The shop's country and jurisdiction, and national phone numbers read in it
// (src/site/shop_profile.cpp, phones.cpp).
#include <doctest/doctest.h>

#include <algorithm>

#include "helpers.hpp"
#include "site/phones.hpp"
#include "site/shop_profile.hpp"

using namespace amable;
using test::html_page;

namespace {
std::string digits(std::string_view s) {
  std::string d;
  for (char c : s)
    if (c >= '0' && c <= '9') d.push_back(c);
  return d;
}
// The number whose digits end with those of `tail`, as written or as a tel: target.
const model::PhoneHit* phone(const model::Site& s, std::string_view tail) {
  for (const auto& p : s.facts.phones)
    if (digits(p.hit.value.str()).ends_with(digits(tail))) return &p.hit;
  return nullptr;
}
}  // namespace

TEST_CASE("shop profile: country from a domain, second-level country domains, and generic ones") {
  CHECK(site::country_of_host("tienda.es") == "ES");
  CHECK(site::country_of_host("www.tienda.com.ar") == "AR");
  CHECK(site::country_of_host("shop.co.uk") == "GB");
  CHECK(site::country_of_host("flores.com.co") == "CO");
  CHECK(site::country_of_host("app.co") == "");
  CHECK(site::country_of_host("shop.com") == "");
  CHECK(site::country_of_name("México") == "MX");
  CHECK(site::country_of_name("Reino Unido") == "GB");
  CHECK(site::jurisdiction_of("ES") == "es");
  CHECK(site::jurisdiction_of("FR") == "eu");
  CHECK(site::jurisdiction_of("IE") == "uk-ie");
  CHECK(site::jurisdiction_of("US") == "us");
  CHECK(site::jurisdiction_of("AR") == "latam");
  CHECK(site::jurisdiction_of("") == "neutral");
}

TEST_CASE("shop profile: an Argentine shop's numbers are Argentine, not Uruguayan or German") {
  const auto s = test::site_of({{"index.html", html_page("es", "Tienda",
      "<footer><p>Catamarca 211 - (C1213BYD) - Ciudad de Buenos Aires - Argentina</p>"
      "<p>Tel. 11-4932-5973</p><p>Tel. Fax: 4682-6128</p></footer>")}});
  CHECK(s.profile.country == "AR");
  CHECK(s.profile.jurisdiction == "latam");
  const auto* a = phone(s, "4932-5973");
  REQUIRE(a);
  CHECK(a->e164.str() == "+541149325973");
  // An eight-digit Buenos Aires number without its area code: kept as a local number, with no
  // made-up international form.
  const auto* local = phone(s, "4682-6128");
  REQUIRE(local);
  CHECK(local->e164.str() == "");
}

TEST_CASE("shop profile: a country code in brackets and a title naming the country") {
  const auto s = test::site_of({{"index.html", html_page("es", "Casa Carmel - Ciudad de Guatemala",
      "<p>Para reservar, llámenos al (502) 2251-7246.</p>")}});
  CHECK(s.profile.country == "GT");
  const auto* p = phone(s, "2251-7246");
  REQUIRE(p);
  CHECK(p->e164.str() == "+50222517246");
}

TEST_CASE("shop profile: votes from international numbers, e-mail domains, currency and lang") {
  CHECK(test::site_of({{"index.html", html_page("en", "Shop", "<p>Call +353 21 487 4441</p>")}}).profile.country == "IE");
  CHECK(test::site_of({{"index.html", html_page("es", "Tienda", "<p>Escríbenos a hola@tienda.es</p>")}}).profile.country == "ES");
  CHECK(test::site_of({{"index.html", html_page("en-GB", "Shop", "<p>Blankets from £25</p>")}}).profile.country == "GB");
  CHECK(test::site_of({{"index.html", html_page("es", "Relojes", "<p>Precio Q1,000.00</p>")}}).profile.country == "GT");
  // Nothing to go on: no country, and the neutral jurisdiction.
  const auto none = test::site_of({{"index.html", html_page("en", "Shop", "<p>Hello</p>")}});
  CHECK(none.profile.country == "");
  CHECK(none.profile.jurisdiction == "neutral");
  // A list of shipping destinations names many countries: it says nothing.
  CHECK(test::site_of({{"index.html", html_page("en", "Shop",
      "<footer><p>We ship to Spain, France, Mexico, Argentina, Chile and Peru</p></footer>")}}).profile.country == "");
}

TEST_CASE("phones: years, dates and business ids are not phone numbers") {
  const auto s = test::site_of({{"index.html", html_page("en", "Shop",
      "<footer><p>Tel: 2019-2025</p><p>Since 20-03-2004</p><p>ABN: 19 018 340 643</p><p>GSTIN 03AAKCP1234</p>"
      "<p>Phone: (626) 451-9858</p></footer>")}});
  REQUIRE(s.facts.phones.size() == 1);
  CHECK(s.facts.phones[0].hit.e164.str() == "+16264519858");
}

TEST_CASE("phones: a script's date and a dated line with a clock time are not phone numbers") {
  // new Date().toString() as document.write prints it; a news line with a date and a time.
  const auto s = test::site_of({{"index.html", html_page("en", "Shop",
      "<p>Last updated: Wed Dec 02 2026 21:08:33 GMT+0000</p><p>Posted 12 03 2024 10:30</p>"
      "<footer><p>Call us: (626) 451-9858</p></footer>")}});
  REQUIRE(s.facts.phones.size() == 1);
  CHECK(s.facts.phones[0].hit.e164.str() == "+16264519858");
  const auto es = test::site_of({{"index.html", html_page("es", "Tienda", "<p>Actualizado el diciembre 02 2026 a las 9</p><p>Tel. 911 234 567</p>")}});
  REQUIRE(es.facts.phones.size() == 1);
}

TEST_CASE("phones: WhatsApp stays WhatsApp; a tel: link labelled F: is the fax") {
  // wa.me with a message: the message's digits are not part of the number; structured data
  // calling the number a telephone does not make a WhatsApp-only channel a phone.
  const auto s = test::site_of({{"index.html", html_page("es", "Relojes",
      R"(<script type="application/ld+json">{"@type":"Store","telephone":"+502 5025-5434"}</script>
         <a href="https://wa.me/50250255434?text=Hola%2C%20quiero%202%20relojes">WhatsApp</a>
         <p>Puedes comunicarte por WhatsApp al +502 5025-5434</p>)")}});
  REQUIRE(s.facts.phones.size() == 1);
  CHECK(s.facts.phones[0].hit.e164.str() == "+50250255434");
  CHECK(s.facts.phones[0].hit.kind.str() == "whatsapp");
  const auto f = test::site_of({{"index.html", html_page("en", "Shop",
      R"(<footer><a href="tel:+18322661134">T: (832) 266-1134</a><a href="tel:+18322181782">F: (832) 218-1782</a></footer>)")}});
  REQUIRE(f.facts.phones.size() == 2);
  REQUIRE(phone(f, "218-1782"));
  REQUIRE(phone(f, "266-1134"));
  CHECK(phone(f, "218-1782")->kind.str() == "fax");
  CHECK(phone(f, "266-1134")->kind.str() == "phone");
}

TEST_CASE("phones: counting numbers up or down are placeholders") {
  const auto s = test::site_of({{"index.html", html_page("es", "Tienda",
      "<footer><p>Teléfono: +34 123 456 789</p><p>Teléfono: +34 987 654 321</p></footer>")}});
  REQUIRE(s.facts.phones.size() == 2);
  CHECK(s.facts.phones[0].hit.placeholder);
  CHECK(s.facts.phones[1].hit.placeholder);
}
