// Intros: what stands between the visitor and the page (src/site/intros.cpp).
#include <doctest/doctest.h>

#include <algorithm>

#include "helpers.hpp"

using namespace amable;

namespace {
// The intro kinds found on the start page of a one-page site.
std::vector<std::string> intros_of(const std::string& html) {
  const auto s = test::site_of({{"index.html", html}, {"home.html", "<html><body><p>Shop</p></body></html>"}});
  std::vector<std::string> out;
  for (const auto& c : s.home()->facts.clutter)
    if (c.intro) out.push_back(c.kind);
  return out;
}
bool has(const std::vector<std::string>& v, const std::string& k) { return std::find(v.begin(), v.end(), k) != v.end(); }
}  // namespace

TEST_CASE("intros: an entry page with nothing but a link into the site, in any wording") {
  CHECK(has(intros_of(R"(<html><body><center><img src="logo.gif"><p>Click <a href="home.html">here</a> to go to the Menu page</p></center></body></html>)"),
            "splash"));
  CHECK(has(intros_of(R"(<html lang="es"><body><a href="home.html"><img src="logo.jpg" alt="Haz clic aquí para entrar"></a></body></html>)"),
            "splash"));
}

TEST_CASE("intros: an entry page may greet the visitor in headings; a small home page with its menu is no entry page") {
  // document.write()'s welcome lines as a browser shows them, pictures, one way in.
  CHECK(has(intros_of(R"(<html><body><center><img src="pizza.jpg"><h1>Welcome to Knight's Pizzeria!!</h1>
      <h3>Where pizza's made just for you!</h3><b>Click <a href="home.html">here</a> to go to the Menu page</b></center></body></html>)"),
            "splash"));
  CHECK_FALSE(has(intros_of(R"(<html><body><h1>Clare Wool</h1><nav><a href="home.html">Blankets</a> <a href="scarves.html">Scarves</a>
      <a href="about.html">About</a> <a href="contact.html">Contact</a></nav><p>Wool blankets woven in County Clare since 1982, sent
      to your door.</p></body></html>)"), "splash"));
}

TEST_CASE("intros: a 0-second refresh is a redirect, a timed one is a splash") {
  CHECK(intros_of(R"(<html><head><meta http-equiv="refresh" content="0;url=home.html"></head>
      <body><a href="home.html">Click to enter website</a></body></html>)").empty());
  CHECK(has(intros_of(R"(<html><head><meta http-equiv="refresh" content="5;url=home.html"></head>
      <body><img src="logo.gif"></body></html>)"), "meta-refresh"));
}

TEST_CASE("intros: an Enter link to another site and a skip-to-content link are not intros") {
  std::string content;
  for (int i = 0; i < 20; ++i) content += "<p>We build pools and sell pool supplies in Madrid, with installation and service.</p>";
  CHECK(intros_of("<html><body>" + content + R"(<a href="https://shop.example.net/">Entrar</a></body></html>)").empty());
  CHECK(intros_of("<html><body><a href=\"#main\">Skip to main content</a><a href=\"home.html\">Skip listing</a>" + content +
                  "</body></html>").empty());
}

TEST_CASE("intros: a Flash intro movie is one; a small Flash logo in a page of content is not") {
  std::string content;
  for (int i = 0; i < 20; ++i) content += "<p>Refrigeración comercial, aire acondicionado y maquinaria gastronómica en Lugano.</p>";
  CHECK(has(intros_of(R"(<html><body><div id="intro"><object><param name="movie" value="intro.swf">
      <embed src="intro.swf" width="800" height="425" type="application/x-shockwave-flash"></object></div>
      <p>Jonathan C. Primack, massage therapist</p>)" + content + "</body></html>"), "flash"));
  const auto logo = intros_of(R"(<html><body><header><embed src="logo.swf" width="200" height="80"></header>)" + content + "</body></html>");
  CHECK(logo.empty());
}

TEST_CASE("intros: a full-screen splash overlay and an age gate stand before the shop") {
  std::string content;
  for (int i = 0; i < 20; ++i) content += "<p>Vintage clothes, hand-picked in Madrid and shipped in two days.</p>";
  CHECK(has(intros_of(R"(<html><body><div class="splash-screen"><img src="logo.png" alt="Logo"></div>)" + content + "</body></html>"), "overlay"));
  CHECK(has(intros_of(R"(<html lang="es"><body><div class="gate"><p>¿Eres mayor de edad?</p></div>)" + content + "</body></html>"), "age-gate"));
}
