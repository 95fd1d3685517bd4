// intro-clutter (RULES.md R12): nothing between the visitor and the shop: no splash or intro,
// timed redirects, Flash, sound that plays by itself, marquees, preloaders or popups on load.
// score = 1 - (penalties on the home page + half the mean penalty of up to 10 other pages); the
// status follows facts.intro: an intro on the home page fails (at most 40), other clutter warns
// at worst (at least 50). Texts: rules/messages/intro-clutter.json.
#include <algorithm>
#include <set>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

double penalty(const std::vector<model::ClutterHit>& hits) {
  double popups = 0, total = 0;
  for (const auto& h : hits) {
    if (h.kind == "popup") popups += h.penalty;
    else total += h.penalty;
  }
  return total + std::min(popups, 0.3);
}

std::string code_of(const model::ClutterHit& h) {
  if (h.kind == "flash" && h.intro) return "intro-clutter/flash-intro";
  return "intro-clutter/" + h.kind;
}

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  const auto* home = site.home();
  if (!home || !home->ok()) return engine::RuleOutcome::not_applicable(ctx.say("intro-clutter/not-applicable"));
  const double home_penalty = penalty(home->facts.clutter);
  double others = 0;
  size_t counted = 0;
  for (const auto& p : site.pages) {
    if (!p.ok() || &p == home || counted >= 10 || p.facts.clutter.empty()) continue;
    others += penalty(p.facts.clutter);
    ++counted;
  }
  const double other_penalty = counted ? 0.5 * others / static_cast<double>(counted) : 0;
  // The intro the fix names: the one that blocks most (a splash or a Flash movie over a timed
  // redirect, which at least moves on by itself).
  auto intro = home->facts.clutter.end();
  for (auto it = home->facts.clutter.begin(); it != home->facts.clutter.end(); ++it)
    if (it->intro && (intro == home->facts.clutter.end() || it->penalty > intro->penalty)) intro = it;
  const double raw = std::max(0.0, 1.0 - home_penalty - other_penalty);
  const double score = intro != home->facts.clutter.end() ? std::min(raw, 0.4) : std::max(raw, 0.5);
  // Each hit costs its penalty (other pages: half, averaged); when the status rule moves the
  // score, the costs are scaled so that they add up to what was lost.
  const double spent = home_penalty + other_penalty;
  const double scale = spent > 0 ? (1.0 - score) / spent : 0;
  std::set<std::string> kinds;
  size_t other_pages = 0;
  for (const auto& p : site.pages) {
    if (!p.ok()) continue;
    const bool is_home = &p == home;
    if (!is_home && !p.facts.clutter.empty()) ++other_pages;
    for (const auto& h : p.facts.clutter) {
      if (!is_home && h.kind == "age-gate") continue;
      const double cost = (is_home ? h.penalty : (other_pages <= 10 && counted ? 0.5 * h.penalty / static_cast<double>(counted) : 0)) * scale;
      auto& f = o.problem(ctx, code_of(h), {{"kind", h.kind}}, h.where, cost);
      f.site_wide = false;
      if (!h.intro) kinds.insert(ctx.say("intro-clutter/kind/" + h.kind));
    }
  }
  if (intro != home->facts.clutter.end()) {
    const std::string kind = ctx.say("intro-clutter/kind/" + intro->kind);
    o.lack(ctx, "intro-clutter/lacks-intro", {{"kind", kind}});
    o.fix = ctx.say("intro-clutter/fix-intro", {{"kind", kind}, {"page", home->url}});
    if (intro->kind == "splash" || intro->kind == "flash") o.caps.push_back({60, ctx.both("intro-clutter/cap-splash"), ""});
  } else {
    o.hold(ctx, kinds.empty() ? "intro-clutter/holds-clean" : "intro-clutter/holds-no-intro");
  }
  if (!kinds.empty()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& k : kinds) list.push_back(k);
    o.lack(ctx, "intro-clutter/lacks-calm", {{"kinds", list}});
  }
  o.score = score;
  return o;
}

}  // namespace

engine::Rule intro_clutter_rule() {
  engine::Rule r;
  r.meta.id = "intro-clutter";
  r.meta.title = {"Visitors land straight on the shop", "El visitante llega directo a la tienda"};
  r.meta.warn_title = {"Visitors land on the shop, but things move or pop up", "El visitante llega a la tienda, pero hay cosas que se mueven o saltan"};
  r.meta.failure_title = {"An intro stands between the visitor and the shop", "Una intro se interpone entre el visitante y la tienda"};
  r.meta.description = {"\"Don't hide behind intro animations and get rid of everything cluttered.\" Visitors click away from splash screens; autoplaying sound and moving content also fail WCAG 1.4.2 and 2.2.2.",
                        "\"No te escondas tras animaciones de entrada y quita todo lo que estorba.\" El visitante huye de las páginas de entrada; el sonido automático y lo que se mueve incumplen WCAG 1.4.2 y 2.2.2."};
  r.meta.fix = {"Remove what stands between the visitor and the shop.", "Quita lo que se interpone entre el visitante y la tienda."};
  grade_bilingual(r, model::Category::clarity, 7, "major", &check);
  r.meta.needs_text = false;  // read from markup, not from text: judged on JavaScript-built pages too
  return r;
}

}  // namespace amable::rules
