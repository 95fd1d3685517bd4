// visitor-centric-copy (RULES.md R14): the copy speaks to the visitor ("you", "tú", "usted")
// more than about the company ("we", "nosotros"). R = you / (you + we);
// score = clamp((R - 0.30) / 0.30, 0, 1).
#include <fmt/format.h>

#include <algorithm>

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
  if (!supported)
    return engine::RuleOutcome::not_applicable(ctx.t("The pages are in a language amable does not read for point of view (English and Spanish).",
                                                     "Las páginas están en un idioma que amable no analiza (inglés y español)."));
  const double min_terms = ctx.options.value("min_terms", 30.0);
  if (you + we < min_terms)
    return engine::RuleOutcome::inconclusive(ctx.t(fmt::format("Too few pronouns to judge ({:.0f}; {:.0f} needed).", you + we, min_terms),
                                                   fmt::format("Muy pocos pronombres para juzgar ({:.0f}; hacen falta {:.0f}).", you + we, min_terms)));
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
  for (size_t i = 0; i < pages.size() && i < 3; ++i) {
    const auto& c = pages[i]->facts.copy;
    model::Finding f = page_finding(pages[i]->url, ctx.t(fmt::format("Talks about the company ({:.0f} \"we/our\" to {:.0f} \"you/your\"): rewrite around the customer.", c.company, c.visitor),
                                                         fmt::format("Habla de la empresa ({:.0f} \"nosotros\" frente a {:.0f} \"tú/usted\"): reescríbela pensando en el cliente.", c.company, c.visitor)),
                                    o.score < 1 ? "problem" : "info");
    f.evidence = c.company_example;
    o.findings.push_back(std::move(f));
  }
  o.summary = ctx.t(fmt::format("{:.0f} visitor terms, {:.0f} company terms: {:.0f} % of them address the visitor.", you, we, ratio * 100),
                    fmt::format("{:.0f} términos del visitante, {:.0f} de la empresa: el {:.0f} % se dirige al visitante.", you, we, ratio * 100));
  return o;
}

}  // namespace

engine::Rule visitor_centric_copy_rule() {
  engine::Rule r;
  r.meta.id = "visitor-centric-copy";
  r.meta.title = {"The copy speaks to the visitor", "Los textos se dirigen al visitante"};
  r.meta.failure_title = {"The copy talks about the company, not the customer", "Los textos hablan de la empresa, no del cliente"};
  r.meta.description = {"\"Every page must be written from the visitor's point of view, not yours.\" Copy that says \"you\" more than \"we\" keeps the customer's needs in front; the link to sales is weak, so this rule weighs little.",
                        "\"Cada página debe escribirse desde el punto de vista del visitante, no el tuyo.\" Decir más \"tú\" que \"nosotros\" pone al cliente delante; su efecto en ventas es débil, por eso pesa poco."};
  r.meta.fix = {"Rewrite key pages around the customer: replace 'We offer the widest range...' with 'You'll find...', lead with benefits to the buyer, and move the company history to About us.",
                "Reescribe las páginas clave pensando en el cliente: cambia 'Ofrecemos la mayor variedad...' por 'Encontrarás...', empieza por lo que gana el comprador y lleva la historia de la empresa a Quiénes somos."};
  grade_bilingual(r, model::Category::copy, 4, "minor", &check);
  return r;
}

}  // namespace amable::rules
