// return-policy (RULES.md R9): a return policy that exists, is linked from every page, and
// says in plain words the window, conditions, costs, refund, process and exceptions.
// score = 0.3 × present + 0.25 × reachable + 0.45 × clarity.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"
#include "site/page_classes.hpp"
#include "site/site_facts.hpp"
#include "text/lexicon.hpp"
#include "util/text.hpp"

namespace amable::rules {
namespace {

using model::Site;

constexpr std::string_view k_items[] = {"window", "conditions", "costs", "refund", "process", "exceptions"};

std::string item_name(std::string_view item, const engine::RuleContext& ctx) {
  if (item == "window") return ctx.t("how many days customers have", "cuántos días tiene el cliente");
  if (item == "conditions") return ctx.t("in what condition items must be", "en qué estado debe estar el artículo");
  if (item == "costs") return ctx.t("who pays the return shipping", "quién paga el envío de la devolución");
  if (item == "refund") return ctx.t("how and when the refund arrives", "cómo y cuándo llega el reembolso");
  if (item == "process") return ctx.t("how to start a return", "cómo iniciar una devolución");
  return ctx.t("what cannot be returned", "qué no se puede devolver");
}

struct Presence {
  double score = 0;
  std::string how;  // page, section, pdf, portal, structured-data, image
  std::optional<model::Finding> evidence;
};

Presence presence(const Site& site, LinkClasses& links, const engine::RuleContext& ctx) {
  const auto& r = site.facts.returns;
  Presence p;
  if (r.page) {
    const auto& page = site.pages[*r.page];
    if (r.dedicated_page && page.facts.returns.words < 80 && page.facts.large_images > 0 && !r.stated) {
      p.score = 0.3;
      p.how = "image";
    } else if (r.stated || r.dedicated_page) {
      p.score = 1.0;
      p.how = r.dedicated_page ? "page" : "section";
    }
    if (p.score > 0) {
      // The sentence with the window is the best quote; else the first term found.
      auto best = std::find_if(r.terms.begin(), r.terms.end(), [](const auto& t) { return t.item == "window"; });
      if (best == r.terms.end()) best = r.terms.begin();
      const model::Evidence where = best != r.terms.end() ? best->where
                                                          : model::Evidence{page.url, "", page.facts.title, model::Region::main};
      p.evidence = finding(where, ctx.t("Return policy found here.", "Política de devoluciones encontrada aquí."), "evidence");
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
        p.score = 0.5;
        p.how = "pdf";
        p.evidence = page_finding(page.url, ctx.t(fmt::format("The return policy is only a PDF ({}): publish it as a web page.", target),
                                                  fmt::format("La política de devoluciones es solo un PDF ({}): publícala como página web.", target)));
        return p;
      }
      for (const auto& vendor : text::lexicon("widgets").lines("return-portals", "any"))
        if (util::icontains(target, vendor)) {
          p.score = 0.6;
          p.how = "portal";
          p.evidence = page_finding(page.url, ctx.t("Returns go through a hosted portal; state the terms on your own page too.",
                                                    "Las devoluciones van por un portal externo; publica también las condiciones en tu web."));
          return p;
        }
    }
  }
  for (const auto& page : site.pages)
    if (page.ok() && page.facts.sd().merchant_return_policy) {
      p.score = 0.5;
      p.how = "structured-data";
      p.evidence = page_finding(page.url, ctx.t("A return policy exists only in structured data (MerchantReturnPolicy): show it in the text.",
                                                "La política solo está en datos estructurados (MerchantReturnPolicy): muéstrala en el texto."));
      return p;
    }
  return p;
}

// Share of pages with a returns link in the chrome (or as a template link), and the depth of
// the policy.
double reachability(const Site& site, LinkClasses& links, double& share, const engine::RuleContext& ctx,
                    engine::RuleOutcome& o) {
  const auto& r = site.facts.returns;
  share = share_with_chrome_link(site, links, model::k_class_returns, r.page ? &site.pages[*r.page] : nullptr);
  if (site.html_page_count() == 1 && r.page && r.stated) return 1.0;  // one page that states it
  if (share >= 0.8) return 1.0;
  const int depth = r.page ? site.pages[*r.page].depth : -1;
  double by_depth = depth < 0 ? 0 : depth <= 1 ? 0.6 : depth == 2 ? 0.5 : 0.2;
  if (r.page && !r.dedicated_page) by_depth = std::min(by_depth, 0.5);  // linked from T&C or FAQ only
  if (r.page)
    o.findings.push_back(page_finding(site.start, ctx.t(fmt::format("Only {} of the pages link to the return policy from the header or footer: add a 'Returns' link to the footer of every page.", percent(share)),
                                                        fmt::format("Solo el {} de las páginas enlaza la política de devoluciones desde la cabecera o el pie: añade un enlace 'Devoluciones' en el pie de todas.", percent(share)))));
  return std::max(share, by_depth);
}

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  LinkClasses links(site);
  const auto& r = site.facts.returns;
  const bool eu = targets_eu(site);

