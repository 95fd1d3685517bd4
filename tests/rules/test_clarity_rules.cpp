// intro-clutter, clear-purpose, self-service: pass, fail and not-applicable/inconclusive, in
// English and Spanish, with their evidence.
#include <doctest/doctest.h>

#include "rules/rule_test_support.hpp"

using namespace amable;
using model::Status;
using test::html_page;

namespace {
// A site whose home page could not be read.
model::Site unreadable_home(const std::string& lang) {
  auto site = test::site_of({{"index.html", html_page(lang, "Shop", "<p>Blankets.</p>")}});
  site.pages[0].error = {"error/http", {{"status", 500}, {"phrase", "Internal Server Error"}}};
  return site;
}
}  // namespace

// ---- intro-clutter ----

TEST_CASE("intro-clutter: a home page that is the shop passes (en, es)") {
  for (const std::string lang : {"en", "es"}) {
    const auto site = test::site_of({{"index.html", html_page(lang, "Wool blankets", "<h1>Wool blankets</h1><p>Merino blankets made in Spain.</p><a href=\"a.html\">Blankets</a>")}});
    const auto r = test::run_rule("intro-clutter", site, lang);
    CHECK(r.status == Status::pass);
    CHECK(r.summary == (lang == "es" ? "Nada se interpone entre el visitante y la tienda." : "Nothing stands between the visitor and the shop."));
  }
}

TEST_CASE("intro-clutter: a splash page with 'Skip intro' fails and caps the score (en)") {
  const auto site = test::site_of({
      {"index.html", html_page("en", "Welcome", R"(<object type="application/x-shockwave-flash" data="intro.swf" width="800" height="600"></object><a href="home.html">Skip intro</a>)")},
      {"home.html", html_page("en", "Wool blankets", "<p>Merino blankets.</p>")},
  });
  const auto r = test::run_rule("intro-clutter", site);
  CHECK(r.status == Status::fail);
  CHECK(test::has_finding(r, "index.html", "Skip intro"));
  CHECK(test::has_message(r, "A Flash intro"));
  CHECK(r.score <= 50);
}

