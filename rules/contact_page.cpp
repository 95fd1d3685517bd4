// contact-page (RULES.md R6): contact details or a contact page one click away from every
// page, in a consistent place (WCAG 2.2 SC 3.2.6 Consistent Help).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  const double share = share_of_pages(site, [](const model::PageRecord& p) {
    return p.facts.contact.contact_link || p.facts.contact.channel_in_chrome;
  });
  const auto* contact = site.key_page(model::k_class_contact);
  const double depth = contact ? depth_score(contact->depth) : 0.0;
  // Consistency: the first contact mechanism sits at the same place among the chrome links.
  std::map<int, size_t> positions;
  size_t with = 0;
  for (const auto& p : site.pages)
    if (p.ok() && p.facts.contact.ordinal >= 0) {
      ++positions[p.facts.contact.ordinal];
      ++with;
    }
  double consistency = 0;
  if (with > 0) {
    size_t mode = 0;
    for (const auto& [pos, n] : positions) mode = std::max(mode, n);
    consistency = static_cast<double>(mode) / static_cast<double>(with) >= 0.9 ? 1.0 : static_cast<double>(mode) / static_cast<double>(with);
  }
  o.score = 0.7 * share + 0.2 * depth + 0.1 * consistency;
  if (share < 0.8) {
    const auto* without = shallowest(site, [](const auto& p) { return !p.facts.contact.contact_link && !p.facts.contact.channel_in_chrome; });
    o.findings.push_back(page_finding(without ? without->url : site.start,
                                      ctx.t(fmt::format("Only {} of the pages link to contact or show a channel in the header or footer.", percent(share)),
                                            fmt::format("Solo el {} de las páginas enlaza al contacto o muestra un canal en la cabecera o el pie.", percent(share)))));
  }
  if (!contact)
    o.findings.push_back(page_finding(site.start, ctx.t("No contact or customer-service page found.", "No se encontró una página de contacto o atención al cliente.")));
  else if (contact->depth > 1 || contact->depth < 0)
    o.findings.push_back(page_finding(contact->url, ctx.t("The contact page is more than one click from the home page.", "La página de contacto está a más de un clic del inicio.")));
  if (with > 1 && consistency < 1.0)
    o.findings.push_back(page_finding(site.start, ctx.t("The contact link moves around between pages: keep it in the same place (WCAG 3.2.6).",
                                                        "El enlace de contacto cambia de sitio entre páginas: mantenlo en el mismo lugar (WCAG 3.2.6).")));
  if (const auto* home = site.home(); home && home->facts.contact.where)
    o.findings.push_back(finding(*home->facts.contact.where, ctx.t("Contact link on the home page.", "Enlace de contacto en la página de inicio."), "evidence"));
  o.summary = ctx.t(fmt::format("Contact reachable from {} of the pages{}.", percent(share), contact ? "; contact page: " + contact->url : ""),
                    fmt::format("Contacto accesible desde el {} de las páginas{}.", percent(share), contact ? "; página de contacto: " + contact->url : ""));
  return o;
}

}  // namespace

engine::Rule contact_page_rule() {
  engine::Rule r;
  r.meta.id = "contact-page";
  r.meta.title = {"Contact is one click away from every page", "El contacto está a un clic desde cualquier página"};
  r.meta.failure_title = {"Contact is hard to reach", "Cuesta llegar al contacto"};
  r.meta.description = {"Hurried customers look for help in the header and footer; WCAG 2.2 (3.2.6 Consistent Help) asks for contact help in the same place on every page.",
                        "El cliente con prisa busca ayuda en la cabecera y el pie; WCAG 2.2 (3.2.6) pide que la ayuda esté en el mismo lugar en todas las páginas."};
  r.meta.fix = {"Add a 'Contact / Customer service' link to the header or footer template, in the same position on every page, pointing to a page with all channels.",
                "Añade un enlace 'Contacto / Atención al cliente' a la plantilla de cabecera o pie, en la misma posición en todas las páginas, hacia una página con todos los canales."};
  grade_bilingual(r, model::Category::reachability, 8, "critical", &check);
  return r;
}

}  // namespace amable::rules
