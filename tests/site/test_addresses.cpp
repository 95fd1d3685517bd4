// Postal addresses beyond "number + street word": strong postal codes, grid and landmark
// addresses, lead-ins, sample data told by its shape, other companies' addresses
// (src/site/addresses.cpp, address_shapes.cpp).
#include <doctest/doctest.h>

#include <algorithm>

#include "helpers.hpp"
#include "site/address_shapes.hpp"

using namespace amable;
using test::html_page;

namespace {
std::vector<std::string> addresses_in(const std::string& lang, const std::string& body) {
  const auto s = test::site_of({{"index.html", html_page(lang, "Shop", body)}}, lang);
  std::vector<std::string> out;
  for (const auto& a : s.facts.addresses)
    if (!a.hit.placeholder) out.push_back(a.hit.value.str());
  return out;
}
bool starts(const std::vector<std::string>& v, std::string_view prefix) {
  return std::any_of(v.begin(), v.end(), [&](const auto& a) { return a.starts_with(prefix); });
}
}  // namespace

TEST_CASE("address shapes: postal codes that name their country") {
  for (const char* code : {"Co Cork, P61 EP80", "Dublin D6W XY12", "Dudley DY2 0NH", "London SW1A 1AA", "Burnaby, BC V5J 5K3",
                           "Houston TX 77060", "(C1213BYD)"})
    CHECK_MESSAGE(site::strong_postal_code(code).has_value(), code);
  for (const char* not_code : {"C17 6GB 128GB", "28013 Madrid", "Model XY 12345", "ZZ 77060"})
    CHECK_MESSAGE(!site::strong_postal_code(not_code).has_value(), not_code);
}

TEST_CASE("addresses: a strong postal code closing short place parts, with no house number") {
  const auto v = addresses_in("en", "<footer><p>021 487 4441 sales@clippers.ie Clippers Ireland, The Little Farm,<br>"
                                    "Knockananig, Fermoy,<br>Co Cork, P61 EP80</p></footer>");
  CHECK(starts(v, "Clippers Ireland, The Little Farm"));
  // A product name that happens to look like a postcode is not an address.
  CHECK(addresses_in("en", "<p>Rs 27,680REALME C17 6GB 128GB BOX PACK</p>").empty());
}

TEST_CASE("addresses: the address ends at its postal code, not at a number in the next sentence") {
  const auto v = addresses_in("en", "<footer><p>Clare Wool Ltd, 12 Abbey Street, Ennis, Co. Clare, V95 T2X8. Call 1890 252 525.</p></footer>");
  REQUIRE(v.size() == 1);
  CHECK(v[0].ends_with("V95 T2X8"));
  CHECK(v[0].find("1890") == std::string::npos);
}

TEST_CASE("addresses: Latin American grid addresses and landmark addresses") {
  CHECK(starts(addresses_in("es", "<footer><p>Calle 51a Sur #81i-53, Bogotá, Colombia · Lun-Sáb 10 am-7 pm</p></footer>"), "Calle 51a Sur #81i-53"));
  CHECK(starts(addresses_in("es", "<p>Carrera 7 No. 32-16, Medellín</p>"), "Carrera 7 No. 32-16"));
  CHECK(starts(addresses_in("es", "<ul><li>Juan Diaz, Av. José Agustín Arango, diagonal al Tabernáculo de la Fé</li></ul>"),
               "Av. José Agustín Arango, diagonal al"));
  CHECK(addresses_in("es", "<p>Calle 5 de Mayo es nuestra favorita</p>").empty());
}

TEST_CASE("addresses: a lead-in before a street with no street word") {
  CHECK(starts(addresses_in("es", "<p>Usted puede encontrarnos en Araujo 2408, CABA.</p>"), "Araujo 2408, CABA"));
}

TEST_CASE("addresses: a theme's sample block is told by its shape, whatever the street is called") {
  // A counting house number beside a sample phone number.
  CHECK(addresses_in("en", "<footer><p>123 Jewelry Lane, New York, NY 10001</p><p>Call us: +1 (555) 123-4567</p></footer>").empty());
  CHECK(addresses_in("es", "<footer><p>📍 Calle Principal, 123, Madrid</p><p>Teléfono: +34 123 456 789</p></footer>").empty());
  // The same street number on a shop with real contact data is a real address.
  CHECK_FALSE(addresses_in("en", "<footer><p>123 Jewelry Lane, New York, NY 10001</p><p>Call us: (212) 736-9120</p></footer>").empty());
}

TEST_CASE("addresses: another company's address in a finance disclaimer is not the shop's") {
  CHECK(addresses_in("en", "<p>Finance is provided by PayPal Credit (a trading name of PayPal (Europe) S.à r.l. et Cie, S.C.A., "
                           "22-24 Boulevard Royal L-2449, Luxembourg). Subject to credit approval.</p>").empty());
}
