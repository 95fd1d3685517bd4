// visitor-centric-copy (RULES.md R14): the copy speaks to the visitor ("you", "tú", "usted")
// more than about the company ("we", "nosotros"). R = you / (you + we);
// score = clamp((R - 0.30) / 0.30, 0, 1).
#include <algorithm>
#include <cmath>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"
#include "site/site_facts.hpp"

namespace amable::rules {
namespace {

using model::Site;

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  const double you = site.facts.visitor_terms, we = site.facts.company_terms;
  const bool supported = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) {
    return p.ok() && (p.facts.lang == "en" || p.facts.lang == "es");
  });
  if (!supported) return engine::RuleOutcome::not_applicable(ctx.say("visitor-centric-copy/not-applicable"));
  const double min_terms = ctx.options.value("min_terms", 30.0);
  if (you + we < min_terms)
    return engine::RuleOutcome::inconclusive(ctx.say("visitor-centric-copy/too-few", {{"terms", std::lround(you + we)}, {"needed", std::lround(min_terms)}}));
  engine::RuleOutcome o;
  const double ratio = you / (you + we);
  o.score = std::clamp((ratio - 0.30) / 0.30, 0.0, 1.0);
  // The pages that talk most about the company, with an example sentence.
  std::vector<const model::PageRecord*> pages;
  for (const auto& p : site.pages)
    if (p.ok() && site::copy_counts(p) && p.facts.copy.company > p.facts.copy.visitor) pages.push_back(&p);
  std::sort(pages.begin(), pages.end(), [](const auto* a, const auto* b) {
    return a->facts.copy.company - a->facts.copy.visitor > b->facts.copy.company - b->facts.copy.visitor;
  });
  // The gap to a full score goes on the pages that talk most about the company, by how much
  // they do.
  double excess = 0;
  for (size_t i = 0; i < pages.size() && i < 3; ++i) excess += pages[i]->facts.copy.company - pages[i]->facts.copy.visitor;
  for (size_t i = 0; i < pages.size() && i < 3; ++i) {
    const auto& c = pages[i]->facts.copy;
    const double cost = *o.score < 1 && excess > 0 ? (1.0 - *o.score) * (c.company - c.visitor) / excess : 0;
    auto& f = o.problem_on(ctx, "visitor-centric-copy/company-page", {{"company", std::lround(c.company)}, {"visitor", std::lround(c.visitor)}},
                           pages[i]->url, cost, false);
    if (*o.score >= 1) f.kind = "info";
    f.evidence = c.company_example;
  }
  // No page leans to the company on its own, yet the site as a whole does not speak enough to the
  // visitor: the gap is the site's.
  if (pages.empty() && *o.score < 1)
    o.problem_on(ctx, "visitor-centric-copy/site-ratio", {{"ratio", ratio}}, site.start, 1.0 - *o.score);
  o.hold(ctx, "visitor-centric-copy/holds-ratio", {{"visitor", std::lround(you)}, {"company", std::lround(we)}, {"ratio", ratio}});
  if (*o.score < 1) o.lack(ctx, "visitor-centric-copy/lacks-visitor");
  return o;
}

}  // namespace

engine::Rule visitor_centric_copy_rule() {
  engine::Rule r;
  r.meta.id = "visitor-centric-copy";
  r.meta.title = {"The copy speaks to the visitor", "Los textos se dirigen al visitante"};
  r.meta.warn_title = {"The copy speaks to the visitor and about the company in turns", "Los textos se dirigen al visitante y hablan de la empresa a partes iguales"};
  r.meta.failure_title = {"The copy talks about the company, not the customer", "Los textos hablan de la empresa, no del cliente"};
  r.meta.description = {"\"Every page must be written from the visitor's point of view, not yours.\" Copy that says \"you\" more than \"we\" keeps the customer's needs in front; the link to sales is weak, so this rule weighs little.",
                        "\"Cada página debe escribirse desde el punto de vista del visitante, no el tuyo.\" Decir más \"tú\" que \"nosotros\" pone al cliente delante; su efecto en ventas es débil, por eso pesa poco."};
  r.meta.fix = {"Rewrite key pages around the customer: replace 'We offer the widest range...' with 'You'll find...', lead with benefits to the buyer, and move the company history to About us.",
                "Reescribe las páginas clave pensando en el cliente: cambia 'Ofrecemos la mayor variedad...' por 'Encontrarás...', empieza por lo que gana el comprador y lleva la historia de la empresa a Quiénes somos."};
  grade_bilingual(r, model::Category::copy, 4, "minor", &check);
  r.meta.options = {"min_terms"};
  return r;
}

}  // namespace amable::rules
