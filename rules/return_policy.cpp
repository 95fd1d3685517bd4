// return-policy (RULES.md R9): a return policy that exists, is linked from every page, and
// says in plain words the window, conditions, costs, refund, process and exceptions.
// score = 0.3 × present + 0.25 × reachable + 0.45 × clarity; a section of another page loses
// 0.1; where the law gives 14 days to withdraw (Spain, the EU, the UK and Ireland), a shorter
// window or no mention of it caps the score at 0.5. Texts: rules/messages/return-policy.json.
#include <algorithm>
#include <set>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"
#include "site/page_classes.hpp"
#include "text/lexicon.hpp"
#include "util/text.hpp"

namespace amable::rules {
namespace {

using model::Site;

constexpr std::string_view k_items[] = {"window", "conditions", "costs", "refund", "process", "exceptions"};

bool withdrawal_law(std::string_view jurisdiction) { return jurisdiction == "es" || jurisdiction == "eu" || jurisdiction == "uk-ie"; }

struct Presence {
  double score = 0;
  std::string how;  // page, section, pdf, portal, structured-data, image
  std::string url;
};

Presence presence(const Site& site, LinkClasses& links, const engine::RuleContext& ctx, engine::RuleOutcome& o) {
  const auto& r = site.facts.returns;
  Presence p;
  if (r.page) {
    const auto& page = site.pages[*r.page];
    if (r.dedicated_page && page.facts.returns.words < 80 && page.facts.large_images > 0 && !r.stated) {
      p = {0.3, "image", page.url};
      o.problem_on(ctx, "return-policy/image-only", {}, page.url, 0.3 * 0.7, false);
    } else if (r.stated || r.dedicated_page) {
      p = {1.0, r.dedicated_page ? "page" : "section", page.url};
    }
    if (p.score > 0) {
      // The sentence with the window is the best quote; else the first term found.
      auto best = std::find_if(r.terms.begin(), r.terms.end(), [](const auto& t) { return t.item == "window"; });
      if (best == r.terms.end()) best = r.terms.begin();
      if (best != r.terms.end()) o.evidence(ctx, "return-policy/found", {}, best->where);
      else o.evidence_on(ctx, "return-policy/found", {}, page.url).evidence = page.facts.title;
      return p;
    }
  }
  for (const auto& page : site.pages) {
    if (!page.ok()) continue;
    for (const auto& l : page.links) {
      const std::string_view target = site.str(l.target);
      if (util::iends_with(target, ".pdf") &&
          (links.is(l, model::k_class_returns, page.facts.lang) ||
           (site::classes_from_path(target, page.facts.lang) & model::k_class_returns))) {
        o.problem_on(ctx, "return-policy/pdf-only", {{"value", std::string(target)}}, page.url, 0.3 * 0.5, false);
        return {0.5, "pdf", std::string(target)};
      }
      for (const auto& vendor : text::lexicon("widgets").lines("return-portals", "any"))
        if (util::icontains(target, vendor)) {
          o.problem_on(ctx, "return-policy/portal-only", {{"value", std::string(target)}}, page.url, 0.3 * 0.4, false);
          return {0.6, "portal", std::string(target)};
        }
    }
  }
  for (const auto& page : site.pages)
    if (page.ok() && page.facts.sd().merchant_return_policy) {
      o.problem_on(ctx, "return-policy/structured-only", {}, page.url, 0.3 * 0.5, false);
      return {0.5, "structured-data", page.url};
    }
  return p;
}

// Share of pages with a returns link in the chrome (or as a template link), and the depth of
// the policy.
double reachability(const Site& site, LinkClasses& links, double& share, const engine::RuleContext& ctx, engine::RuleOutcome& o) {
  const auto& r = site.facts.returns;
  const auto* target = r.page ? &site.pages[*r.page] : nullptr;
  share = share_with_chrome_link(site, links, model::k_class_returns, target);
  if (site.html_page_count() == 1 && r.page && r.stated) return 1.0;  // one page that states it
  if (share >= 0.8) return 1.0;
  const int depth = r.page ? site.pages[*r.page].depth : -1;
  double by_depth = depth < 0 ? 0 : depth <= 1 ? 0.6 : depth == 2 ? 0.5 : 0.2;
  if (r.page && !r.dedicated_page) by_depth = std::min(by_depth, 0.5);  // linked from T&C or FAQ only
  const double reach = std::max(share, by_depth);
  if (r.page) {
    const uint32_t key = site.id_of(target->url).value_or(0);
    const auto without = pages_without(site, [&](const model::PageRecord& p) {
      return std::any_of(p.links.begin(), p.links.end(), [&](const model::LinkRef& l) {
        const bool placed = model::is_chrome(l.region) || site.is_template_link(l);
        return placed && ((key != 0 && l.target == key) || links.is(l, model::k_class_returns, p.facts.lang));
      });
    });
    o.problem_on(ctx, "return-policy/not-linked-everywhere", without, site.start, 0.25 * (1.0 - reach));
    o.lack(ctx, "return-policy/lacks-link");
  }
  return reach;
}

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  LinkClasses links(site);
  const auto& r = site.facts.returns;
  const bool law = withdrawal_law(ctx.jurisdiction);

