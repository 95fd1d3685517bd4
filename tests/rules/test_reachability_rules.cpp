// contact-phone, postal-address, office-hours, named-contact, contact-page, response-time:
// pass, fail and not-applicable/inconclusive, in English and Spanish, with their evidence.
#include <doctest/doctest.h>

#include "rules/rule_test_support.hpp"

using namespace amable;
using model::Status;
using test::html_page;

namespace {
const std::string k_uk_footer = R"(<footer><p>Call us: <a href="tel:+442071838750">+44 20 7183 8750</a>, Mon-Fri 9:00-17:30</p></footer>)";
const std::string k_es_footer = R"(<footer><p>Llámanos al <a href="tel:+34914475382">914 475 382</a>, de lunes a viernes de 9:00 a 18:00</p></footer>)";
}  // namespace

// ---- contact-phone ----

TEST_CASE("contact-phone: passes with a tap-to-call number in every footer (en)") {
  const auto site = test::site_of({
      {"index.html", html_page("en-GB", "Wool blankets", R"(<a href="contact.html">Contact</a>)" + k_uk_footer)},
      {"contact.html", html_page("en-GB", "Contact us", "<h1>Contact us</h1>" + k_uk_footer)},
  });
  const auto r = test::run_rule("contact-phone", site);
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "index.html", "+44 20 7183 8750", "evidence"));
  CHECK(test::has_message(r, "Phone number: +44 20 7183 8750 (landline)"));
}

TEST_CASE("contact-phone: passes in Spanish with a Spanish number and report") {
  const auto site = test::site_of({
      {"index.html", html_page("es-ES", "Mantas de lana", R"(<a href="contacto.html">Contacto</a>)" + k_es_footer)},
      {"contacto.html", html_page("es-ES", "Contacto", "<h1>Contacto</h1>" + k_es_footer)},
  });
  const auto r = test::run_rule("contact-phone", site, "es");
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "index.html", "914 475 382", "evidence"));
  CHECK(test::has_message(r, "Teléfono: "));
}

TEST_CASE("contact-phone: a number only on the contact page, not a link, is a warning (en)") {
  const auto site = test::site_of({
      {"index.html", html_page("en-GB", "Wool blankets", R"(<a href="a.html">Blankets</a><a href="contact.html">Contact</a>)")},
      {"a.html", html_page("en-GB", "Blankets", "<p>Merino blankets.</p>")},
      {"contact.html", html_page("en-GB", "Contact", "<p>Phone: 020 7183 8750</p>")},
  });
  const auto r = test::run_rule("contact-phone", site);
  CHECK(r.status == Status::warn);
  CHECK(test::has_message(r, "is missing from 2 of 3 pages (shown on 33 %)"));
  CHECK(test::has_message(r, "index.html, a.html"));
  CHECK(test::has_message(r, "not a tap-to-call link"));
  CHECK(test::has_finding(r, "contact.html", "Phone: 020 7183 8750", "evidence"));
}

TEST_CASE("contact-phone: fails with no number; a template 555 number is flagged, not counted (es, en)") {
  const auto none = test::site_of({{"index.html", html_page("es", "Tienda", "<p>Mantas y cojines de lana.</p>")}});
  const auto r = test::run_rule("contact-phone", none, "es");
  CHECK(r.status == Status::fail);
  CHECK(r.score <= 40);
  CHECK(test::has_message(r, "Ninguna página leída muestra un teléfono"));

  const auto fake = test::site_of({{"index.html", html_page("en-US", "Shop", "<footer><p>Call (555) 555-0123</p></footer>")}});
  const auto f = test::run_rule("contact-phone", fake);
  CHECK(f.status == Status::fail);
  CHECK(test::has_finding(f, "index.html", "555-0123", "problem"));
  CHECK(test::has_message(f, "Template placeholder number"));
}

TEST_CASE("contact-phone: inconclusive on a JavaScript-built site (en, es)") { test::check_inconclusive_on_js_site("contact-phone"); }

// ---- postal-address ----

