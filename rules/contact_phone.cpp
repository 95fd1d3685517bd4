// contact-phone (RULES.md R2): a basic-rate or free phone number on every page, as a
// tap-to-call link, ideally with a callback or WhatsApp channel.
// score = 0.6 on every page (0.4 within two clicks, 0.2 deeper) + 0.2 tel: link + 0.1 callback
// or WhatsApp + 0.1 basic rate; halved when the only number is premium-rate, × 0.8 when it is
// shared-cost. Texts: rules/messages/contact-phone.json.
#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

bool real_phone(const model::Sighted<model::PhoneHit>& p) {
  return p.hit.kind == "phone" && !p.hit.placeholder && (p.hit.visible || p.hit.tel_link);
}

bool basic_rate(const model::PhoneHit& p) {
  return p.line_type == "toll-free" || p.line_type == "fixed" || p.line_type == "fixed-or-mobile" || p.line_type == "mobile" ||
         (p.line_type == "unknown" && p.e164.str().empty());  // a local number, read without its area
}

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  std::vector<const model::Sighted<model::PhoneHit>*> phones;
  bool whatsapp = false;
  for (const auto& p : site.facts.phones) {
    if (p.hit.placeholder) {
      o.problem(ctx, "contact-phone/placeholder", {{"value", p.hit.value}}, p.hit.where, 0);
      continue;
    }
    if (p.hit.kind == "whatsapp") whatsapp = true;
    if (real_phone(p)) phones.push_back(&p);
  }
  const auto* callback_page = shallowest(site, [](const auto& p) { return p.facts.callback; });
  whatsapp = whatsapp || std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.whatsapp; });

  if (phones.empty()) {
    o.score = whatsapp ? 0.1 : 0.0;
    o.problem_on(ctx, whatsapp ? "contact-phone/whatsapp-only" : "contact-phone/none", {}, site.start, 1.0 - *o.score);
    if (whatsapp) o.hold(ctx, "contact-phone/holds-whatsapp");
    o.lack(ctx, "contact-phone/lacks-number");
    const bool form_or_chat = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && (p.facts.contact_form || p.facts.chat_widget); });
    if (!whatsapp && !callback_page && !form_or_chat) o.caps.push_back({40, ctx.both("contact-phone/cap-no-contact"), "no-contact"});
    return o;
  }

  const auto& first = phones.front()->hit;
  const nlohmann::json own{{"value", first.value}, {"e164", first.e164.str().empty() ? first.value.str() : first.e164.str()}};
  auto on_page = [&](const model::PageRecord& p) {
    const size_t i = site.index_of(p);
    return std::any_of(phones.begin(), phones.end(), [&](const auto* ph) {
      return std::find(ph->pages.begin(), ph->pages.end(), i) != ph->pages.end();
    });
  };
  const auto without = pages_without(site, on_page);
  const double share = without["share"].get<double>();
  nlohmann::json values = nlohmann::json::array();
  for (const auto* p : phones) values.push_back(p->hit.value);
  o.hold(ctx, "contact-phone/holds-numbers", {{"count", phones.size()}, {"values", values}, {"share", share}});
  double s = 0.6;
  if (share < 0.8) {
    int depth = -1;
    for (const auto* ph : phones)
      for (size_t i : ph->pages)
        if (site.pages[i].depth >= 0 && (depth < 0 || site.pages[i].depth < depth)) depth = site.pages[i].depth;
    s = (depth >= 0 && depth <= 2) ? 0.4 : 0.2;
    o.problem_on(ctx, "contact-phone/not-on-every-page", without, site.start, 0.6 - s);
    o.lack(ctx, "contact-phone/lacks-every-page", own);
  }
  const bool tel = std::any_of(phones.begin(), phones.end(), [](const auto* p) { return p->hit.tel_link; });
  if (tel) {
    s += 0.2;
    o.hold(ctx, "contact-phone/holds-tel");
  } else {
    o.problem(ctx, "contact-phone/no-tel-link", own, first.where, 0.2);
    o.lack(ctx, "contact-phone/lacks-tel", own);
  }
  if (callback_page || whatsapp) {
    s += 0.1;
    o.hold(ctx, "contact-phone/holds-callback");
  } else {
    o.problem_on(ctx, "contact-phone/no-callback", {}, site.start, 0.1);
  }
  if (std::any_of(phones.begin(), phones.end(), [](const auto* p) { return basic_rate(p->hit); })) {
    s += 0.1;
  } else if (std::none_of(phones.begin(), phones.end(), [](const auto* p) { return p->hit.line_type == "premium" || p->hit.line_type == "shared-cost"; })) {
    o.problem(ctx, "contact-phone/not-basic-rate", {{"value", first.value}}, first.where, 0.1);
  }
  s = std::min(s, 1.0);
  const bool all_premium = std::all_of(phones.begin(), phones.end(), [](const auto* p) { return p->hit.line_type == "premium"; });
  const bool all_shared = std::all_of(phones.begin(), phones.end(), [](const auto* p) { return p->hit.line_type == "shared-cost"; });
  if (all_premium) {
    o.problem(ctx, "contact-phone/premium", {{"value", first.value}}, first.where, s * 0.5 + 0.1);
    o.lack(ctx, "contact-phone/lacks-basic", own);
    s *= 0.5;
  } else if (all_shared) {
    o.problem(ctx, "contact-phone/shared-cost", {{"value", first.value}}, first.where, s * 0.2 + 0.1);
    o.lack(ctx, "contact-phone/lacks-basic", own);
    s *= 0.8;
  }
  for (const auto* p : phones)
    o.evidence(ctx, "contact-phone/shown",
               {{"value", p->hit.value}, {"line_type", p->hit.line_type}, {"line_type_name", ctx.say("line-type/" + p->hit.line_type.str())}},
               p->hit.where);
  o.score = s;
  return o;
}

}  // namespace

engine::Rule contact_phone_rule() {
  engine::Rule r;
  r.meta.id = "contact-phone";
  r.meta.title = {"A phone number is on every page", "Hay un teléfono en todas las páginas"};
  r.meta.warn_title = {"A phone number is shown, but not as it should be", "Hay un teléfono, pero no como debería"};
  r.meta.failure_title = {"Customers cannot find a number to call", "El cliente no encuentra un número al que llamar"};
  r.meta.description = {"Many customers still want to talk to a person.", "Muchos clientes quieren hablar con una persona."};
  r.meta.fix = {"Put a phone number in the header or footer of every page.", "Pon un teléfono en la cabecera o el pie de todas las páginas."};
  grade_bilingual(r, model::Category::reachability, 8, "critical", &check);
  r.meta.reads_chrome = true;
  return r;
}

}  // namespace amable::rules
