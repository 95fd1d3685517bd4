// visitor-centric-copy and readability: pass, fail, inconclusive and not applicable, in English
// and Spanish, with their evidence.
#include <doctest/doctest.h>

#include "rules/rule_test_support.hpp"

using namespace amable;
using model::Status;
using test::html_page;

namespace {
std::string repeat(const std::string& paragraph, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += "<p>" + paragraph + "</p>";
  return out;
}
}  // namespace

// ---- visitor-centric-copy ----

TEST_CASE("visitor-centric-copy: copy that speaks to 'you' passes (en)") {
  const auto site = test::site_of({{"index.html", html_page("en", "Blankets",
      repeat("You choose the size, you pick the colour, and your blanket reaches you in two days. Your order is yours to return.", 6))}});
  const auto r = test::run_rule("visitor-centric-copy", site);
  CHECK(r.status == Status::pass);
  CHECK(r.summary.find("address the visitor") != std::string::npos);
}

TEST_CASE("visitor-centric-copy: Spanish copy about 'nosotros' fails and shows a sentence") {
  const auto site = test::site_of({{"index.html", html_page("es", "Quiénes somos",
      repeat("Nosotros fabricamos nuestras mantas en nuestro taller. Tenemos experiencia y ofrecemos nuestra calidad de siempre.", 6))}});
  const auto r = test::run_rule("visitor-centric-copy", site, "es");
  CHECK(r.status == Status::fail);
  CHECK(test::has_finding(r, "index.html", "Nosotros fabricamos nuestras mantas", "problem"));
  CHECK(test::has_message(r, "Habla de la empresa"));
}

TEST_CASE("visitor-centric-copy: Spanish 'usted' copy passes (es)") {
  const auto site = test::site_of({{"index.html", html_page("es", "Mantas",
      repeat("Usted elige la talla y el color. Si usted lo desea, le llamamos. Su pedido llega a su casa en dos días y usted puede devolverlo.", 5))}});
  const auto r = test::run_rule("visitor-centric-copy", site, "es");
  CHECK(r.status == Status::pass);
}

TEST_CASE("visitor-centric-copy: too few pronouns is inconclusive; French is not applicable (en, es)") {
  for (const std::string lang : {"en", "es"}) {
    const auto site = test::site_of({{"index.html", html_page(lang, "Shop", "<p>Merino blankets. Linen cushions.</p>")}});
    CHECK(test::run_rule("visitor-centric-copy", site, lang).status == Status::inconclusive);
  }
  const auto fr = test::site_of({{"index.html", html_page("fr", "Boutique", repeat("Nous fabriquons nos couvertures et vous les livrons chez vous.", 10))}});
  CHECK(test::run_rule("visitor-centric-copy", fr).status == Status::not_applicable);
}

// ---- readability ----

TEST_CASE("readability: short sentences and plain words pass (en, es)") {
  const auto en = test::site_of({{"index.html", html_page("en", "Blankets",
      repeat("Our blankets are warm. They are made of wool. You can wash them at home. We send them in two days. You can send them back for free.", 12))}});
  const auto r = test::run_rule("readability", en);
  CHECK(r.status == Status::pass);
  CHECK(r.summary.find("1 page measured") != std::string::npos);  // the noun agrees with the number

  const auto es = test::site_of({{"index.html", html_page("es", "Mantas",
      repeat("Las mantas son de lana. Son suaves y dan calor. Las puedes lavar en casa. Te las mandamos en dos días. Si no te gustan, las devuelves gratis.", 12))}});
  const auto s = test::run_rule("readability", es, "es");
  CHECK(s.status == Status::pass);
  CHECK(s.summary.find("1 página medida") != std::string::npos);
}

TEST_CASE("readability: long sentences of long words fail and show the longest sentence (es, en)") {
  const std::string es_long =
      "La organización comercializadora garantiza la satisfacción correspondiente mediante procedimientos administrativos "
      "extraordinariamente especializados, considerando adicionalmente determinadas circunstancias excepcionales relacionadas "
      "con la documentación contractual, la responsabilidad patrimonial y la reglamentación comunitaria internacionalmente aplicable.";
  const auto es = test::site_of({{"index.html", html_page("es", "Nuestra empresa", repeat(es_long, 10))}});
  const auto r = test::run_rule("readability", es, "es");
  CHECK(r.status == Status::fail);
  CHECK(test::has_finding(r, "index.html", "La organización comercializadora garantiza", "problem"));
  CHECK(test::has_message(r, "INFLESZ"));

  const std::string en_long =
      "Notwithstanding the aforementioned considerations, the organisation's comprehensive customer satisfaction methodology "
      "incorporates sophisticated administrative procedures, extraordinary documentation requirements and internationally "
      "applicable regulatory responsibilities affecting the contractual relationship indefinitely.";
  const auto en = test::site_of({{"index.html", html_page("en", "Our company", repeat(en_long, 12))}});
  const auto e = test::run_rule("readability", en);
  CHECK(e.status == Status::fail);
  CHECK(test::has_finding(e, "index.html", "Notwithstanding the aforementioned", "problem"));
  CHECK(test::has_message(e, "Flesch"));
}

TEST_CASE("readability: too little text is inconclusive; French is not applicable (en, es)") {
  for (const std::string lang : {"en", "es"}) {
    const auto site = test::site_of({{"index.html", html_page(lang, "Shop", "<p>Merino blankets. Linen cushions.</p>")}});
    CHECK(test::run_rule("readability", site, lang).status == Status::inconclusive);
  }
  const auto fr = test::site_of({{"index.html", html_page("fr", "Boutique", repeat("Nous fabriquons nos couvertures et vous les livrons chez vous.", 30))}});
  CHECK(test::run_rule("readability", fr).status == Status::not_applicable);
}