  Presence p = presence(site, links, ctx, o);
  if (p.score == 0 && !sells_goods(site)) return engine::RuleOutcome::not_applicable(ctx.say("return-policy/not-applicable"));
  if (p.score == 0) {
    o = engine::RuleOutcome{};
    o.score = 0;
    o.problem_on(ctx, "return-policy/none", {}, site.start, 1.0);
    if (r.page) o.info(ctx, "return-policy/named-only", {}, site.pages[*r.page].url, false);
    o.lack(ctx, "return-policy/lacks-policy");
    if (law) o.caps.push_back({60, ctx.both("return-policy/cap-eu"), ""});
    return o;
  }
  o.hold(ctx, "return-policy/holds-policy", {{"how", ctx.say("return-policy/how/" + p.how)}, {"value", p.url}});

  double share = 0;
  const double reachable = reachability(site, links, share, ctx, o);
  o.hold(ctx, "return-policy/holds-linked", {{"share", share}});

  // Clarity: the six items, from the text; structured data counts half until the text says it.
  std::set<std::string> found;
  for (const auto& t : r.terms) found.insert(t.item);
  if (r.window_days) found.insert("window");
  double items = 0;
  nlohmann::json missing = nlohmann::json::array(), names = nlohmann::json::array();
  const auto sd_page = std::find_if(site.pages.begin(), site.pages.end(), [](const auto& pg) { return pg.ok() && pg.facts.sd().merchant_return_policy; });
  const model::StructuredFacts* sd = sd_page != site.pages.end() ? &sd_page->facts.sd() : nullptr;
  for (auto item : k_items) {
    if (found.contains(std::string(item))) {
      items += 1;
      continue;
    }
    const bool in_sd = sd && ((item == "window" && sd->merchant_return_days) || (item == "costs" && !sd->return_fees.empty()) ||
                              (item == "refund" && !sd->refund_type.empty()));
    if (in_sd) items += 0.5;
    missing.push_back(item);
    names.push_back(ctx.say("return-policy/item/" + std::string(item)));
  }
  double clarity = items / 6.0;
  o.hold(ctx, "return-policy/holds-terms", {{"count", static_cast<int>(items)}});
  const std::string policy_url = r.page ? site.pages[*r.page].url.str() : site.start;
  if (!missing.empty()) {
    o.problem_on(ctx, "return-policy/missing-terms", {{"items", missing}, {"names", names}}, policy_url, 0.45 * (1.0 - clarity), false);
    if (r.page) o.lack(ctx, "return-policy/lacks-terms", {{"names", names}}, ctx.say("return-policy/fix-terms", {{"page", policy_url}, {"names", names}}));
    else o.lack(ctx, "return-policy/lacks-terms", {{"names", names}});
  }
  double s = 0.3 * p.score + 0.25 * reachable + 0.45 * clarity;
  if (p.how == "section") {
    const double loss = std::min(0.1, 0.45 * clarity);
    s -= loss;
    o.problem_on(ctx, "return-policy/section", {}, policy_url, loss, false);
  }
  for (const auto& t : r.terms)
    if (t.item == "red-flag") {
      o.info(ctx, "return-policy/refuses-returns", {}, t.where.url, false).evidence = util::truncate_chars(t.where.snippet, 200);
      break;
    }
  if (law) {
    const bool withdrawal = std::any_of(r.terms.begin(), r.terms.end(), [](const auto& t) { return t.item == "withdrawal"; });
    const bool short_window = r.window_days && *r.window_days < 14;
    if (short_window || !withdrawal) {
      const double loss = std::max(0.0, s - 0.5);
      s = std::min(s, 0.5);
      if (short_window) o.problem_on(ctx, "return-policy/short-window", {{"days", *r.window_days}}, policy_url, loss, false);
      else o.problem_on(ctx, "return-policy/no-withdrawal", {}, policy_url, loss, false);
      o.lack(ctx, "return-policy/lacks-withdrawal");
    }
  }
  o.score = s;
  return o;
}

}  // namespace

engine::Rule return_policy_rule() {
  engine::Rule r;
  r.meta.id = "return-policy";
  r.meta.title = {"The return policy is easy to find and clear", "La política de devoluciones es fácil de encontrar y clara"};
  r.meta.warn_title = {"There is a return policy, but it is hard to find or leaves things out", "Hay política de devoluciones, pero cuesta encontrarla o deja cosas sin decir"};
  r.meta.failure_title = {"The return policy is missing, hidden or unclear", "La política de devoluciones falta, está escondida o no es clara"};
  r.meta.description = {"An unclear return policy is one of the main reasons shoppers abandon a cart.", "Una política de devoluciones poco clara hace abandonar el carrito."};
  r.meta.fix = {"Add a 'Returns & refunds' page that states the terms, linked from every page.", "Añade una página 'Devoluciones' con las condiciones, enlazada desde todas las páginas."};
  grade_bilingual(r, model::Category::trust, 12, "critical", &check);
  r.meta.reads_chrome = true;
  return r;
}

}  // namespace amable::rules
