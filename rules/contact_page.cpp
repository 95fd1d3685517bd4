// contact-page (RULES.md R6): contact details or a contact page one click away from every
// page, in a consistent place (WCAG 2.2 SC 3.2.6 Consistent Help).
// score = 0.7 share of pages with a contact link or channel in the chrome + 0.2 contact page
// depth + 0.1 same place. Texts: rules/messages/contact-page.json.
#include <algorithm>
#include <map>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  const auto without = pages_without(site, [](const model::PageRecord& p) {
    return p.facts.contact.contact_link || p.facts.contact.channel_in_chrome;
  });
  const double share = without["share"].get<double>();
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
  // Channels shown on every page but no contact link to compare: nothing moves.
  double consistency = with == 0 && share >= 1.0 ? 1.0 : 0.0;
  if (with > 0) {
    size_t mode = 0;
    for (const auto& [pos, n] : positions) mode = std::max(mode, n);
    consistency = static_cast<double>(mode) / static_cast<double>(with) >= 0.9 ? 1.0 : static_cast<double>(mode) / static_cast<double>(with);
  }
  o.score = 0.7 * share + 0.2 * depth + 0.1 * consistency;
  o.hold(ctx, "contact-page/holds-share", {{"share", share}});
  if (share < 1.0) {
    // With no contact link anywhere, there is no place to keep the same either: that tenth is lost here too.
    o.problem_on(ctx, "contact-page/not-on-every-page", without, site.start, 0.7 * (1.0 - share) + (with == 0 ? 0.1 : 0.0));
    o.lack(ctx, "contact-page/lacks-every-page");
  }
  if (!contact) {
    o.problem_on(ctx, "contact-page/no-contact-page", {}, site.start, 0.2);
    o.lack(ctx, "contact-page/lacks-page");
  } else if (contact->depth > 1 || contact->depth < 0) {
    if (contact->depth < 0) o.problem_on(ctx, "contact-page/unlinked", {}, contact->url, 0.2 * (1.0 - depth), false);
    else o.problem_on(ctx, "contact-page/deep", {{"depth", contact->depth}}, contact->url, 0.2 * (1.0 - depth), false);
    o.lack(ctx, "contact-page/lacks-page");
  } else {
    o.hold(ctx, "contact-page/holds-page", {{"value", contact->url}});
  }
  if (consistency < 1.0 && with > 1) {
    o.problem_on(ctx, "contact-page/moves", {}, site.start, 0.1 * (1.0 - consistency));
    o.lack(ctx, "contact-page/lacks-same-place");
  } else if (with > 1) {
    o.hold(ctx, "contact-page/holds-same-place");
  }
  if (const auto* home = site.home(); home && home->facts.contact.where) o.evidence(ctx, "contact-page/home-link", {}, *home->facts.contact.where);
  return o;
}

}  // namespace

engine::Rule contact_page_rule() {
  engine::Rule r;
  r.meta.id = "contact-page";
  r.meta.title = {"Contact is one click away from every page", "El contacto está a un clic desde cualquier página"};
  r.meta.warn_title = {"Contact is reachable, but not from everywhere", "El contacto es accesible, pero no desde todas partes"};
  r.meta.failure_title = {"Contact is hard to reach", "Cuesta llegar al contacto"};
  r.meta.description = {"Hurried customers look for help in the header and footer; WCAG 2.2 (3.2.6 Consistent Help) asks for contact help in the same place on every page.",
                        "El cliente con prisa busca ayuda en la cabecera y el pie; WCAG 2.2 (3.2.6) pide que la ayuda esté en el mismo lugar en todas las páginas."};
  r.meta.fix = {"Add a 'Contact / Customer service' link to the header or footer template, in the same position on every page, pointing to a page with all channels.",
                "Añade un enlace 'Contacto / Atención al cliente' a la plantilla de cabecera o pie, en la misma posición en todas las páginas, hacia una página con todos los canales."};
  grade_bilingual(r, model::Category::reachability, 8, "critical", &check);
  r.meta.reads_chrome = true;
  return r;
}

}  // namespace amable::rules
