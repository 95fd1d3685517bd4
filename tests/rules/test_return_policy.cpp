#include <doctest/doctest.h>

#include "rules/rule_test_support.hpp"

using namespace amable;
using test::html_page;
using model::Status;

namespace {
const std::string k_footer_en = R"(<footer><a href="returns.html">Returns</a> <a href="contact.html">Contact</a></footer><p class="price">$25.00</p>)";
const std::string k_policy_en = R"(<h1>Returns &amp; refunds</h1>
  <p>You can return any item within 30 days of delivery.</p>
  <p>Items must be unused and in their original packaging.</p>
  <p>Return shipping is free: use the prepaid label in your parcel.</p>
  <p>We refund to the original payment method within 5 days.</p>
  <p>To start a return, fill in the return form.</p>
  <p>Personalised items are non-returnable.</p>)";
const std::string k_footer_es = R"(<footer><a href="devoluciones.html">Devoluciones</a></footer><p>Manta 89 €</p>)";
const std::string k_policy_es = R"(<h1>Devoluciones</h1>
  <p>Tienes 30 días naturales para devolver tu pedido: es tu derecho de desistimiento.</p>
  <p>El artículo debe estar sin usar y en su embalaje original.</p>
  <p>La devolución es gratuita.</p>
  <p>Te devolvemos el dinero por el mismo medio de pago.</p>
  <p>Para iniciar la devolución, rellena el formulario de devolución.</p>
  <p>Los productos personalizados no admiten devolución.</p>)";
}  // namespace

TEST_CASE("return-policy: passes with a linked page stating all six terms (en)") {
  const auto site = test::site_of({
      {"index.html", html_page("en", "Shop", "<p>Blankets</p>" + k_footer_en)},
      {"returns.html", html_page("en", "Returns | Shop", k_policy_en + k_footer_en)},
  });
  const auto r = test::run_rule("return-policy", site);
  CHECK(r.status == Status::pass);
  CHECK(r.score == 100);
  CHECK(test::has_finding(r, "returns.html", "within 30 days", "evidence"));
  CHECK(site.facts.returns.stated);
  CHECK(site.facts.returns.window_days == 30);
}

TEST_CASE("return-policy: passes in Spanish, with the withdrawal right an EU shop needs") {
  const auto site = test::site_of({
      {"index.html", html_page("es-ES", "Tienda", "<p>Mantas</p>" + k_footer_es)},
      {"devoluciones.html", html_page("es-ES", "Devoluciones | Tienda", k_policy_es + k_footer_es)},
  });
  const auto r = test::run_rule("return-policy", site, "es");
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "devoluciones.html", "30 días naturales", "evidence"));
}

TEST_CASE("return-policy: an EU shop without the 14-day withdrawal right is capped at 50 (es)") {
  const auto site = test::site_of({
      {"index.html", html_page("es-ES", "Tienda", "<p>Mantas</p>" + k_footer_es)},
      {"devoluciones.html", html_page("es-ES", "Devoluciones", "<h1>Devoluciones</h1><p>Puedes devolver tu pedido en 7 días si está sin usar.</p>" + k_footer_es)},
  });
  const auto r = test::run_rule("return-policy", site, "es");
  CHECK(r.score <= 50);
  CHECK(test::has_message(r, "al menos 14 días"));
}

TEST_CASE("return-policy: fails on a shop with prices and no policy (en)") {
  const auto site = test::site_of({
      {"index.html", html_page("en", "Shop", R"(<p>Widget $19.99</p><a href="about.html">About</a>)")},
      {"about.html", html_page("en", "About", "<p>We make widgets.</p>")},
  });
  const auto r = test::run_rule("return-policy", site);
  CHECK(r.status == Status::fail);
  CHECK(r.score == 0);
  CHECK(test::has_message(r, "No return policy found"));
}

TEST_CASE("return-policy: a link to a 'Returns' page that states nothing is not a policy (es)") {
  const auto site = test::site_of({
      {"index.html", html_page("es", "Tienda", R"(<p>Manta 89 €</p><footer><a href="p.html">Devoluciones</a></footer>)")},
      {"p.html", html_page("es", "Página", "<p>Próximamente.</p>")},
  });
  CHECK_FALSE(site.facts.returns.stated);
  const auto r = test::run_rule("return-policy", site, "es");
  CHECK(r.status == Status::fail);
}

TEST_CASE("return-policy: not applicable when nothing is for sale (en and es)") {
  const auto en = test::site_of({{"index.html", html_page("en", "Plumber", "<p>We fix leaks. Call us.</p>")}});
  CHECK(test::run_rule("return-policy", en).status == Status::not_applicable);
  const auto es = test::site_of({{"index.html", html_page("es", "Fontanero", "<p>Arreglamos fugas. Llámanos.</p>")}});
  CHECK(test::run_rule("return-policy", es, "es").status == Status::not_applicable);
}

TEST_CASE("return-policy: terms stated on a single product page (en)") {
  const auto site = test::site_of({{"item.html", html_page("en", "Blanket", "<p>$49.00</p><div>Returns:</div><div>30 days, buyer pays return shipping</div>")}});
  CHECK(site.facts.returns.stated);
  CHECK(site.facts.returns.return_shipping_paid_by == "customer");
  const auto r = test::run_rule("return-policy", site);
  CHECK(r.score.value_or(0) > 0);
}
