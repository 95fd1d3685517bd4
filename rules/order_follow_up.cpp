// order-follow-up (RULES.md R8): what the shopper is told happens after paying: a
// confirmation, tracking, and dispatch or delivery times.
// score = 0.3 × confirmation + 0.3 × tracking + 0.4 × times.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  const bool shipping_words = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.follow_up.shipping_words; });
  if (!sells_goods(site) && !shipping_words)
    return engine::RuleOutcome::not_applicable(ctx.t("Nothing is sold or shipped here (no cart, prices or shipping text): order follow-up does not apply.",
                                                     "Aquí no se vende ni se envía nada (sin carrito, precios ni envíos): no aplica."));
  engine::RuleOutcome o;
  const auto* confirmation = shallowest(site, [](const auto& p) { return p.facts.follow_up.confirmation.has_value(); });
  const auto* tracking = shallowest(site, [](const auto& p) {
    const bool policy = (p.classes & (model::k_class_privacy | model::k_class_legal)) != 0 && !(p.classes & model::k_class_shipping);
    return p.facts.follow_up.tracking.has_value() && !policy;
  });
  const auto* times = shallowest(site, [](const auto& p) { return p.facts.follow_up.delivery_time.has_value() || p.facts.sd().shipping_details; });
  const auto* fast = shallowest(site, [](const auto& p) { return p.facts.follow_up.fast_only; });
  const double c = confirmation ? 1 : 0, t = tracking ? 1 : 0, d = times ? 1 : fast ? 0.5 : 0;
  if (confirmation) o.findings.push_back(finding(*confirmation->facts.follow_up.confirmation, ctx.t("Order confirmation promised.", "Se promete confirmación del pedido."), "evidence"));
  else o.findings.push_back(page_finding(site.start, ctx.t("Nothing says that an order confirmation e-mail is sent.", "Nada dice que se envíe un correo de confirmación del pedido.")));
  if (tracking) o.findings.push_back(finding(*tracking->facts.follow_up.tracking, ctx.t("Order tracking offered.", "Se ofrece seguimiento del pedido."), "evidence"));
  else o.findings.push_back(page_finding(site.start, ctx.t("No order tracking: promise a tracking number, or add a 'Track my order' link.", "Sin seguimiento: promete un número de seguimiento o añade un enlace 'Seguir mi pedido'.")));
  if (times && times->facts.follow_up.delivery_time) o.findings.push_back(finding(*times->facts.follow_up.delivery_time, ctx.t("Delivery time stated.", "Plazo de entrega indicado."), "evidence"));
  else if (!times) o.findings.push_back(page_finding(fast ? fast->url : site.start, fast
      ? ctx.t("\"Fast shipping\" without numbers: say in how many days orders are dispatched and delivered.", "\"Envío rápido\" sin cifras: di en cuántos días se envía y se entrega.")
      : ctx.t("No dispatch or delivery time: state it in days.", "Sin plazo de envío o entrega: indícalo en días.")));
  o.score = 0.3 * c + 0.3 * t + 0.4 * d;
  o.summary = ctx.t(fmt::format("Confirmation: {}; tracking: {}; delivery times: {}.", c ? "yes" : "no", t ? "yes" : "no", d >= 1 ? "yes" : d > 0 ? "vague" : "no"),
                    fmt::format("Confirmación: {}; seguimiento: {}; plazos: {}.", c ? "sí" : "no", t ? "sí" : "no", d >= 1 ? "sí" : d > 0 ? "vagos" : "no"));
  return o;
}

}  // namespace

engine::Rule order_follow_up_rule() {
  engine::Rule r;
  r.meta.id = "order-follow-up";
  r.meta.title = {"Shoppers know what happens after they order", "El cliente sabe qué pasa después de pedir"};
  r.meta.failure_title = {"The site is silent about confirmation, tracking or delivery times", "La web no dice nada de confirmación, seguimiento o plazos"};
  r.meta.description = {"\"Acknowledge all orders: e-mail confirmations, tracking numbers and expected ship dates.\" EU law requires a confirmation on a durable medium; a delivery date beats a shipping speed.",
                        "\"Confirma todos los pedidos: correos de confirmación, números de seguimiento y fechas de envío.\" La ley exige confirmar el pedido (LSSI art. 28); una fecha de entrega vale más que una velocidad."};
  r.meta.fix = {"Tell shoppers what happens after they pay: 'You'll get a confirmation e-mail at once and a tracking number when your order ships (within 24 h); delivery takes 2-4 working days.' Add a 'Track my order' link.",
                "Di qué pasa tras pagar: 'Recibirás un correo de confirmación al momento y un número de seguimiento al enviarlo (en 24 h); la entrega tarda de 2 a 4 días laborables.' Añade un enlace 'Seguir mi pedido'."};
  grade_bilingual(r, model::Category::trust, 7, "major", &check);
  return r;
}

}  // namespace amable::rules
