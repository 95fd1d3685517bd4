#include <doctest/doctest.h>

#include <algorithm>

#include "parse/html_parser.hpp"
#include "site/regions.hpp"
#include "site/returns_text.hpp"

using namespace amable;

namespace {
model::ReturnsText returns_in(const std::string& body, const std::string& lang) {
  auto page = parse::parse_page("<html><body>" + body + "</body></html>", {"a.html", "file:///a.html", ""});
  site::classify_regions(page, lang);
  return site::analyze_returns(page, lang);
}
bool item(const model::ReturnsText& r, const std::string& name) {
  return std::any_of(r.terms.begin(), r.terms.end(), [&](const auto& t) { return t.item == name; });
}
}  // namespace

TEST_CASE("returns text: window, costs and refund in an English policy sentence") {
  const auto r = returns_in("<p>Free returns within 30 days: we refund to the original payment method.</p>", "en");
  CHECK(r.window_days == 30);
  CHECK(item(r, "costs"));
  CHECK(item(r, "refund"));
  CHECK(r.return_shipping_paid_by == "shop");
}

TEST_CASE("returns text: Spanish section under a returns heading") {
  const auto r = returns_in("<h2>Devoluciones</h2><p>Tienes treinta (30) días naturales.</p><p>El artículo debe estar sin usar y en su embalaje original.</p>"
                            "<p>Los gastos de devolución corren a cargo del cliente.</p><h2>Envíos</h2><p>Entrega en 2 días.</p>", "es");
  CHECK(r.has_returns_heading);
  CHECK(item(r, "conditions"));
  CHECK(item(r, "costs"));
  CHECK(r.return_shipping_paid_by == "customer");
  // The window in the section's own sentence has no returns word: only the whole-page reading takes it.
  CHECK(r.whole_page_window_days == 30);
}

TEST_CASE("returns text: a warranty or delivery time is not a return window") {
  CHECK_FALSE(returns_in("<p>2 años de garantía. Entrega en 3 días.</p>", "es").window_days);
  CHECK_FALSE(returns_in("<h2>Delivery &amp; returns</h2><p>UK delivery within 7-10 days.</p>", "en").window_days);
}

TEST_CASE("returns text: navigation is not a returns context") {
  const auto r = returns_in("<p>Return to shop</p><p>Volver a la tienda</p>", "en");
  CHECK(r.terms.empty());
}

TEST_CASE("returns text: 'no returns' is a red flag, 'no returns on sale items' an exception") {
  CHECK(item(returns_in("<p>All sales final. No returns.</p>", "en"), "red-flag"));
  const auto r = returns_in("<p>No se aceptan devoluciones de productos personalizados.</p>", "es");
  CHECK(item(r, "exceptions"));
  CHECK_FALSE(item(r, "red-flag"));
}

TEST_CASE("returns text: window phrases in words") {
  text::Tokens t1("Devolución en un mes");
  CHECK(site::find_window_days(t1) == 30);
  text::Tokens t2("two weeks to return");
  CHECK(site::find_window_days(t2) == 14);
  text::Tokens t3("a 30-day return window");
  CHECK(site::find_window_days(t3) == 30);
}

TEST_CASE("returns text: a French policy is read with the French list; navigation is not") {
  const auto r = returns_in("<h2>Retours et remboursements</h2><p>Vous disposez de 30 jours calendaires pour nous retourner un article non porté, "
                            "dans son emballage d'origine. Le retour est gratuit avec l'étiquette de retour prépayée ; "
                            "le remboursement est fait sur le même moyen de paiement.</p>", "fr");
  CHECK(r.window_days == 30);
  CHECK(item(r, "conditions"));
  CHECK(item(r, "refund"));
  CHECK(r.return_shipping_paid_by == "shop");
  const auto nav = returns_in("<p><a href=\"/\">Retour à l'accueil</a></p>", "fr");
  CHECK(nav.terms.empty());
}

TEST_CASE("returns text: a review or Q&A answer is not the shop's policy") {
  const auto r = returns_in(R"(<div class="review-content"><p>You cannot return it after 30 days, so beware.</p></div>
    <h2>Questions &amp; answers</h2><p>Can I return it? Yes, within 14 days for a full refund.</p>)", "en");
  CHECK(r.terms.empty());
  CHECK_FALSE(r.window_days);
}

TEST_CASE("returns text: one term the shop states itself counts; a pointer to the policy does not") {
  const auto own = returns_in("<footer><p>livraison et retour gratuit * dès 59 € d'achats</p></footer>", "fr");
  REQUIRE_FALSE(own.terms.empty());
  CHECK(std::any_of(own.terms.begin(), own.terms.end(), [](const auto& t) { return t.own_statement && t.item == "costs"; }));
  const auto pointer = returns_in("<p>See our return policy to find specific return information and steps on how to return in-store or by mail.</p>", "en");
  CHECK(std::none_of(pointer.terms.begin(), pointer.terms.end(), [](const auto& t) { return t.own_statement; }));
}

TEST_CASE("returns text: a booking's cancellation terms with a refund are a service business's policy") {
  const auto r = returns_in("<h2>Política de cancelación</h2><p>Si cancelas con 48 horas de antelación te devolvemos el dinero.</p>", "es");
  CHECK(r.has_returns_heading);
  CHECK_FALSE(r.terms.empty());
  // A notice period with no refund is not a return policy.
  const auto notice = returns_in("<p>Cancellation Policy: we require 24 hours notice when cancelling an appointment.</p>", "en");
  CHECK(notice.terms.empty());
}
