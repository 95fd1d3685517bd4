// named-contact (RULES.md R5): a real person behind customer service, with a direct channel.
// score = 1 a person offered as a contact with a direct channel (or a personal mailbox), 0.8
// offered without one, 0.5 named staff or structured data only, 0.2 role mailboxes only; +0.2
// for a call-me-back option. Texts: rules/messages/named-contact.json.
#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

double worth(const model::PersonHit& p) {
  // A person offered as a contact (asked for, introduced, signing) or a staff member with a
  // role; best with a direct channel next to the name.
  const bool offered = p.how == "phrase" || p.how == "introduction" || p.how == "signature" || p.how == "owner";
  const bool staff = p.how == "role" || p.how == "team";
  if (p.how == "mailbox" || ((offered || staff) && p.with_channel)) return 1.0;
  if (offered) return 0.8;
  return 0.5;  // named staff without a direct channel, credentials, structured data
}

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  double best = 0;
  const model::PersonHit* who = nullptr;
  for (const auto& p : site.facts.people)
    if (const double s = worth(p.hit); s > best) {
      best = s;
      who = &p.hit;
    }
  const bool callback = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.callback; });
  if (!ctx.shop.domain.empty())
    o.fix = ctx.say("named-contact/fix-shop", {{"domain", ctx.shop.domain},
                                               {"phone", ctx.shop.phone_example.empty() ? "" : ", " + ctx.shop.phone_example}});
  if (!who) {
    const bool roles = std::any_of(site.facts.emails.begin(), site.facts.emails.end(), [](const auto& e) { return e.visible && e.generic && !e.placeholder; });
    const bool any_contact = !site.facts.emails.empty() || !site.facts.phones.empty();
    best = roles && any_contact ? 0.2 : 0.0;
    o.problem_on(ctx, roles ? "named-contact/roles-only" : "named-contact/none", {}, site.start, 1.0 - best - (callback ? 0.2 : 0.0));
    o.lack(ctx, "named-contact/lacks-person");
  } else {
    nlohmann::json names = nlohmann::json::array();
    for (const auto& p : site.facts.people) names.push_back(p.hit.name);
    o.hold(ctx, "named-contact/holds-people", {{"count", site.facts.people.size()}, {"names", names}});
    o.evidence(ctx, "named-contact/shown", {{"name", who->name}, {"role", who->role.empty() ? "" : " (" + who->role + ")"}}, who->where);
    if (best < 1.0) {
      o.problem(ctx, "named-contact/no-channel", {{"name", who->name}, {"value", who->name}}, who->where, std::max(0.0, 1.0 - best - (callback ? 0.2 : 0.0)));
      o.lack(ctx, "named-contact/lacks-channel");
      o.fix = ctx.say("named-contact/fix-channel", {{"name", who->name}});
    } else {
      o.hold(ctx, "named-contact/holds-channel");
    }
  }
  if (callback) {
    best += 0.2;
    o.hold(ctx, "named-contact/holds-callback");
  }
  o.score = std::min(best, 1.0);
  return o;
}

}  // namespace

engine::Rule named_contact_rule() {
  engine::Rule r;
  r.meta.id = "named-contact";
  r.meta.title = {"Customers can ask for a named person", "El cliente puede preguntar por una persona con nombre"};
  r.meta.warn_title = {"A person is named, but customers cannot reach them directly", "Hay una persona con nombre, pero no se le puede contactar directamente"};
  r.meta.failure_title = {"Customer service has no name or face", "La atención al cliente no tiene nombre ni cara"};
  r.meta.description = {"\"Be personal: give a real person with a name to call rather than sales@mycompany.com.\" A name builds trust; role mailboxes are normal for big shops, so this rule weighs little.",
                        "\"Sé personal: da una persona con nombre en vez de ventas@miempresa.com.\" Un nombre genera confianza; los buzones genéricos son normales en tiendas grandes, por eso esta regla pesa poco."};
  r.meta.fix = {"Put a name and a face on customer service, with a direct channel.", "Pon nombre y cara a la atención al cliente, con un canal directo."};
  grade_bilingual(r, model::Category::reachability, 3, "minor", &check);
  r.meta.reads_chrome = true;
  return r;
}

}  // namespace amable::rules