TEST_CASE("intro-clutter: a timed redirect and autoplaying sound fail (es)") {
  const auto site = test::site_of({{"index.html",
      R"(<!doctype html><html lang="es"><head><title>Bienvenidos</title><meta http-equiv="refresh" content="8; url=tienda.html"></head>
         <body><audio src="musica.mp3" autoplay></audio><h1>Bienvenidos</h1><p>Entrando en la tienda...</p></body></html>)"}});
  const auto r = test::run_rule("intro-clutter", site, "es");
  CHECK(r.status == Status::fail);
  CHECK(test::has_message(r, "Una redirección temporizada"));
  CHECK(test::has_message(r, "Sonido o vídeo que se reproduce solo"));
  CHECK(test::has_finding(r, "index.html", "musica.mp3"));
}

TEST_CASE("intro-clutter: the fix names the intro that blocks most, not the first one found (en)") {
  // A Flash movie that also redirects after ten seconds: the movie is what the visitor sits through.
  const auto site = test::site_of({{"index.html",
      R"(<!doctype html><html lang="en"><head><title>Welcome</title><meta http-equiv="refresh" content="10; url=home.html"></head>
         <body><object type="application/x-shockwave-flash" data="intro.swf" width="800" height="600"></object></body></html>)"},
      {"home.html", html_page("en", "Wool blankets", "<p>Merino blankets.</p>")}});
  const auto r = test::run_rule("intro-clutter", site);
  CHECK(r.status == Status::fail);
  CHECK(r.fix == "Remove the Flash intro on index.html and let the home page open directly on your products.");
  CHECK(r.summary.find("(Flash intro)") != std::string::npos);
}

TEST_CASE("intro-clutter: judged on JavaScript-built pages; not applicable without a home page (en, es)") {
  for (const std::string lang : {"en", "es"}) {
    CHECK(test::run_rule("intro-clutter", test::js_built_site(lang), lang).status == Status::pass);
    CHECK(test::run_rule("intro-clutter", unreadable_home(lang), lang).status == Status::not_applicable);
  }
}

// ---- clear-purpose ----

TEST_CASE("clear-purpose: descriptive titles, headings and a home page that names what is sold pass (es)") {
  const std::string nav = R"(<nav><a href="mantas.html">Mantas</a> <a href="cojines.html">Cojines</a></nav>)";
  const std::string meta = R"(<meta name="description" content="Mantas y cojines de lana merino tejidos en Béjar, con envío en 48 horas a toda España.">)";
  auto page = [&](const std::string& title, const std::string& body) {
    return "<!doctype html><html lang=\"es\"><head><title>" + title + "</title>" + meta + "</head><body>" + nav + body + "</body></html>";
  };
  const auto site = test::site_of({
      {"index.html", page("Mantas y cojines de lana merino | Lanas Amable", "<h1>Mantas de lana merino tejidas en Béjar</h1><p>Abrígate este invierno.</p>")},
      {"mantas.html", page("Mantas de lana merino | Lanas Amable", "<h1>Mantas de lana merino</h1>")},
      {"cojines.html", page("Cojines de lino y lana | Lanas Amable", "<h1>Cojines de lino y lana</h1>")},
  });
  const auto r = test::run_rule("clear-purpose", site, "es");
  INFO(r.summary);
  CHECK(r.status == Status::pass);
  CHECK(test::has_message(r, "El inicio nombra lo que vende (\"Mantas\")"));
  CHECK(test::has_finding(r, "index.html", "Mantas de lana merino tejidas en Béjar", "evidence"));
}

TEST_CASE("clear-purpose: generic titles and a maker-centred home page fail (en)") {
  const auto site = test::site_of({
      {"index.html", html_page("en", "Home", R"(<nav><a href="blankets.html">Blankets</a></nav><h1>Welcome</h1><p>Welcome to our website! We are a leading company.</p>)")},
      {"blankets.html", html_page("en", "Home", "<p>Things.</p>")},
  });
  const auto r = test::run_rule("clear-purpose", site);
  CHECK(r.status == Status::fail);
  CHECK(test::has_message(r, "Generic title \"Home\""));
  CHECK(test::has_message(r, "opens by talking about the company"));
  CHECK(std::any_of(r.findings.begin(), r.findings.end(), [](const auto& f) { return f.url == "index.html" && f.kind == "problem"; }));
}

TEST_CASE("clear-purpose: inconclusive on a JavaScript-built site, not applicable with no page (en, es)") {
  test::check_inconclusive_on_js_site("clear-purpose");
  for (const std::string lang : {"en", "es"}) CHECK(test::run_rule("clear-purpose", unreadable_home(lang), lang).status == Status::not_applicable);
}

// ---- self-service ----

TEST_CASE("self-service: a small shop with cart, help, contact and complaints passes (es)") {
  const std::string nav = R"(<nav><a href="preguntas-frecuentes.html">Preguntas frecuentes</a> <a href="contacto.html">Contacto</a> <a href="reclamaciones.html">Hojas de reclamaciones</a> <a href="carrito.html">Carrito</a></nav>)";
  const auto site = test::site_of({
      {"index.html", html_page("es-ES", "Mantas", nav + R"(<p>Manta merino: 89,00 €</p><button class="add-to-cart">Añadir al carrito</button>)")},
      {"preguntas-frecuentes.html", html_page("es-ES", "Preguntas frecuentes", nav + "<h1>Preguntas frecuentes</h1>")},
      {"contacto.html", html_page("es-ES", "Contacto", nav + "<h1>Contacto</h1>")},
      {"reclamaciones.html", html_page("es-ES", "Hojas de reclamaciones", nav + "<h1>Hojas de reclamaciones</h1><p>Tienes a tu disposición hojas de reclamaciones.</p>")},
  });
  const auto r = test::run_rule("self-service", site, "es");
  CHECK(r.status == Status::pass);
  CHECK(std::any_of(r.findings.begin(), r.findings.end(), [](const auto& f) { return f.kind == "evidence" && f.message == "Una vía para reclamar."; }));
  CHECK(r.summary.find("catálogo pequeño") != std::string::npos);
}

TEST_CASE("self-service: a shop with no help, no contact and no way to complain fails (en)") {
  const auto site = test::site_of({{"index.html", html_page("en", "Blankets", R"(<p>Merino blanket: £89.00</p><button class="add-to-cart">Add to cart</button>)")}});
  const auto r = test::run_rule("self-service", site);
  CHECK(r.status == Status::fail);
  CHECK(r.summary.find("Missing: help or FAQ pages, a person to ask, a way to complain") != std::string::npos);
  CHECK(test::has_message(r, "No way to complain"));
  // The fix names only what is missing: no search box for a one-page catalogue.
  CHECK(r.fix.find("help or FAQ pages") != std::string::npos);
  CHECK(r.fix.find("search") == std::string::npos);
}

TEST_CASE("self-service: the closed EU ODR platform link is reported (en)") {
  const auto site = test::site_of({{"index.html", html_page("en-IE", "Blankets", R"(<footer><a href="https://ec.europa.eu/consumers/odr">Online dispute resolution</a></footer>)")}});
  const auto r = test::run_rule("self-service", site);
  CHECK(test::has_message(r, "closed since 20 July 2025"));
}

TEST_CASE("self-service: inconclusive on a JavaScript-built site (en, es)") { test::check_inconclusive_on_js_site("self-service"); }
