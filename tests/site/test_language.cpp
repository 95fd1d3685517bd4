#include <doctest/doctest.h>

#include "parse/html_parser.hpp"
#include "site/language.hpp"

using namespace amable;

namespace {
model::Page page_of(const std::string& html) { return parse::parse_page(html, {"a.html", "file:///a.html", ""}); }
const std::string k_es_text =
    "<p>En nuestra tienda encontrarás las mejores mantas de lana para tu casa. Todas las piezas se tejen a mano "
    "con la lana de las ovejas de la sierra, y el envío es gratis para los pedidos de más de cincuenta euros.</p>";
const std::string k_en_text =
    "<p>In our shop you will find the best wool blankets for your home. All of the pieces are woven by hand with "
    "the wool of the sheep on the hills, and shipping is free for orders of more than fifty euros.</p>";
}  // namespace

TEST_CASE("language: <html lang> is the declaration; the text agrees") {
  const auto l = site::detect_language(page_of("<html lang=\"es-ES\"><body>" + k_es_text + "</body></html>"));
  CHECK(l.declared == "es");
  CHECK(l.detected == "es");
  CHECK(l.effective == "es");
  CHECK_FALSE(l.mismatch);
}

TEST_CASE("language: a declaration the text contradicts is reported, the text wins") {
  const auto l = site::detect_language(page_of("<html lang=\"en\"><body>" + k_es_text + "</body></html>"));
  CHECK(l.declared == "en");
  CHECK(l.effective == "es");
  CHECK(l.mismatch);
}

TEST_CASE("language: without <html lang>, og:locale, then the stop-word vote") {
  CHECK(site::detect_language(page_of("<html><head><meta property=\"og:locale\" content=\"es_MX\"></head><body><p>Hola</p></body></html>")).effective == "es");
  CHECK(site::detect_language(page_of("<html><body>" + k_en_text + "</body></html>")).effective == "en");
  CHECK(site::detect_language(page_of("<html><body><p>ok</p></body></html>")).effective == "");
}

TEST_CASE("language: --lang overrides everything") {
  CHECK(site::detect_language(page_of("<html lang=\"en\"><body>" + k_en_text + "</body></html>"), "es").effective == "es");
}

TEST_CASE("language: a short Spanish page is Spanish; text repeated in every product card votes once") {
  CHECK(site::detect_language(page_of("<html><body><p>Para hacer reservaciones por favor mandar un correo o llamarnos al "
                                      "teléfono. Si hay cualquier otra pregunta, haremos todo lo posible para responder sus dudas.</p>"
                                      "</body></html>")).effective == "es");
  std::string cards;
  for (int i = 0; i < 30; ++i) cards += "<div><p>5 out of 5 Customer Rating</p><p>Price reduced from $8.299 to</p></div>";
  const auto l = site::detect_language(page_of("<html><body>" + cards + "<p>Top Nike para mujer: la prenda ideal para tus "
      "entrenamientos, con tejido que absorbe el sudor y te mantiene seca durante todo el día. Envío gratis a todo el país "
      "y cambios sin cargo en todas nuestras tiendas.</p></body></html>"));
  CHECK(l.effective == "es");
}
