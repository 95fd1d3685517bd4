#include <doctest/doctest.h>

#include <algorithm>

#include "parse/html_parser.hpp"
#include "site/emails.hpp"
#include "site/regions.hpp"
#include "site/structured.hpp"

using namespace amable;

namespace {
std::vector<model::EmailHit> emails_in(const std::string& body, const std::string& lang = "en") {
  auto page = parse::parse_page("<html><body>" + body + "</body></html>", {"a.html", "file:///a.html", ""});
  site::classify_regions(page, lang);  // as extract_facts does: credits and reviews are not the shop's
  return site::find_emails(page, lang, site::structured_facts(page));
}
bool has(const std::vector<model::EmailHit>& v, const std::string& value, bool visible = true) {
  return std::any_of(v.begin(), v.end(), [&](const auto& h) { return h.value == value && h.visible == visible; });
}
}  // namespace

TEST_CASE("emails: plain addresses in visible text, with evidence") {
  const auto v = emails_in("<footer><p>Write to Ana@Shop.ES today</p></footer>");
  REQUIRE(v.size() == 1);
  CHECK(v[0].value == "Ana@shop.es");
  CHECK(v[0].in_chrome);
  CHECK(v[0].where.selector == "footer > p");
  CHECK(v[0].where.snippet == "Write to Ana@Shop.ES today");
}

TEST_CASE("emails: image names and unknown TLDs are not addresses") {
  CHECK(emails_in("<p>logo@2x.png icon@3x.webp a@b.c</p>").empty());
}

TEST_CASE("emails: obfuscated with [at], (arroba), and words") {
  CHECK(has(emails_in("<p>info [at] tienda [dot] es</p>"), "info@tienda.es"));
  CHECK(has(emails_in("<p>ventas(arroba)tienda(punto)com</p>", "es"), "ventas@tienda.com"));
  CHECK(has(emails_in("<p>mail: hola arroba tienda.es</p>", "es"), "hola@tienda.es"));
  CHECK(has(emails_in("<p>info at shop dot com</p>"), "info@shop.com"));
  // " at " alone is ordinary English.
  CHECK(emails_in("<p>Visit us at shop.com for more.</p>").empty());
}

TEST_CASE("emails: Cloudflare e-mail protection is decoded") {
  // key 0x42; "ana@shop.es" XOR 0x42
  std::string hex = "42";
  for (char c : std::string("ana@shop.es")) {
    char buf[3];
    std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned char>(c ^ 0x42));
    hex += buf;
  }
  CHECK(site::decode_cfemail(hex) == "ana@shop.es");
  CHECK(has(emails_in("<span class=\"__cf_email__\" data-cfemail=\"" + hex + "\">[email&#160;protected]</span>"), "ana@shop.es"));
  CHECK(has(emails_in("<a href=\"/cdn-cgi/l/email-protection#" + hex + "\">mail</a>"), "ana@shop.es"));
}

TEST_CASE("emails: a mailto link that does not show the address is not visible") {
  const auto v = emails_in("<a href=\"mailto:ana@shop.es?subject=Hi\">Email us</a>");
  CHECK(has(v, "ana@shop.es", false));
  CHECK(has(emails_in("<a href=\"mailto:ana@shop.es\">ana@shop.es</a>"), "ana@shop.es", true));
}

TEST_CASE("emails: structured data exists but is not visible") {
  const auto v = emails_in(R"(<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","email":"mailto:info@shop.es"}</script>)");
  CHECK(has(v, "info@shop.es", false));
}

TEST_CASE("emails: designer credits and third-party DSNs are ignored") {
  CHECK(emails_in("<p>Web design by studio@agency.com</p>").empty());
  CHECK(emails_in("<p>Diseñado por estudio@agencia.es</p>", "es").empty());
  CHECK(emails_in("<p>abc123@o123.ingest.sentry.io</p>").empty());
}

TEST_CASE("emails: role mailboxes, no-reply and placeholders") {
  CHECK(site::is_role_mailbox("info@shop.es"));
  CHECK(site::is_role_mailbox("ventas@tienda.es"));
  CHECK(site::is_role_mailbox("atencion.al.cliente@tienda.es"));
  CHECK_FALSE(site::is_role_mailbox("ana.garcia@tienda.es"));
  CHECK(site::is_noreply("no-reply@shop.com"));
  CHECK(site::is_placeholder_email("info@example.com"));
  CHECK(site::is_placeholder_email("name@yourdomain.com"));
  CHECK(site::is_placeholder_email("tu@tudominio.es"));
  CHECK_FALSE(site::is_placeholder_email("ana@tiendaamable.es"));
}

TEST_CASE("emails: any real top-level domain (the Public Suffix List), never a file name") {
  CHECK(has(emails_in("<p>General enquiries: info@prahran.press</p>"), "info@prahran.press"));
  CHECK(has(emails_in("<p>Escríbenos: hola@tienda.shop</p>", "es"), "hola@tienda.shop"));
  CHECK(emails_in("<p>logo@2x.png icon@3x.webp clip@2x.mov</p>").empty());
}