TEST_CASE("postal-address: passes in Spanish with the address in every footer and a NIF") {
  const std::string footer = "<footer><p>Lanas Amable S.L. · Calle de Toledo 45, 28005 Madrid · NIF B12345678</p></footer>";
  const auto site = test::site_of({
      {"index.html", html_page("es-ES", "Mantas de lana", R"(<a href="contacto.html">Contacto</a>)" + footer)},
      {"contacto.html", html_page("es-ES", "Contacto", "<h1>Contacto</h1>" + footer)},
  });
  const auto r = test::run_rule("postal-address", site, "es");
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "index.html", "Calle de Toledo 45, 28005 Madrid", "evidence"));
  CHECK(test::has_message(r, "Dirección: "));
}

TEST_CASE("postal-address: passes in English with the address in text and in structured data") {
  const std::string footer = "<footer><p>Wool &amp; Co, 12 Baker Street, London NW1 6XE</p><p>Registered in England, company number 01234567</p></footer>";
  const std::string ld = R"(<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Wool & Co","address":{"@type":"PostalAddress","streetAddress":"12 Baker Street","addressLocality":"London","postalCode":"NW1 6XE"}}</script>)";
  const auto site = test::site_of({
      {"index.html", html_page("en-GB", "Wool blankets", ld + R"(<a href="contact.html">Contact</a>)" + footer)},
      {"contact.html", html_page("en-GB", "Contact", "<h1>Contact</h1>" + footer)},
  });
  const auto r = test::run_rule("postal-address", site);
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "index.html", "12 Baker Street, London NW1 6XE", "evidence"));
}

TEST_CASE("postal-address: fails with no address; placeholders are flagged (en, es)") {
  const auto none = test::site_of({{"index.html", html_page("en", "Shop", "<p>Blankets and cushions.</p>")}});
  const auto r = test::run_rule("postal-address", none);
  CHECK(r.status == Status::fail);
  CHECK(test::has_message(r, "No postal address on any page read"));

  const auto fake = test::site_of({{"index.html", html_page("es-ES", "Tienda", "<footer><p>Calle Falsa 123, 28000 Madrid</p></footer>")}});
  const auto f = test::run_rule("postal-address", fake, "es");
  CHECK(f.status == Status::fail);
  CHECK(test::has_finding(f, "index.html", "Calle Falsa 123", "problem"));
  CHECK(test::has_message(f, "Dirección de ejemplo de la plantilla"));
}

TEST_CASE("postal-address: inconclusive on a JavaScript-built site (en, es)") { test::check_inconclusive_on_js_site("postal-address"); }

// ---- office-hours ----

TEST_CASE("office-hours: passes with hours next to the phone in the footer (en)") {
  const auto site = test::site_of({
      {"index.html", html_page("en-GB", "Wool blankets", R"(<a href="contact.html">Contact</a>)" + k_uk_footer)},
      {"contact.html", html_page("en-GB", "Contact us", "<h1>Contact us</h1>" + k_uk_footer)},
  });
  const auto r = test::run_rule("office-hours", site);
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "index.html", "Mon-Fri 9:00-17:30", "evidence"));
}

TEST_CASE("office-hours: passes in Spanish with a 'Horario' on the contact page") {
  const auto site = test::site_of({
      {"index.html", html_page("es-ES", "Mantas", R"(<a href="contacto.html">Contacto</a>)")},
      {"contacto.html", html_page("es-ES", "Contacto", "<h1>Contacto</h1><p>Teléfono: 914 475 382</p><p>Horario de atención: lunes a viernes, de 9:00 a 14:00 y de 16:00 a 19:00.</p>")},
  });
  const auto r = test::run_rule("office-hours", site, "es");
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "contacto.html", "lunes a viernes, de 9:00 a 14:00", "evidence"));
  CHECK(test::has_message(r, "Horario: "));
}

