#include <doctest/doctest.h>

#include "helpers.hpp"
#include "site/page_classes.hpp"

using namespace amable;
using test::html_page;

TEST_CASE("key pages: link texts name classes in English") {
  CHECK(site::classes_from_label("Contact us", "en") == model::k_class_contact);
  CHECK(site::classes_from_label("Returns & Exchanges", "en") == model::k_class_returns);
  CHECK(site::classes_from_label("Privacy Policy", "en") == model::k_class_privacy);
  CHECK(site::classes_from_label("FAQ", "en") == model::k_class_faq);
  CHECK(site::classes_from_label("Shipping information", "en") == model::k_class_shipping);
  CHECK(site::classes_from_label("About us", "en") == model::k_class_about);
  CHECK(site::classes_from_label("Terms and Conditions", "en") == model::k_class_legal);
}

TEST_CASE("key pages: link texts name classes in Spanish, accents or not") {
  CHECK(site::classes_from_label("Contáctanos", "es") == model::k_class_contact);
  CHECK(site::classes_from_label("Política de devoluciones", "es") == model::k_class_returns);
  CHECK(site::classes_from_label("Politica de privacidad", "es") == model::k_class_privacy);
  CHECK(site::classes_from_label("Preguntas frecuentes", "es") == model::k_class_faq);
  CHECK(site::classes_from_label("Envíos", "es") == model::k_class_shipping);
  CHECK(site::classes_from_label("Quiénes somos", "es") == model::k_class_about);
  CHECK(site::classes_from_label("Aviso legal", "es") == model::k_class_legal);
}

TEST_CASE("key pages: navigation and look-alikes are not key pages") {
  CHECK(site::classes_from_label("Return to shop", "en") == 0);
  CHECK(site::classes_from_label("Volver a la tienda", "es") == 0);
  CHECK(site::classes_from_label("Contact lenses", "en") == 0);
  CHECK(site::classes_from_label("Lentes de contacto", "es") == 0);
  CHECK(site::classes_from_label("Cookie policy", "en") == 0);
  // A sentence that mentions returns is not a link to the returns page.
  CHECK(site::classes_from_label("Read about how returns work for orders placed in the sale", "en") == 0);
}

TEST_CASE("key pages: URL slugs, Shopify paths and query routes") {
  auto has = [](std::string_view path, std::string_view lang, model::PageClass c) {
    return (site::classes_from_path(path, lang) & c) != 0;
  };
  CHECK(has("https://shop.example/pages/contact", "en", model::k_class_contact));
  CHECK(has("https://shop.example/policies/refund-policy", "en", model::k_class_returns));
  CHECK(has("politica-de-devoluciones.html", "es", model::k_class_returns));
  CHECK(has("https://tienda.example/index.php?route=information/contact", "es", model::k_class_contact));
  CHECK((site::classes_from_path("blog/how-we-handle-returns-in-2023.html", "en") & model::k_class_returns) == 0);
}

TEST_CASE("key pages: classified from inbound link text when the URL says nothing") {
  const auto site = test::site_of({
      {"index.html", html_page("en", "Shop", R"(<footer><a href="p7.html">Returns</a> <a href="p8.html">Contact</a></footer>)")},
      {"p7.html", html_page("en", "Page seven", "<p>You have 30 days to send it back unused for a full refund.</p>")},
      {"p8.html", html_page("en", "Page eight", "<p>Write to us.</p>")},
  });
  REQUIRE(site.key_page(model::k_class_returns) != nullptr);
  CHECK(site.key_page(model::k_class_returns)->url == "p7.html");
  REQUIRE(site.key_page(model::k_class_contact) != nullptr);
  CHECK(site.key_page(model::k_class_contact)->url == "p8.html");
}

TEST_CASE("key pages: the page's own URL and title beat link text; Spanish site") {
  const auto site = test::site_of({
      {"index.html", html_page("es", "Tienda", R"(<footer><a href="devoluciones.html">Devoluciones</a><a href="aviso-legal.html">Aviso legal</a></footer>)")},
      {"devoluciones.html", html_page("es", "Devoluciones | Tienda", "<h1>Devoluciones</h1><p>Tienes 30 días.</p>")},
      {"aviso-legal.html", html_page("es", "Aviso legal | Tienda", "<h1>Aviso legal</h1>")},
  });
  CHECK(site.key_page(model::k_class_returns)->url == "devoluciones.html");
  CHECK(site.key_page(model::k_class_legal)->url == "aviso-legal.html");
  CHECK(site.key_page(model::k_class_privacy) == nullptr);
}

TEST_CASE("site: click depth is the BFS distance from the start page") {
  const auto site = test::site_of({
      {"index.html", html_page("en", "Home", R"(<a href="a.html">A</a> <a href="b.html">B</a>)")},
      {"a.html", html_page("en", "A", R"(<a href="c.html">C</a>)")},
      {"b.html", html_page("en", "B", R"(<a href="a.html">A</a>)")},
      {"c.html", html_page("en", "C", R"(<a href="index.html">Home</a>)")},
      {"orphan.html", html_page("en", "Orphan", "")},
  });
  CHECK(site.find("index.html")->depth == 0);
  CHECK(site.find("a.html")->depth == 1);
  CHECK(site.find("b.html")->depth == 1);
  CHECK(site.find("c.html")->depth == 2);
  CHECK(site.find("orphan.html")->depth == -1);
}

TEST_CASE("site: links repeated on 80 % of pages are template links") {
  const std::string nav = R"(<nav><a href="contact.html">Contact</a></nav>)";
  const auto site = test::site_of({
      {"index.html", html_page("en", "Home", nav + R"(<a href="x.html">X</a>)")},
      {"x.html", html_page("en", "X", nav)},
      {"contact.html", html_page("en", "Contact", nav)},
  });
  REQUIRE(site.template_links.size() == 1);
  CHECK(site.str(site.template_links[0].first) == "contact.html");
}
