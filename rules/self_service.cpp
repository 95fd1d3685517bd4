// self-service (RULES.md R16): customers can search, compare, order, ask and complain at their
// own pace. score = 0.3 search + 0.15 compare + 0.15 order + 0.25 ask + 0.15 complain, over the
// parts that apply.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  size_t products = 0;
  for (const auto& p : site.pages)
    if (p.ok() && (p.classes & model::k_class_product)) ++products;
  const bool sells = sells_goods(site);
  // A small catalogue is browsed, not searched (RULES.md: about 30 product pages).
  const bool big = products >= 30;
  double weight = 0, total = 0;
  auto part = [&](double w, double s) {
    weight += w;
    total += w * s;
  };
  std::vector<std::string> missing;

  if (big) {
    const double share = share_of_pages(site, [](const auto& p) { return p.facts.self_service.search; });
    part(0.3, share >= 0.8 ? 1.0 : share);
    if (share < 0.8) missing.push_back(ctx.t("a search box on every page", "un buscador en todas las páginas"));
    const bool compare = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) {
      return p.ok() && (p.facts.self_service.sort_or_filter || p.facts.self_service.compare);
    });
    part(0.15, compare ? 1 : 0);
    if (!compare) missing.push_back(ctx.t("sorting or filters on listings", "ordenar o filtrar los listados"));
  }
  if (sells) {
    const bool order = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && (p.facts.add_to_cart || p.facts.cart_link); });
    part(0.15, order ? 1 : 0);
    if (!order) missing.push_back(ctx.t("a cart or an add-to-cart button", "un carrito o un botón de añadir al carrito"));
  }
  const bool self_help = site.key_page(model::k_class_faq) != nullptr || std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) {
    const auto& s = p.facts.self_service;
    return p.ok() && (s.faq_link || s.faq_structured || s.question_headings >= 5 || s.accordions);
  });
  const bool human = site.key_page(model::k_class_contact) != nullptr || std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) {
    return p.ok() && (p.facts.chat_widget || p.facts.contact.contact_link || p.facts.whatsapp);
  });
  part(0.25, self_help && human ? 1.0 : (self_help || human) ? 0.6 : 0.0);
  if (!self_help) missing.push_back(ctx.t("help or FAQ pages", "páginas de ayuda o preguntas frecuentes"));
  const auto* complain = shallowest(site, [](const auto& p) { return p.facts.self_service.complain; });
  const bool subject = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.self_service.complaint_subject; });
  part(0.15, complain ? 1.0 : subject ? 0.5 : 0.0);
  if (!complain) missing.push_back(ctx.t("a way to complain (complaints form, complaint book, dispute resolution)", "una vía para reclamar (formulario, hojas de reclamaciones, resolución de litigios)"));
  if (complain) o.findings.push_back(finding(*complain->facts.self_service.complain_where, ctx.t("A way to complain.", "Una vía para reclamar."), "evidence"));
  if (const auto* odr = shallowest(site, [](const auto& p) { return p.facts.self_service.odr_link; }))
    o.findings.push_back(page_finding(odr->url, ctx.t("Links to the EU online dispute platform, closed since 20 July 2025: remove them.",
                                                      "Enlaza la plataforma europea de resolución de litigios, cerrada desde el 20 de julio de 2025: quítalo."), "info"));
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : "; ") + m;
    o.findings.insert(o.findings.begin(), page_finding(site.start, ctx.t(fmt::format("Missing: {}.", list), fmt::format("Falta: {}.", list))));
  }
  o.score = weight > 0 ? total / weight : 0;
  o.summary = ctx.t(fmt::format("Search {}, compare {}, order {}, ask {}, complain {}.", big ? "checked" : "not needed (small catalogue)", big ? "checked" : "not needed",
                                sells ? "checked" : "not applicable", self_help ? "help pages" : "no help pages", complain ? "yes" : "no"),
                    fmt::format("Buscar {}, comparar {}, pedir {}, preguntar {}, reclamar {}.", big ? "revisado" : "no necesario (catálogo pequeño)", big ? "revisado" : "no necesario",
                                sells ? "revisado" : "no aplica", self_help ? "páginas de ayuda" : "sin páginas de ayuda", complain ? "sí" : "no"));
  return o;
}

}  // namespace

engine::Rule self_service_rule() {
  engine::Rule r;
  r.meta.id = "self-service";
  r.meta.title = {"Customers can search, compare, order, ask and complain on their own", "El cliente puede buscar, comparar, pedir, preguntar y reclamar por su cuenta"};
  r.meta.failure_title = {"Customers cannot help themselves", "El cliente no puede resolver por su cuenta"};
  r.meta.description = {"\"Make it easy to search, compare, order, ask or complain... at their own pace.\" Visible search, filters, help pages and a complaints route let customers serve themselves (WCAG 2.4.5 Multiple Ways).",
                        "\"Facilita buscar, comparar, pedir, preguntar o reclamar... a su ritmo.\" Un buscador visible, filtros, ayuda y una vía de reclamación dejan al cliente resolver solo (WCAG 2.4.5)."};
  r.meta.fix = {"Put a visible search box in the header of every page, add filters/sorting to category pages, and link 'Help / FAQ' and 'Complaints' in the footer so customers can help themselves at their own pace.",
                "Pon un buscador visible en la cabecera, añade filtros y orden a las categorías, y enlaza 'Ayuda / Preguntas frecuentes' y 'Reclamaciones' en el pie."};
  grade_bilingual(r, model::Category::clarity, 7, "major", &check);
  return r;
}

}  // namespace amable::rules