TEST_CASE("office-hours: fails with a phone and no hours; delivery times are not hours (es, en)") {
  const auto site = test::site_of({
      {"index.html", html_page("es-ES", "Mantas", "<p>Entrega en 3-5 días laborables.</p><p>Teléfono: 914 475 382</p>")},
  });
  const auto r = test::run_rule("office-hours", site, "es");
  CHECK(r.status == Status::fail);
  CHECK(test::has_message(r, "Sin horario"));

  const auto en = test::site_of({{"index.html", html_page("en-GB", "Shop", "<p>Delivery in 2-4 working days.</p><p>Phone: 020 7183 8750</p>")}});
  const auto e = test::run_rule("office-hours", en);
  CHECK(e.status == Status::fail);
  CHECK(test::has_message(e, "No opening hours"));
}

TEST_CASE("office-hours: not applicable without a phone or chat (en, es)") {
  for (const std::string lang : {"en", "es"}) {
    const auto site = test::site_of({{"index.html", html_page(lang, "Shop", "<p>Blankets.</p>")}});
    const auto r = test::run_rule("office-hours", site, lang);
    CHECK(r.status == Status::not_applicable);
    CHECK(r.summary.find("contact-phone") != std::string::npos);
  }
}

// ---- named-contact ----

TEST_CASE("named-contact: passes with a named person and her own mailbox (en)") {
  const auto site = test::site_of({
      {"index.html", html_page("en-GB", "Wool blankets", R"(<a href="contact.html">Contact</a>)")},
      {"contact.html", html_page("en-GB", "Contact", R"(<h1>Contact</h1><p>Questions about an order? Ask Sarah Collins, our customer care manager: <a href="mailto:sarah.collins@woolandco.co.uk">sarah.collins@woolandco.co.uk</a></p>)")},
  });
  const auto r = test::run_rule("named-contact", site);
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "contact.html", "Sarah Collins", "evidence"));
}

TEST_CASE("named-contact: passes in Spanish with a person to ask for and a direct line") {
  const auto site = test::site_of({
      {"index.html", html_page("es-ES", "Mantas", R"(<a href="contacto.html">Contacto</a>)")},
      {"contacto.html", html_page("es-ES", "Contacto", R"(<h1>Contacto</h1><p>Pregunta por Lucía Martín, responsable de atención al cliente: <a href="mailto:lucia.martin@lanasamable.es">lucia.martin@lanasamable.es</a></p>)")},
  });
  const auto r = test::run_rule("named-contact", site, "es");
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "contacto.html", "Lucía Martín", "evidence"));
  CHECK(test::has_message(r, "Contacto con nombre: Lucía Martín"));
}

TEST_CASE("named-contact: only role mailboxes fail (es, en)") {
  const auto site = test::site_of({{"index.html", html_page("es", "Tienda", R"(<footer><p>Escríbenos a info@lanasamable.es</p></footer>)")}});
  const auto r = test::run_rule("named-contact", site, "es");
  CHECK(r.status == Status::fail);
  CHECK(test::has_message(r, "Solo buzones genéricos"));
  const auto en = test::site_of({{"index.html", html_page("en", "Shop", "<p>Blankets.</p>")}});
  const auto e = test::run_rule("named-contact", en);
  CHECK(e.status == Status::fail);
  CHECK(test::has_message(e, "No named person to contact"));
}

TEST_CASE("named-contact: inconclusive on a JavaScript-built site (en, es)") { test::check_inconclusive_on_js_site("named-contact"); }

// ---- contact-page ----

TEST_CASE("contact-page: passes with a contact link in every header (en, es)") {
  for (const std::string lang : {"en", "es"}) {
    const bool es = lang == "es";
    const std::string page = es ? "contacto.html" : "contact.html";
    const std::string header = "<header><nav><a href=\"index.html\">" + std::string(es ? "Inicio" : "Home") + "</a> <a href=\"" + page + "\">" +
                               (es ? "Contacto" : "Contact") + "</a></nav></header>";
    const auto site = test::site_of({
        {"index.html", html_page(lang, "Shop", header + "<p>Blankets.</p>")},
        {"a.html", html_page(lang, "Blankets", header + "<p>Merino.</p>")},
        {page, html_page(lang, es ? "Contacto" : "Contact", header + "<p>care@woolandco.co.uk</p>")},
    });
    const auto r = test::run_rule("contact-page", site, lang);
    CHECK_MESSAGE(r.status == Status::pass, lang);
    CHECK(test::has_finding(r, "index.html", es ? "Contacto" : "Contact", "evidence"));
    CHECK(r.summary.find(page) != std::string::npos);
  }
}

