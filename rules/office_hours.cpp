// office-hours (RULES.md R4): when the phone and chat are answered, next to them.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"
#include "util/text.hpp"

namespace amable::rules {
namespace {

using model::Site;

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  const bool phone = std::any_of(site.facts.phones.begin(), site.facts.phones.end(), [](const auto& p) {
    return (p.hit.kind == "phone" || p.hit.kind == "whatsapp") && !p.hit.placeholder;
  });
  const bool chat = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.chat_widget; });
  const bool stated = std::any_of(site.facts.hours.begin(), site.facts.hours.end(), [](const auto& h) { return !h.hit.always && !h.hit.structured; });
  // Hours matter for channels someone answers live; without a phone or chat the finding belongs
  // to contact-phone. Hours a shop states anyway are still credited.
  if (!phone && !chat && !stated)
    return engine::RuleOutcome::not_applicable(ctx.t("No phone or chat to answer: opening hours are judged with contact-phone.",
                                                     "No hay teléfono ni chat que atender: el horario se valora con contact-phone."));
  engine::RuleOutcome o;
  const auto* contact = site.key_page(model::k_class_contact);
  double best = 0;
  const model::HoursHit* shown = nullptr;
  for (const auto& h : site.facts.hours) {
    double s;
    if (h.hit.structured) s = 0.4;
    else if (h.hit.always) s = 0.5;
    else {
      bool close = h.hit.in_chrome;
      for (size_t i : h.pages) {
        const auto& p = site.pages[i];
        close = close || (contact && &p == contact) || (h.hit.near_channel && p.depth >= 0 && p.depth <= 1);
      }
      s = close ? 1.0 : 0.6;
    }
    if (s > best) {
      best = s;
      shown = &h.hit;
    }
  }
  if (!shown) {
    o.score = 0;
    o.findings.push_back(page_finding(contact ? contact->url : site.start,
                                      ctx.t("No opening hours: customers do not know when a call will be answered.",
                                            "Sin horario: el cliente no sabe cuándo le atenderán.")));
    o.summary = ctx.t("No opening hours stated.", "Sin horario de atención.");
    return o;
  }
  if (shown->structured)
    o.findings.push_back(finding(shown->where, ctx.t("Opening hours are only in structured data: show them in the text too.",
                                                     "El horario solo está en datos estructurados: muéstralo también en el texto.")));
  else if (shown->always)
    o.findings.push_back(finding(shown->where, ctx.t("Only \"24/7\", with no channel named: say which channel is open when.",
                                                     "Solo \"24/7\", sin decir qué canal: indica qué canal atiende y cuándo.")));
  else if (best < 1.0)
    o.findings.push_back(finding(shown->where, ctx.t("The hours are on a deep page: repeat them next to the phone number and on the contact page.",
                                                     "El horario está en una página profunda: repítelo junto al teléfono y en contacto.")));
  o.findings.push_back(finding(shown->where, ctx.t(fmt::format("Hours: {}", shown->value), fmt::format("Horario: {}", shown->value)), "evidence"));
  o.score = best;
  o.summary = ctx.t(fmt::format("Opening hours stated: {}", util::truncate_chars(shown->value, 80)), fmt::format("Horario indicado: {}", util::truncate_chars(shown->value, 80)));
  return o;
}

}  // namespace

engine::Rule office_hours_rule() {
  engine::Rule r;
  r.meta.id = "office-hours";
  r.meta.title = {"Opening hours are stated next to the contact channels", "El horario de atención está junto a los canales de contacto"};
  r.meta.failure_title = {"Customers do not know when someone answers", "El cliente no sabe cuándo le atienden"};
  r.meta.description = {"A phone number without hours leaves customers calling into the void; stating when calls and chats are answered sets expectations and cuts repeat attempts.",
                        "Un teléfono sin horario deja al cliente llamando a ciegas; decir cuándo se atiende fija expectativas y evita llamadas repetidas."};
  r.meta.fix = {"State your customer-service hours and time zone next to your phone number and on the Contact page (e.g. 'Mon-Fri 9:00-18:00 CET').",
                "Indica el horario de atención y la zona horaria junto al teléfono y en la página de contacto (p. ej. 'L-V 9:00-18:00, hora peninsular')."};
  grade_bilingual(r, model::Category::reachability, 4, "major", &check);
  return r;
}

}  // namespace amable::rules