  Presence p = presence(site, links, ctx);
  if (p.score == 0 && !sells_goods(site))
    return engine::RuleOutcome::not_applicable(ctx.t(
        "No return policy, and nothing for sale was found (no prices, cart or products): returns do not seem to apply.",
        "No hay política de devoluciones, pero tampoco nada a la venta (ni precios, ni carrito, ni productos): no parece aplicable."));
  if (p.score == 0) {
    o.score = 0;
    o.findings.push_back(page_finding(site.start, ctx.t("No return policy found: add a 'Returns' page that states the terms, linked from the footer of every page.",
                                                        "No se encontró política de devoluciones: crea una página 'Devoluciones' con las condiciones y enlázala en el pie de todas las páginas.")));
    if (r.page)
      o.findings.push_back(page_finding(site.pages[*r.page].url, ctx.t("This page is named for returns but states no terms (no window, costs or refund).",
                                                                       "Esta página se llama de devoluciones pero no da condiciones (plazo, costes ni reembolso)."), "info"));
    o.summary = ctx.t("No return policy.", "Sin política de devoluciones.");
    if (eu)
      o.caps.push_back({60, {"EU shop with no return or withdrawal information: the score is capped at 60.",
                             "Tienda en la UE sin información de devolución o desistimiento: la puntuación se limita a 60."}, ""});
    return o;
  }
  if (p.evidence) o.findings.push_back(*p.evidence);

  double share = 0;
  const double reachable = reachability(site, links, share, ctx, o);

  // Clarity: the six items, from the text; structured data counts half until the text says it.
  std::set<std::string> found;
  for (const auto& t : r.terms) found.insert(t.item);
  if (r.window_days) found.insert("window");
  double items = 0;
  std::vector<std::string> missing;
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
    missing.push_back(item_name(item, ctx));
  }
  double clarity = items / 6.0;
  if (!missing.empty() && r.page) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : "; ") + m;
    o.findings.push_back(page_finding(site.pages[*r.page].url, ctx.t(fmt::format("The policy does not say: {}.", list),
                                                                     fmt::format("La política no dice: {}.", list))));
  }
  if (p.how == "section") {
    clarity = std::max(0.0, clarity - 0.1 / 0.45);  // findability: buried in T&C or FAQ
    o.findings.push_back(page_finding(site.pages[*r.page].url, ctx.t("The return policy is a section of another page: give it a page of its own.",
                                                                     "La política de devoluciones es una sección de otra página: dale una página propia.")));
  }

  for (const auto& t : r.terms)
    if (t.item == "red-flag") {
      o.findings.push_back(finding(t.where, ctx.t("The policy refuses returns: say so plainly, and know that it costs sales.",
                                                  "La política no admite devoluciones: dilo con claridad, y ten en cuenta que resta ventas."), "info"));
      break;
    }

  double s = 0.3 * p.score + 0.25 * reachable + 0.45 * clarity;
  if (eu) {
    const bool withdrawal = std::any_of(r.terms.begin(), r.terms.end(), [](const auto& t) { return t.item == "withdrawal"; });
    const bool short_window = r.window_days && *r.window_days < 14;
    if (short_window || !withdrawal) {
      s = std::min(s, 0.5);
      const std::string url = r.page ? site.pages[*r.page].url : site.start;
      o.findings.push_back(page_finding(url, short_window
          ? ctx.t(fmt::format("The window is {} days: EU consumers have at least 14 days to withdraw.", *r.window_days),
                  fmt::format("El plazo es de {} días: en la UE el consumidor tiene al menos 14 días para desistir.", *r.window_days))
          : ctx.t("The policy does not mention the 14-day right of withdrawal that EU law requires.",
                  "La política no menciona el derecho de desistimiento de 14 días que exige la ley.")));
    }
  }
  o.score = s;
  o.summary = ctx.t(fmt::format("Return policy found ({}); {} of 6 clear terms; linked from the header or footer of {} of the pages.",
                                p.how, static_cast<int>(items), percent(share)),
                    fmt::format("Política de devoluciones encontrada ({}); {} de 6 condiciones claras; enlazada desde la cabecera o el pie en el {} de las páginas.",
                                p.how, static_cast<int>(items), percent(share)));
  return o;
}

}  // namespace

engine::Rule return_policy_rule() {
  engine::Rule r;
  r.meta.id = "return-policy";
  r.meta.title = {"The return policy is easy to find and clear", "La política de devoluciones es fácil de encontrar y clara"};
  r.meta.failure_title = {"The return policy is missing, hidden or unclear", "La política de devoluciones falta, está escondida o no es clara"};
  r.meta.description = {
      "An unclear return policy is one of the main reasons shoppers abandon a cart (Baymard: 18 % did so in a quarter). Google Merchant Center requires one, and EU law gives consumers 14 days to withdraw.",
      "Una política de devoluciones poco clara es de los principales motivos para abandonar un carrito (Baymard: un 18 %). Google Merchant Center la exige, y la ley da al consumidor 14 días para desistir."};
  r.meta.fix = {"Add a 'Returns & refunds' link to the footer of every page, leading to an HTML page that says in plain words: how many days, in what condition, who pays the return shipping, how and when the refund arrives, and how to start a return (EU: at least 14 days plus the withdrawal form).",
                "Añade un enlace 'Devoluciones' en el pie de todas las páginas, hacia una página que diga con palabras sencillas: cuántos días, en qué estado, quién paga el envío, cómo y cuándo llega el reembolso y cómo iniciar la devolución (UE: al menos 14 días y el formulario de desistimiento)."};
  grade_bilingual(r, model::Category::trust, 12, "critical", &check);
  return r;
}

}  // namespace amable::rules
