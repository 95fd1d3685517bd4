// contact-phone (RULES.md R2): a basic-rate or free phone number on every page, as a
// tap-to-call link, ideally with a callback or WhatsApp channel.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

bool real_phone(const model::Sighted<model::PhoneHit>& p) {
  return p.hit.kind == "phone" && !p.hit.placeholder && (p.hit.visible || p.hit.tel_link);
}

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  std::vector<const model::Sighted<model::PhoneHit>*> phones;
  bool whatsapp = false;
  for (const auto& p : site.facts.phones) {
    if (p.hit.placeholder) {
      o.findings.push_back(finding(p.hit.where, ctx.t(fmt::format("Template placeholder number left on the live site: {}. Replace it with a real one.", p.hit.value),
                                                      fmt::format("Número de ejemplo de la plantilla en la web publicada: {}. Cámbialo por uno real.", p.hit.value))));
      continue;
    }
    if (p.hit.kind == "whatsapp") whatsapp = true;
    if (real_phone(p)) phones.push_back(&p);
  }
  const auto* callback_page = shallowest(site, [](const auto& p) { return p.facts.callback; });
  whatsapp = whatsapp || std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.whatsapp; });

  if (phones.empty()) {
    o.score = whatsapp ? 0.1 : 0.0;
    o.findings.push_back(page_finding(site.start, whatsapp
        ? ctx.t("Only a WhatsApp channel: customers who want to call have no number. Add a phone number.",
                "Solo hay WhatsApp: quien quiere llamar no tiene número. Añade un teléfono.")
        : ctx.t("No phone number on any page read: many customers still need to talk to a person.",
                "Ninguna página leída muestra un teléfono: muchos clientes necesitan hablar con una persona.")));
    o.summary = ctx.t("No phone number.", "Sin teléfono.");
    const bool form_or_chat = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && (p.facts.contact_form || p.facts.chat_widget); });
    if (!whatsapp && !callback_page && !form_or_chat)
      o.caps.push_back({40, {"No contact channel at all: the score is capped at 40.", "Ningún canal de contacto: la puntuación se limita a 40."}, "no-contact"});
    return o;
  }

  const double share = share_of_pages(site, [&](const model::PageRecord& p) {
    const size_t i = site.index_of(p);
    return std::any_of(phones.begin(), phones.end(), [&](const auto* ph) {
      return std::find(ph->pages.begin(), ph->pages.end(), i) != ph->pages.end();
    });
  });
  double s;
  if (share >= 0.8) {
    s = 0.6;
  } else {
    int depth = -1;
    for (const auto* ph : phones)
      for (size_t i : ph->pages)
        if (site.pages[i].depth >= 0 && (depth < 0 || site.pages[i].depth < depth)) depth = site.pages[i].depth;
    s = (depth >= 0 && depth <= 2) ? 0.4 : 0.2;
    o.findings.push_back(page_finding(site.start, ctx.t(fmt::format("The phone number appears on only {} of the pages: put it in the header or footer.", percent(share)),
                                                        fmt::format("El teléfono aparece solo en el {} de las páginas: ponlo en la cabecera o el pie.", percent(share)))));
  }
  const bool tel = std::any_of(phones.begin(), phones.end(), [](const auto* p) { return p->hit.tel_link; });
  if (tel) s += 0.2;
  else
    o.findings.push_back(finding(phones.front()->hit.where, ctx.t("The number is not a tap-to-call link: wrap it in <a href=\"tel:...\">.",
                                                                  "El número no es un enlace para llamar: ponlo en <a href=\"tel:...\">.")));
  if (callback_page || whatsapp) s += 0.1;
  const auto basic = std::any_of(phones.begin(), phones.end(), [](const auto* p) {
    return p->hit.line_type == "toll-free" || p->hit.line_type == "fixed" || p->hit.line_type == "fixed-or-mobile" ||
           p->hit.line_type == "mobile";
  });
  if (basic) s += 0.1;
  s = std::min(s, 1.0);
  const bool all_premium = std::all_of(phones.begin(), phones.end(), [](const auto* p) { return p->hit.line_type == "premium"; });
  const bool all_shared = std::all_of(phones.begin(), phones.end(), [](const auto* p) { return p->hit.line_type == "shared-cost"; });
  if (all_premium) {
    s *= 0.5;
    o.findings.push_back(finding(phones.front()->hit.where, ctx.t("The only number is premium-rate: EU law (CRD art. 21) caps calls about an order at the basic rate.",
                                                                  "El único número es de tarificación adicional: la ley limita las llamadas sobre un pedido a la tarifa básica.")));
  } else if (all_shared && targets_eu(site)) {
    s *= 0.8;
    o.findings.push_back(finding(phones.front()->hit.where, ctx.t("The only number is shared-cost (901/902): offer a geographic or free number too.",
                                                                  "El único número es de coste compartido (901/902): ofrece también uno geográfico o gratuito.")));
  }
  for (const auto* p : phones)
    o.findings.push_back(finding(p->hit.where, ctx.t(fmt::format("Phone number: {} ({})", p->hit.value, p->hit.line_type),
                                                     fmt::format("Teléfono: {} ({})", p->hit.value, p->hit.line_type)), "evidence"));
  o.score = s;
  o.summary = ctx.t(fmt::format("{} phone number(s); on {} of the pages{}.", phones.size(), percent(share), tel ? ", as tap-to-call links" : ""),
                    fmt::format("{} teléfono(s); en el {} de las páginas{}.", phones.size(), percent(share), tel ? ", con enlace para llamar" : ""));
  return o;
}

}  // namespace

engine::Rule contact_phone_rule() {
  engine::Rule r;
  r.meta.id = "contact-phone";
  r.meta.title = {"A phone number is on every page", "Hay un teléfono en todas las páginas"};
  r.meta.failure_title = {"Customers cannot find a number to call", "El cliente no encuentra un número al que llamar"};
  r.meta.description = {"Many customers still want to talk to a person, and the EU requires a phone number among the trader's details; calls about an order may cost no more than the basic rate.",
                        "Muchos clientes quieren hablar con una persona, y la ley exige un teléfono entre los datos del comerciante; las llamadas sobre un pedido no pueden costar más que la tarifa básica."};
  r.meta.fix = {"Put a basic-rate or free phone number in the header or footer of every page as a tap-to-call tel: link, and state when it is answered.",
                "Pon un teléfono de tarifa básica o gratuito en la cabecera o el pie de todas las páginas, como enlace tel:, y di cuándo se atiende."};
  grade_bilingual(r, model::Category::reachability, 8, "critical", &check);
  return r;
}

}  // namespace amable::rules
