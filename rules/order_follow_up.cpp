// order-follow-up (RULES.md R8): what the shopper is told happens after paying: a
// confirmation, tracking, and dispatch or delivery times.
// score = 0.3 × confirmation + 0.3 × tracking + 0.4 × times ("fast shipping" alone counts
// half). Texts: rules/messages/order-follow-up.json.
#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  const bool shipping_words = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.follow_up.shipping_words; });
  if (!sells_goods(site) && !shipping_words) return engine::RuleOutcome::not_applicable(ctx.say("order-follow-up/not-applicable"));
  engine::RuleOutcome o;
  const auto* confirmation = shallowest(site, [](const auto& p) { return p.facts.follow_up.confirmation.has_value(); });
  const auto* tracking = shallowest(site, [](const auto& p) {
    const bool policy = (p.classes & (model::k_class_privacy | model::k_class_legal)) != 0 && !(p.classes & model::k_class_shipping);
    return p.facts.follow_up.tracking.has_value() && !policy;
  });
  const auto* times = shallowest(site, [](const auto& p) { return p.facts.follow_up.delivery_time.has_value() || p.facts.sd().shipping_details; });
  const auto* fast = shallowest(site, [](const auto& p) { return p.facts.follow_up.fast_only; });
  const double c = confirmation ? 1 : 0, t = tracking ? 1 : 0, d = times ? 1 : fast ? 0.5 : 0;
  if (confirmation) {
    o.evidence(ctx, "order-follow-up/confirmation", {}, *confirmation->facts.follow_up.confirmation);
    o.hold(ctx, "order-follow-up/holds-confirmation");
  } else {
    o.problem_on(ctx, "order-follow-up/no-confirmation", {}, site.start, 0.3);
    o.lack(ctx, "order-follow-up/lacks-confirmation");
  }
  if (tracking) {
    o.evidence(ctx, "order-follow-up/tracking", {}, *tracking->facts.follow_up.tracking);
    o.hold(ctx, "order-follow-up/holds-tracking");
  } else {
    o.problem_on(ctx, "order-follow-up/no-tracking", {}, site.start, 0.3);
    o.lack(ctx, "order-follow-up/lacks-tracking");
  }
  if (times) {
    if (times->facts.follow_up.delivery_time) o.evidence(ctx, "order-follow-up/delivery-time", {}, *times->facts.follow_up.delivery_time);
    o.hold(ctx, "order-follow-up/holds-times");
  } else {
    if (fast) o.problem_on(ctx, "order-follow-up/fast-only", {}, fast->url, 0.2, false);
    else o.problem_on(ctx, "order-follow-up/no-times", {}, site.start, 0.4);
    o.lack(ctx, "order-follow-up/lacks-times");
  }
  o.score = 0.3 * c + 0.3 * t + 0.4 * d;
  return o;
}

}  // namespace

engine::Rule order_follow_up_rule() {
  engine::Rule r;
  r.meta.id = "order-follow-up";
  r.meta.title = {"Shoppers know what happens after they order", "El cliente sabe qué pasa después de pedir"};
  r.meta.warn_title = {"Shoppers are told some of what happens after they order", "El cliente sabe solo parte de lo que pasa tras pedir"};
  r.meta.failure_title = {"The site is silent about confirmation, tracking or delivery times", "La web no dice nada de confirmación, seguimiento o plazos"};
  r.meta.description = {"Acknowledge all orders: confirmations, tracking numbers and expected ship dates.", "Confirma todos los pedidos: confirmación, seguimiento y fechas de envío."};
  r.meta.fix = {"Tell shoppers what happens after they pay.", "Di qué pasa tras pagar."};
  grade_bilingual(r, model::Category::trust, 7, "major", &check);
  return r;
}

}  // namespace amable::rules
