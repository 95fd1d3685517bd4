// Named contacts: who is offered as a person to reach, and who is only named
// (src/site/people.cpp, person_names.cpp, owner.cpp).
#include <doctest/doctest.h>

#include <algorithm>

#include "helpers.hpp"
#include "site/person_names.hpp"

using namespace amable;
using test::html_page;

namespace {
std::vector<std::string> people_of(const std::vector<std::pair<std::string, std::string>>& pages, const std::string& lang = "") {
  const auto site = test::site_of(pages, lang);
  std::vector<std::string> out;
  for (const auto& p : site.facts.people) out.push_back(p.hit.name + "|" + p.hit.how);
  return out;
}
std::vector<std::string> people_in(const std::string& lang, const std::string& body) {
  return people_of({{"index.html", html_page(lang, "Shop", body)}}, lang);
}
bool has(const std::vector<std::string>& v, const std::string& name_how) {
  return std::find(v.begin(), v.end(), name_how) != v.end();
}
}  // namespace

TEST_CASE("people: a role right next to the name, after or before it, and couples") {
  CHECK(has(people_in("en", "<p>Chuck &amp; Sandie Klassen, Owners<br>Husband &amp; wife team leading the clinic</p>"), "Chuck & Sandie Klassen|role"));
  CHECK(has(people_in("es", "<p>Jorge Polito Responsable técnico de la tienda</p>"), "Jorge Polito|role"));
  CHECK(has(people_in("en", "<p>Company Info: Managing Director Mr. Umesh Aggarwal</p>"), "Umesh Aggarwal|role"));
}

TEST_CASE("people: an honorific vouches for a name no list holds; a capitalised word alone does not") {
  const auto titled = people_in("en", "<p>Managing Director Mr. Zorblat Quenth</p>");
  CHECK(has(titled, "Zorblat Quenth|role"));
  CHECK(people_in("en", "<p>Managing Director Zorblat Quenth</p>").empty());
}

TEST_CASE("people: a team card holds the name in one block and the role in the next") {
  const auto v = people_in("en", R"(<h2>Meet the Team</h2><div class="card"><h3>Tom Melby</h3><p>Owner &amp; Director</p></div>
    <div class="card"><h3>Mary Fenton</h3><p>Office Manager</p></div>)");
  CHECK(has(v, "Tom Melby|team"));
  CHECK(has(v, "Mary Fenton|team"));
  // Themes reuse testimonial sliders for team cards.
  CHECK(has(people_in("es", R"(<div class="testimonials-item"><h4>Emanuel Rossi</h4><div class="testimonials-title">Encargado de soporte</div></div>)"),
            "Emanuel Rossi|team"));
}

TEST_CASE("people: a first-person introduction names the person, even with a name no list holds") {
  CHECK(has(people_in("en", "<p>Hi, I'm Christy, the maker behind every cozy critter.</p>"), "Christy|introduction"));
  CHECK(has(people_in("es", "<p>¡Hola! Soy Yamirela, una apasionada pastelera. Contacta conmigo.</p>"), "Yamirela|introduction"));
  CHECK(has(people_in("es", "<p>¡Hola! Mi nombre es Laura Llorens y soy la persona detrás de la tienda.</p>"), "Laura Llorens|introduction"));
  // Not names: a lower-case word, a title-case headline, a function word.
  CHECK(people_in("es", "<p>Soy de Madrid y tejo desde niña.</p>").empty());
  CHECK(people_in("en", "<h2>I'm Ready For Summer Sale</h2>").empty());
}

TEST_CASE("people: contact phrases, signatures and credentials") {
  CHECK(has(people_in("es", "<p>Pregunta por Lucía Martín en la tienda.</p>"), "Lucía Martín|phrase"));
  CHECK(has(people_in("es", "<p>Como siempre lo espero para disfrutar de un buen cigarro. Hasta pronto. Roberto Rodriguez Pardal</p>"),
            "Roberto Rodriguez Pardal|signature"));
  CHECK(has(people_in("en", "<p>Write to us and we will answer the same day.<br>— Ana</p>"), "Ana|signature"));
  CHECK(has(people_in("en", "<p>Thanks for shopping with us! Tom, Sue and the team</p>"), "Tom|signature"));
  CHECK(has(people_in("en", "<header><p>Jonathan C. Primack, B.A. - LMT Lic.# 10789</p></header>"), "Jonathan C. Primack|credentials"));
}

