// self-service (RULES.md R16): customers can search, compare, order, ask and complain at their
// own pace. score = 0.3 search + 0.15 compare + 0.15 order + 0.25 ask + 0.15 complain, over the
// parts that apply (search and compare from 30 product pages; order when goods are sold).
// Texts: rules/messages/self-service.json.
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
  struct Part {
    std::string name;
    double weight, score;
  };
  std::vector<Part> parts;
  nlohmann::json have = nlohmann::json::array(), missing = nlohmann::json::array();
  auto note = [&](const std::string& name, double w, double s) {
    parts.push_back({name, w, s});
    (s >= 1 ? have : missing).push_back(ctx.say("self-service/part/" + name));
  };

  nlohmann::json search_gaps;
  if (big) {
    search_gaps = pages_without(site, [](const auto& p) { return p.facts.self_service.search; });
    const double share = search_gaps["share"].get<double>();
    search_gaps["products"] = products;
    note("search", 0.3, share >= 0.8 ? 1.0 : share);
    const bool compare = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) {
      return p.ok() && (p.facts.self_service.sort_or_filter || p.facts.self_service.compare);
    });
    note("compare", 0.15, compare ? 1 : 0);
  }
  if (sells) {
    const bool order = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && (p.facts.add_to_cart || p.facts.cart_link); });
    note("order", 0.15, order ? 1 : 0);
  }
  const bool self_help = site.key_page(model::k_class_faq) != nullptr || std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) {
    const auto& s = p.facts.self_service;
    return p.ok() && (s.faq_link || s.faq_structured || s.question_headings >= 5 || s.accordions);
  });
  const bool human = site.key_page(model::k_class_contact) != nullptr || std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) {
    return p.ok() && (p.facts.chat_widget || p.facts.contact.contact_link || p.facts.whatsapp);
  });
  const double ask = self_help && human ? 1.0 : (self_help || human) ? 0.6 : 0.0;
  parts.push_back({"ask", 0.25, ask});
  (self_help ? have : missing).push_back(ctx.say("self-service/part/help"));
  (human ? have : missing).push_back(ctx.say("self-service/part/human"));
  const auto* complain = shallowest(site, [](const auto& p) { return p.facts.self_service.complain; });
  const bool subject = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.self_service.complaint_subject; });
  note("complain", 0.15, complain ? 1.0 : subject ? 0.5 : 0.0);

  double weight = 0, total = 0;
  for (const auto& p : parts) {
    weight += p.weight;
    total += p.weight * p.score;
  }
  auto cost = [&](const std::string& name) {
    for (const auto& p : parts)
      if (p.name == name) return p.weight * (1.0 - p.score) / weight;
    return 0.0;
  };
  if (big && cost("search") > 0) o.problem_on(ctx, "self-service/missing-search", search_gaps, site.start, cost("search"));
  if (big && cost("compare") > 0) o.problem_on(ctx, "self-service/missing-compare", {}, site.start, cost("compare"));
  if (sells && cost("order") > 0) o.problem_on(ctx, "self-service/missing-order", {}, site.start, cost("order"));
  if (!self_help) o.problem_on(ctx, "self-service/missing-help", {}, site.start, human ? cost("ask") : cost("ask") / 2);
  if (!human) o.problem_on(ctx, "self-service/missing-human", {}, site.start, self_help ? cost("ask") : cost("ask") / 2);
  if (cost("complain") > 0) o.problem_on(ctx, "self-service/missing-complain", {}, site.start, cost("complain"));
  if (complain) o.evidence(ctx, "self-service/complain", {}, *complain->facts.self_service.complain_where);
  if (const auto* odr = shallowest(site, [](const auto& p) { return p.facts.self_service.odr_link; }))
    o.info(ctx, "self-service/odr", {}, odr->url, false);
  if (!big) o.hold(ctx, "self-service/holds-small", {{"products", products}});
  if (!have.empty()) o.hold(ctx, "self-service/holds-parts", {{"parts", have}});
  if (!missing.empty()) {
    o.lack(ctx, "self-service/lacks-parts", {{"parts", missing}});
    o.fix = ctx.say("self-service/fix-parts", {{"parts", missing}});
  }
  o.score = weight > 0 ? total / weight : 0;
  return o;
}

}  // namespace

engine::Rule self_service_rule() {
  engine::Rule r;
  r.meta.id = "self-service";
  r.meta.title = {"Customers can search, compare, order, ask and complain on their own", "El cliente puede buscar, comparar, pedir, preguntar y reclamar por su cuenta"};
  r.meta.warn_title = {"Customers can help themselves, with gaps", "El cliente puede resolver por su cuenta, con huecos"};
  r.meta.failure_title = {"Customers cannot help themselves", "El cliente no puede resolver por su cuenta"};
  r.meta.description = {"\"Make it easy to search, compare, order, ask or complain... at their own pace.\" Visible search, filters, help pages and a complaints route let customers serve themselves (WCAG 2.4.5 Multiple Ways).",
                        "\"Facilita buscar, comparar, pedir, preguntar o reclamar... a su ritmo.\" Un buscador visible, filtros, ayuda y una vía de reclamación dejan al cliente resolver solo (WCAG 2.4.5)."};
  r.meta.fix = {"Link 'Help / FAQ' and 'Complaints' in the footer so customers can help themselves at their own pace.",
                "Enlaza 'Ayuda / Preguntas frecuentes' y 'Reclamaciones' en el pie para que el cliente resuelva por su cuenta."};
  grade_bilingual(r, model::Category::clarity, 7, "major", &check);
  r.meta.reads_chrome = true;
  return r;
}

}  // namespace amable::rules
