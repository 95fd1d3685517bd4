// postal-address (RULES.md R3): a street address in the visible text, within two clicks; where
// the law asks for it (Spain, the EU, the UK and Ireland), the trader's tax or registry number.
// score = 0.7 address within two clicks (0.5 deeper; 0.3 a PO box, a map or structured data
// only) + 0.1 in the chrome of every page + 0.2 trader identity (given where no law asks for it).
// Texts: rules/messages/postal-address.json.
#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"
#include "text/fold.hpp"
#include "util/text.hpp"

namespace amable::rules {
namespace {

using model::Site;

// The same address written several ways ("Calle Mayor 12, 28013 Madrid" in the footer, "... (España)"
// on the contact page) is one address: a spelling that contains another is dropped for the shorter.
std::vector<std::string> distinct_addresses(const std::vector<const model::Sighted<model::AddressHit>*>& street) {
  std::vector<std::pair<std::string, std::string>> kept;  // folded, as written
  std::vector<const model::Sighted<model::AddressHit>*> by_length = street;
  std::stable_sort(by_length.begin(), by_length.end(), [](const auto* a, const auto* b) { return a->hit.value.str().size() < b->hit.value.str().size(); });
  for (const auto* a : by_length) {
    const std::string folded = util::collapse_whitespace(text::fold(a->hit.value.str()));
    if (std::none_of(kept.begin(), kept.end(), [&](const auto& k) { return folded.find(k.first) != std::string::npos; }))
      kept.emplace_back(folded, a->hit.value.str());
  }
  std::vector<std::string> out;
  for (const auto* a : street)  // in the order found
    for (const auto& k : kept)
      if (k.second == a->hit.value.str() && std::find(out.begin(), out.end(), k.second) == out.end()) out.push_back(k.second);
  return out;
}

bool trader_id_required(std::string_view jurisdiction) {
  return jurisdiction == "es" || jurisdiction == "eu" || jurisdiction == "uk-ie";
}

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  std::vector<const model::Sighted<model::AddressHit>*> street, po_box;
  bool structured = false;
  for (const auto& a : site.facts.addresses) {
    if (a.hit.placeholder) {
      o.problem(ctx, "postal-address/placeholder", {{"value", a.hit.value}}, a.hit.where, 0);
      continue;
    }
    if (a.hit.source == "structured-data") structured = true;
    else if (a.hit.po_box) po_box.push_back(&a);
    else street.push_back(&a);
  }
  const auto* trader = shallowest(site, [](const auto& p) { return p.facts.trader_id.has_value(); });
  const bool map = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.map; });

  double s = 0;
  if (!street.empty()) {
    const auto values = distinct_addresses(street);
    o.hold(ctx, "postal-address/holds-address", {{"count", values.size()}, {"values", values}});
    int depth = -1;
    for (const auto* a : street)
      for (size_t i : a->pages)
        if (site.pages[i].depth >= 0 && (depth < 0 || site.pages[i].depth < depth)) depth = site.pages[i].depth;
    s = (depth >= 0 && depth <= 2) ? 0.7 : 0.5;
    if (depth < 0 || depth > 2) {
      if (depth < 0) o.problem(ctx, "postal-address/unlinked", {}, street.front()->hit.where, 0.2);
      else o.problem(ctx, "postal-address/deep", {{"depth", depth}}, street.front()->hit.where, 0.2);
      o.lack(ctx, "postal-address/lacks-near");
    }
    const double chrome_share = share_of_pages(site, [&](const model::PageRecord& p) {
      return std::any_of(p.facts.addresses.begin(), p.facts.addresses.end(), [](const auto& h) { return h.in_chrome && !h.po_box; });
    });
    if (chrome_share >= 0.8) {
      s += 0.1;
      o.hold(ctx, "postal-address/holds-chrome");
    } else {
      nlohmann::json pages = nlohmann::json::array();
      size_t shown = 0;
      for (size_t i : street.front()->pages)
        if (++shown <= 5) pages.push_back(site.pages[i].url);
      o.problem(ctx, "postal-address/not-in-chrome", {{"shown", street.front()->pages.size()}, {"pages", pages}}, street.front()->hit.where, 0.1)
          .site_wide = true;
      o.lack(ctx, "postal-address/lacks-chrome", {}, ctx.say("postal-address/fix-footer", {{"value", street.front()->hit.value}}));
    }
    for (const auto* a : street) o.evidence(ctx, "postal-address/shown", {{"value", a->hit.value}}, a->hit.where);
  } else if (!po_box.empty()) {
    s = 0.3;
    o.problem(ctx, "postal-address/po-box-only", {}, po_box.front()->hit.where, 0.5);
    o.lack(ctx, "postal-address/lacks-street");
  } else if (map || structured) {
    s = 0.3;
    o.problem_on(ctx, "postal-address/map-only", {}, site.start, 0.5);
    o.lack(ctx, "postal-address/lacks-street");
  } else {
    // Where no law asks for a registry number, its 0.2 goes with the address: none costs it all.
    o.problem_on(ctx, "postal-address/none", {}, site.start, trader_id_required(ctx.jurisdiction) || trader ? 0.8 : 1.0);
    o.lack(ctx, "postal-address/lacks-street");
  }
  if (trader) {
    s += 0.2;
    o.evidence(ctx, "postal-address/trader-id", {}, *trader->facts.trader_id);
    o.hold(ctx, "postal-address/holds-trader-id");
  } else if (trader_id_required(ctx.jurisdiction)) {
    o.problem_on(ctx, "postal-address/no-trader-id", {}, site.start, 0.2);
    o.lack(ctx, "postal-address/lacks-trader-id");
  } else if (!street.empty() || !po_box.empty() || map || structured) {
    s += 0.2;  // no law here asks for a registry number on the site
  }
  o.score = std::min(s, 1.0);
  return o;
}

}  // namespace

engine::Rule postal_address_rule() {
  engine::Rule r;
  r.meta.id = "postal-address";
  r.meta.title = {"The business address is published", "La dirección del negocio está publicada"};
  r.meta.warn_title = {"The address is shown, but is hard to find or incomplete", "La dirección está, pero cuesta encontrarla o está incompleta"};
  r.meta.failure_title = {"No street address is shown", "No se muestra una dirección física"};
  r.meta.description = {"A street address is how shoppers check that a real business stands behind the shop.",
                        "La dirección física es como el cliente comprueba que hay un negocio real detrás."};
  r.meta.fix = {"Publish the business's full street address in the footer of every page.", "Publica la dirección completa en el pie de todas las páginas."};
  grade_bilingual(r, model::Category::reachability, 5, "major", &check);
  r.meta.reads_chrome = true;
  return r;
}

}  // namespace amable::rules
