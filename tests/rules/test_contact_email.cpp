#include <doctest/doctest.h>

#include "rules/rule_test_support.hpp"

using namespace amable;
using test::html_page;
using model::Status;

namespace {
const std::string k_footer_en = R"(<footer><p>Questions? Write to <a href="mailto:care@woolshop.co.uk">care@woolshop.co.uk</a></p></footer>)";
const std::string k_footer_es = R"(<footer><p>¿Dudas? Escríbenos a <a href="mailto:ana@lana.es">ana@lana.es</a></p></footer>)";
}  // namespace

TEST_CASE("contact-email: passes when every page shows an address in the footer (en)") {
  const auto site = test::site_of({
      {"index.html", html_page("en", "Wool shop", R"(<a href="contact.html">Contact</a>)" + k_footer_en)},
      {"contact.html", html_page("en", "Contact us", "<h1>Contact us</h1>" + k_footer_en)},
  });
  const auto r = test::run_rule("contact-email", site);
  CHECK(r.status == Status::pass);
  CHECK(r.score == 100);
  CHECK(test::has_finding(r, "index.html", "Write to care@woolshop.co.uk", "evidence"));
}

TEST_CASE("contact-email: passes in Spanish and reports in Spanish") {
  const auto site = test::site_of({
      {"index.html", html_page("es", "Tienda de lana", R"(<a href="contacto.html">Contacto</a>)" + k_footer_es)},
      {"contacto.html", html_page("es", "Contacto", "<h1>Contacto</h1>" + k_footer_es)},
  });
  const auto r = test::run_rule("contact-email", site, "es");
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "index.html", "Escríbenos a ana@lana.es", "evidence"));
  CHECK(r.title == "Los clientes encuentran una dirección de correo");
}

TEST_CASE("contact-email: an address only on a page one click deep is a warning (en)") {
  const auto site = test::site_of({
      {"index.html", html_page("en", "Wool shop", R"(<a href="a.html">A</a><a href="contact.html">Contact</a>)")},
      {"a.html", html_page("en", "A", "<p>Blankets</p>")},
      {"contact.html", html_page("en", "Contact", "<p>Mail care@woolshop.co.uk</p>")},
  });
  const auto r = test::run_rule("contact-email", site);
  CHECK(r.status == Status::warn);
  CHECK(r.score == 80);
  CHECK(test::has_finding(r, "contact.html", "Mail care@woolshop.co.uk", "evidence"));
}

TEST_CASE("contact-email: fails with only a contact form (es)") {
  const auto site = test::site_of({
      {"index.html", html_page("es", "Tienda", R"(<a href="contacto.html">Contacto</a>)")},
      {"contacto.html", html_page("es", "Contacto", R"(<form action="enviar"><input type="email" name="correo"><textarea name="mensaje"></textarea><button>Enviar</button></form>)")},
  });
  const auto r = test::run_rule("contact-email", site, "es");
  CHECK(r.status == Status::fail);
  CHECK(r.score == 30);
  CHECK(test::has_message(r, "Solo hay un formulario"));
  CHECK(std::any_of(r.findings.begin(), r.findings.end(), [](const auto& f) { return f.url == "contacto.html" && f.selector.find("form") != std::string::npos; }));
}

TEST_CASE("contact-email: fails with nothing, and placeholder addresses never count (en)") {
  const auto site = test::site_of({{"index.html", html_page("en", "Shop", "<footer><p>info@example.com</p></footer>")}});
  const auto r = test::run_rule("contact-email", site);
  CHECK(r.status == Status::fail);
  CHECK(r.score == 0);
  CHECK(test::has_finding(r, "index.html", "info@example.com", "problem"));
  CHECK(test::has_message(r, "placeholder"));
}

TEST_CASE("contact-email: inconclusive on a page built by JavaScript (en and es)") {
  for (const std::string lang : {"en", "es"}) {
    const auto site = test::site_of({{"index.html", html_page(lang, "App", R"(<div id="root"></div><script src="bundle.js"></script>)")}});
    const auto r = test::run_rule("contact-email", site, lang);
    CHECK(r.status == Status::inconclusive);
    CHECK_FALSE(r.score.has_value());
  }
}
