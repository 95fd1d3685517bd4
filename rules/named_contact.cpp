// named-contact (RULES.md R5): a real person behind customer service, with a direct channel.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  double best = 0;
  const model::PersonHit* who = nullptr;
  for (const auto& p : site.facts.people) {
    double s;
    // A person offered as a contact (asked for, introduced, signing) or a staff member with a
    // role; best with a direct channel next to the name.
    const bool offered = p.hit.how == "phrase" || p.hit.how == "introduction" || p.hit.how == "signature";
    const bool staff = p.hit.how == "role" || p.hit.how == "team";
    if (p.hit.how == "mailbox" || ((offered || staff) && p.hit.with_channel)) s = 1.0;
    else if (offered) s = 0.8;
    else s = 0.5;  // named staff without a direct channel, credentials, structured data
    if (s > best) {
      best = s;
      who = &p.hit;
    }
  }
  const bool callback = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.callback; });
  if (!who) {
    const bool roles = std::any_of(site.facts.emails.begin(), site.facts.emails.end(), [](const auto& e) { return e.visible && e.generic && !e.placeholder; });
    const bool any_contact = !site.facts.emails.empty() || !site.facts.phones.empty();
    best = roles ? 0.2 : 0.0;
    o.findings.push_back(page_finding(site.start, roles
        ? ctx.t("Only role mailboxes (info@, ventas@): give customers a named person to ask for.",
                "Solo buzones genéricos (info@, ventas@): da al cliente una persona por la que preguntar.")
        : ctx.t("No named person to contact: put a name and a face on customer service.",
                "Ninguna persona con nombre a la que dirigirse: pon nombre y cara a la atención al cliente.")));
    if (!any_contact) best = 0;
  } else {
    o.findings.push_back(finding(who->where, ctx.t(fmt::format("Named contact: {}{}", who->name, who->role.empty() ? "" : " (" + who->role + ")"),
                                                   fmt::format("Contacto con nombre: {}{}", who->name, who->role.empty() ? "" : " (" + who->role + ")")), "evidence"));
    if (best < 1.0)
      o.findings.push_back(finding(who->where, ctx.t("Give the named person a direct channel: an e-mail or phone next to the name.",
                                                     "Da a la persona un canal directo: un correo o teléfono junto al nombre.")));
  }
  if (callback) best += 0.2;
  o.score = std::min(best, 1.0);
  o.summary = who ? ctx.t(fmt::format("{} named contact(s).", site.facts.people.size()), fmt::format("{} contacto(s) con nombre.", site.facts.people.size()))
                  : ctx.t("No named contact.", "Sin contacto con nombre.");
  return o;
}

}  // namespace

engine::Rule named_contact_rule() {
  engine::Rule r;
  r.meta.id = "named-contact";
  r.meta.title = {"Customers can ask for a named person", "El cliente puede preguntar por una persona con nombre"};
  r.meta.failure_title = {"Customer service has no name or face", "La atención al cliente no tiene nombre ni cara"};
  r.meta.description = {"\"Be personal: give a real person with a name to call rather than sales@mycompany.com.\" A name builds trust; role mailboxes are normal for big shops, so this rule weighs little.",
                        "\"Sé personal: da una persona con nombre en vez de ventas@miempresa.com.\" Un nombre genera confianza; los buzones genéricos son normales en tiendas grandes, por eso esta regla pesa poco."};
  r.meta.fix = {"Put a name and a face on customer service: for example 'Ask for Marta, our customer-care lead - marta@shop.es, 914 475 382'.",
                "Pon nombre y cara a la atención al cliente: por ejemplo 'Pregunta por Marta, responsable de atención al cliente - marta@tienda.es, 914 475 382'."};
  grade_bilingual(r, model::Category::reachability, 3, "minor", &check);
  return r;
}

}  // namespace amable::rules
