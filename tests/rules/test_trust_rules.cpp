// order-follow-up, privacy-policy, https: pass, fail and not-applicable, in English and Spanish,
// with their evidence.
#include <doctest/doctest.h>

#include "rules/rule_test_support.hpp"

using namespace amable;
using model::Status;
using test::html_page;

// ---- order-follow-up ----

TEST_CASE("order-follow-up: passes with confirmation, tracking and delivery days (en)") {
  const auto site = test::site_of({{"index.html", html_page("en-GB", "Merino blankets",
      R"(<p>Grey merino blanket: £89.00</p><button class="add-to-cart">Add to cart</button>
         <p>You get an order confirmation e-mail as soon as you order.</p>
         <p>Every parcel has a tracking number, sent by e-mail.</p>
         <p>Orders are dispatched within 1 working day and arrive in 2-4 working days.</p>)")}});
  const auto r = test::run_rule("order-follow-up", site);
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "index.html", "order confirmation e-mail", "evidence"));
  CHECK(test::has_finding(r, "index.html", "tracking number", "evidence"));
  CHECK(test::has_finding(r, "index.html", "arrive in 2-4 working days", "evidence"));
}

TEST_CASE("order-follow-up: passes in Spanish") {
  const auto site = test::site_of({{"index.html", html_page("es-ES", "Mantas de lana merino",
      R"(<p>Manta merino gris: 89,00 €</p><button class="add-to-cart">Añadir al carrito</button>
         <p>Recibirás un correo de confirmación del pedido en cuanto compres.</p>
         <p>Te enviamos el número de seguimiento cuando sale el paquete.</p>
         <p>Entregamos en 2-4 días laborables.</p>)")}});
  const auto r = test::run_rule("order-follow-up", site, "es");
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "index.html", "correo de confirmación del pedido", "evidence"));
  CHECK(test::has_finding(r, "index.html", "número de seguimiento", "evidence"));
  CHECK(test::has_message(r, "Plazo de entrega indicado"));
}

TEST_CASE("order-follow-up: a shop that says nothing fails; 'fast shipping' alone is vague (es, en)") {
  const auto es = test::site_of({{"index.html", html_page("es-ES", "Mantas", R"(<p>Manta merino: 89,00 €</p><button class="add-to-cart">Añadir al carrito</button>)")}});
  const auto r = test::run_rule("order-follow-up", es, "es");
  CHECK(r.status == Status::fail);
  CHECK(test::has_message(r, "Nada dice que se envíe un correo de confirmación"));
  CHECK(test::has_message(r, "Sin plazo de envío o entrega"));

  const auto en = test::site_of({{"index.html", html_page("en-GB", "Blankets", R"(<p>Merino blanket: £89.00</p><button class="add-to-cart">Add to cart</button><p>Fast shipping on every order!</p>)")}});
  const auto e = test::run_rule("order-follow-up", en);
  CHECK(e.status == Status::fail);
  CHECK(test::has_message(e, "\"Fast shipping\" without numbers"));
}

TEST_CASE("order-follow-up: not applicable when nothing is sold or shipped (en, es)") {
  for (const std::string lang : {"en", "es"}) {
    const auto site = test::site_of({{"index.html", html_page(lang, "Studio", "<p>Architecture studio.</p>")}});
    const auto r = test::run_rule("order-follow-up", site, lang);
    CHECK(r.status == Status::not_applicable);
  }
}

// ---- privacy-policy ----

namespace {
std::string words(const std::string& sentence, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += "<p>" + sentence + "</p>";
  return out;
}
const std::string k_es_policy = R"(<h1>Política de privacidad</h1>
<p>Responsable del tratamiento: Lanas Amable S.L., NIF B12345678, Calle de Toledo 45, 28005 Madrid.</p>
<p>Finalidad: usamos tus datos para gestionar tus pedidos y responder a tus consultas.</p>
<p>Base jurídica: la ejecución del contrato de compraventa y tu consentimiento.</p>
<p>Conservación: conservaremos tus datos mientras dure la relación comercial y durante los plazos que exige la ley.</p>
<p>Derechos: puedes ejercer tus derechos de acceso, rectificación, supresión, oposición y portabilidad.</p>
<p>Puedes presentar una reclamación ante la Agencia Española de Protección de Datos (AEPD).</p>)";
}  // namespace

TEST_CASE("privacy-policy: passes with a complete policy linked from every footer (es)") {
  const std::string footer = R"(<footer><a href="privacidad.html">Política de privacidad</a></footer>)";
  const auto site = test::site_of({
      {"index.html", html_page("es-ES", "Mantas de lana", "<p>Mantas.</p>" + footer)},
      {"privacidad.html", html_page("es-ES", "Política de privacidad", k_es_policy + footer)},
  });
  const auto r = test::run_rule("privacy-policy", site, "es");
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "privacidad.html", "Política de privacidad", "evidence"));
  CHECK(test::has_message(r, "cubre quién es el responsable, las finalidades"));
}