TEST_CASE("contact-page: fails with no contact page or link (es, en)") {
  for (const std::string lang : {"en", "es"}) {
    const auto site = test::site_of({
        {"index.html", html_page(lang, "Shop", R"(<a href="a.html">A</a>)")},
        {"a.html", html_page(lang, "A", "<p>Blankets.</p>")},
    });
    const auto r = test::run_rule("contact-page", site, lang);
    CHECK(r.status == Status::fail);
    CHECK(test::has_message(r, lang == "es" ? "No se encontró una página de contacto" : "No contact or customer-service page found"));
  }
}

TEST_CASE("contact-page: inconclusive on a JavaScript-built site (en, es)") { test::check_inconclusive_on_js_site("contact-page"); }

// ---- response-time ----

TEST_CASE("response-time: passes with a same-day promise (en, es)") {
  const auto en = test::site_of({{"index.html", html_page("en", "Contact", "<p>We answer every e-mail on the same working day.</p>")}});
  const auto r = test::run_rule("response-time", en);
  CHECK(r.status == Status::pass);
  CHECK(test::has_finding(r, "index.html", "same working day", "evidence"));

  const auto es = test::site_of({{"index.html", html_page("es", "Contacto", "<p>Te respondemos en menos de 24 horas.</p>")}});
  const auto s = test::run_rule("response-time", es, "es");
  CHECK(s.status == Status::pass);
  CHECK(test::has_finding(s, "index.html", "en menos de 24 horas", "evidence"));
  CHECK(test::has_message(s, "Compromiso de tiempo de respuesta"));
}

TEST_CASE("response-time: a vague or slow promise warns, none fails (en, es)") {
  const auto vague = test::site_of({{"index.html", html_page("en", "Contact", "<p>We will get back to you as soon as possible.</p>")}});
  const auto v = test::run_rule("response-time", vague);
  CHECK(v.status != Status::pass);
  CHECK(test::has_message(v, "vague"));

  const auto none = test::site_of({{"index.html", html_page("es", "Contacto", "<p>Mantas de lana.</p>")}});
  const auto n = test::run_rule("response-time", none, "es");
  CHECK(n.status == Status::fail);
  CHECK(test::has_message(n, "No se promete cuándo"));
}

TEST_CASE("response-time: inconclusive on a JavaScript-built site (en, es)") { test::check_inconclusive_on_js_site("response-time"); }

TEST_CASE("postal-address: the trader id is asked for where the law asks for it, and the law named is the shop's") {
  const std::string footer = "<footer><p>Wool &amp; Co, 440 Benmar Dr Suite 2017, Houston TX 77060</p></footer>";
  // A US shop: no registry number required, no Spanish or EU law named.
  const auto us = test::site_of({{"index.html", html_page("en-US", "Wool blankets", "<p>Blankets from $25</p>" + footer)},
                                 {"about.html", html_page("en-US", "About", "<p>About us</p>" + footer)}});
  CHECK(us.profile.country == "US");
  const auto r = test::run_rule("postal-address", us);
  CHECK(r.status == Status::pass);
  for (const auto& f : r.findings) CHECK(f.message.find("NIF") == std::string::npos);
  // A Spanish shop without its NIF: a warning that cites the LSSI.
  const auto es = test::site_of({{"index.html", html_page("es-ES", "Mantas", "<footer><p>Calle Mayor 12, 28013 Madrid</p><p>hola@mantas.es</p></footer>")}});
  const auto e = test::run_rule("postal-address", es, "es");
  CHECK(e.status == Status::warn);
  CHECK(test::has_message(e, "LSSI"));
  // "Registration Number 259460" is a registry number.
  const auto ie = test::site_of({{"index.html", html_page("en-IE", "Clippers", "<footer><p>The Little Farm, Knockananig, Fermoy, Co Cork, P61 EP80</p>"
                                                                              "<p>Registration Number 259460</p></footer>")}});
  CHECK(test::run_rule("postal-address", ie).status == Status::pass);
}
