// office-hours (RULES.md R4): when the phone and chat are answered, next to them.
// score = 1 hours next to a channel (chrome, contact page, or a page one click away that names
// a channel), 0.6 elsewhere, 0.5 "24/7" only, 0.4 structured data only, 0 none.
// Texts: rules/messages/office-hours.json.
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
  if (!phone && !chat && !stated) return engine::RuleOutcome::not_applicable(ctx.say("office-hours/not-applicable"));
  engine::RuleOutcome o;
  const auto* contact = site.key_page(model::k_class_contact);
  double best = 0;
  const model::Sighted<model::HoursHit>* shown = nullptr;
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
      shown = &h;
    }
  }
  if (!shown) {
    o.score = 0;
    o.problem_on(ctx, "office-hours/none", {}, contact ? contact->url.str() : site.start, 1.0);
    o.lack(ctx, "office-hours/lacks-hours");
    return o;
  }
  const auto& hit = shown->hit;
  if (hit.structured) {
    o.problem(ctx, "office-hours/structured-only", {}, hit.where, 0.6);
    o.lack(ctx, "office-hours/lacks-hours");
  } else if (hit.always) {
    o.problem(ctx, "office-hours/always-only", {}, hit.where, 0.5);
    o.lack(ctx, "office-hours/lacks-hours");
  } else {
    o.hold(ctx, "office-hours/holds-hours", {{"value", util::truncate_chars(hit.value, 80)}});
    if (best < 1.0) {
      o.problem(ctx, "office-hours/not-near-channel", {{"page", site.pages[shown->pages.front()].url}}, hit.where, 0.4);
      o.lack(ctx, "office-hours/lacks-near");
      o.fix = ctx.say("office-hours/fix-near", {{"value", util::truncate_chars(hit.value, 80)}});
    } else {
      o.hold(ctx, "office-hours/holds-near");
    }
  }
  o.evidence(ctx, "office-hours/shown", {{"value", hit.value}}, hit.where);
  o.score = best;
  return o;
}

}  // namespace

engine::Rule office_hours_rule() {
  engine::Rule r;
  r.meta.id = "office-hours";
  r.meta.title = {"Opening hours are stated next to the contact channels", "El horario de atención está junto a los canales de contacto"};
  r.meta.warn_title = {"Opening hours are stated, but away from the contact channels", "Hay horario, pero lejos de los canales de contacto"};
  r.meta.failure_title = {"Customers do not know when someone answers", "El cliente no sabe cuándo le atienden"};
  r.meta.description = {"A phone number without hours leaves customers calling into the void; stating when calls and chats are answered sets expectations and cuts repeat attempts.",
                        "Un teléfono sin horario deja al cliente llamando a ciegas; decir cuándo se atiende fija expectativas y evita llamadas repetidas."};
  r.meta.fix = {"State your customer-service hours next to your phone number and on the Contact page.",
                "Indica el horario de atención junto al teléfono y en la página de contacto."};
  grade_bilingual(r, model::Category::reachability, 4, "major", &check);
  r.meta.reads_chrome = true;
  return r;
}

}  // namespace amable::rules