TEST_CASE("privacy-policy: passes in English outside the EU with a full policy page") {
  const std::string footer = R"(<footer><a href="privacy.html">Privacy policy</a></footer>)";
  const auto site = test::site_of({
      {"index.html", html_page("en-US", "Wool blankets", "<p>Blankets.</p>" + footer)},
      {"privacy.html", html_page("en-US", "Privacy policy", "<h1>Privacy policy</h1>" +
          words("We use your name, address and e-mail only to deliver your order and to answer your questions, and we never sell them to anyone.", 14) + footer)},
  });
  const auto r = test::run_rule("privacy-policy", site);
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "privacy.html", "Privacy policy", "evidence"));
}

TEST_CASE("privacy-policy: fails without a policy; an EU policy missing items warns (en, es)") {
  const auto none = test::site_of({{"index.html", html_page("en", "Shop", "<p>Blankets.</p>")}});
  const auto r = test::run_rule("privacy-policy", none);
  CHECK(r.status == Status::fail);
  CHECK(test::has_message(r, "No privacy policy found"));

  const std::string footer = R"(<footer><a href="privacidad.html">Privacidad</a></footer>)";
  const auto thin = test::site_of({
      {"index.html", html_page("es-ES", "Mantas", "<p>Mantas.</p>" + footer)},
      {"privacidad.html", html_page("es-ES", "Privacidad", "<h1>Privacidad</h1><p>Respetamos tu privacidad.</p>" + footer)},
  });
  const auto t = test::run_rule("privacy-policy", thin, "es");
  CHECK(t.status != Status::pass);
  CHECK(test::has_message(t, "La política no cubre: controller"));
}

TEST_CASE("privacy-policy: inconclusive on a JavaScript-built site (en, es)") { test::check_inconclusive_on_js_site("privacy-policy"); }

// ---- https ----

namespace {
// A site as if crawled: each page under `scheme`://shop.example/.
model::Site served(const std::string& scheme, const std::string& lang, const std::string& body) {
  auto site = test::site_of({{"index.html", html_page(lang, "Shop", body)}, {"a.html", html_page(lang, "A", "<p>A.</p>")}});
  site.kind = "http";
  for (auto& p : site.pages) p.final_url = scheme + "://shop.example/" + p.url;
  return site;
}
}  // namespace

TEST_CASE("https: passes on HTTPS with a redirect from http and HSTS (en, es)") {
  for (const std::string lang : {"en", "es"}) {
    auto site = served("https", lang, R"(<a href="a.html">A</a>)");
    site.fetch.checked_http_redirect = true;
    site.fetch.http_redirects_to_https = true;
    site.fetch.hsts = "max-age=31536000; includeSubDomains";
    const auto r = test::run_rule("https", site, lang);
    CHECK(r.status == Status::pass);
    CHECK(r.score == 100);
    CHECK(r.summary.find(lang == "es" ? "100 %" : "100 % of the pages on HTTPS") != std::string::npos);
  }
}

TEST_CASE("https: fails on plain HTTP and names the insecure form (en, es)") {
  for (const std::string lang : {"en", "es"}) {
    auto site = served("http", lang, R"(<a href="a.html">A</a><form method="post" action="http://shop.example/login"><input type="password" name="pw"></form>)");
    site.fetch.checked_http_redirect = true;
    const auto r = test::run_rule("https", site, lang);
    CHECK(r.status == Status::fail);
    CHECK(r.score <= 50);
    CHECK(test::has_message(r, lang == "es" ? "se sirve por HTTP sin redirigir a HTTPS" : "does not redirect to HTTPS"));
    CHECK(test::has_message(r, lang == "es" ? "campo de contraseña" : "password or card field"));
  }
}

TEST_CASE("https: not applicable on disk, but mixed content is still shown (en, es)") {
  for (const std::string lang : {"en", "es"}) {
    const auto site = test::site_of({{"index.html", html_page(lang, "Shop", R"(<script src="http://cdn.example/app.js"></script><p>Blankets.</p>)")}});
    const auto r = test::run_rule("https", site, lang);
    CHECK(r.status == Status::not_applicable);
    CHECK(test::has_finding(r, "index.html", "http://cdn.example/app.js", "info"));
  }
}