TEST_CASE("people: stories, bylines, credits, reviews and the shop's own name are not contacts") {
  // A name with a role in the middle of a long story about the shop.
  CHECK(people_in("en", "<p>The name has been famous since 1928, said fourth-generation owner Aaron Lions who has been "
                        "making sausage since he was ten, helping his great-grandmother, who started the business with "
                        "her husband on the River Road before they moved to the present location.</p>").empty());
  CHECK(people_in("en", "<p>Photo by Ana García</p>").empty());
  CHECK(people_in("es", "<footer><p>Diseñado y desarrollado por Samantha Alvarado</p></footer>").empty());
  CHECK(people_in("en", R"(<div class="review"><p>I'm Sarah and I love it. Sarah Jones, customer</p></div>)").empty());
  CHECK(people_in("es", "<p>Título: Lina</p><p>Director: María Paz González</p><p>Elenco: Magaly Solier</p><p>País: Chile</p>").empty());
  // "call Crystal Flow": the shop's name (og:site_name) starting with a given name.
  CHECK(people_of({{"index.html", R"(<html lang="en"><head><meta property="og:site_name" content="Crystal Flow Drains"></head>
      <body><p>When you call Crystal Flow, you reach the person who does the work.</p></body></html>)"}}).empty());
  // Dashes inside words and places at the end of a line are not signatures.
  CHECK(people_in("en", "<p>Levo-Vit C Essence</p><p>Autopista Panamericana KM 25 - Don Torcuato – Argentina</p>").empty());
}

TEST_CASE("people: a one-person shop whose contact page speaks as 'I' and whose pages are about one person") {
  const auto v = people_of({
      {"index.html", html_page("en", "Pinstriping", R"(<a href="contact.html">Contact</a><a href="history.html">History</a>)")},
      {"history.html", html_page("en", "History", "<p>Bruce's History<br>Bruce started painting in 1970 in his father's shop.</p>")},
      {"contact.html", html_page("en", "Contact", "<p>I typically don't check my messages until I get home, but leave me one and I will get back to you the next day!</p>")},
  });
  CHECK(has(v, "Bruce|owner"));
  // The same pages with a contact page that speaks as "we": no owner is the contact.
  const auto w = people_of({
      {"index.html", html_page("en", "Pinstriping", R"(<a href="contact.html">Contact</a><a href="history.html">History</a>)")},
      {"history.html", html_page("en", "History", "<p>Bruce's History<br>Bruce started painting in 1970 in his father's shop.</p>")},
      {"contact.html", html_page("en", "Contact", "<p>Leave us a message and we will get back to you the next day.</p>")},
  });
  CHECK(w.empty());
}

TEST_CASE("person names: given names of many cultures, surnames, initials, and what ends a name") {
  CHECK(site::is_given_name("Tarun"));
  CHECK(site::is_given_name("sandie"));
  CHECK(site::is_given_name("Lucía"));
  CHECK_FALSE(site::is_given_name("Will"));  // a function word in English
  const text::Tokens t("Ask Ana María García de la Fuente, or Jonathan C. Primack");
  const auto names = site::names_in(t, "en");
  REQUIRE(names.size() == 2);
  CHECK(site::name_text(t, names[0]) == "Ana María García de la Fuente");
  CHECK(site::name_text(t, names[1]) == "Jonathan C. Primack");
}

TEST_CASE("people: 'Meet' needs a full name: products are met too") {
  CHECK(people_in("en", "<h2>Meet Stella, our best-selling tote bag</h2>").empty());
  CHECK(has(people_in("en", "<h2>Meet Colby Thompson</h2>"), "Colby Thompson|phrase"));
}
