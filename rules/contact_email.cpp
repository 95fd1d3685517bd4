// contact-email (RULES.md R1): a real, visible e-mail address, best in the footer of every
// page and on the contact page. Detection lives in site/emails.cpp; this file scores it.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

bool has_visible_address(const model::PageRecord& p, const Site& site) {
  const size_t i = site.index_of(p);
  return std::any_of(site.facts.emails.begin(), site.facts.emails.end(), [&](const model::SiteEmail& e) {
    return e.visible && !e.placeholder && std::find(e.visible_pages.begin(), e.visible_pages.end(), i) != e.visible_pages.end();
  });
}

// Where the best-placed visible address is: the "every page" test, else the reachable test.
double visible_score(const Site& site, const std::vector<const model::SiteEmail*>& visible, double share,
                     const engine::RuleContext& ctx, engine::RuleOutcome& o) {
  const auto* contact = site.key_page(model::k_class_contact);
  auto on_page = [&](size_t i) {
    return std::any_of(visible.begin(), visible.end(), [&](const auto* e) {
      return std::find(e->visible_pages.begin(), e->visible_pages.end(), i) != e->visible_pages.end();
    });
  };
  if (share >= 0.8) {
    if (!contact || on_page(site.index_of(*contact))) return 1.0;
    o.findings.push_back(page_finding(contact->url, ctx.t("The contact page does not show the e-mail address: add it there too.",
                                                          "La página de contacto no muestra la dirección de correo: añádela también allí.")));
    return 0.9;
  }
  int best_depth = -1;
  for (const auto* e : visible)
    for (size_t i : e->visible_pages) {
      const int d = site.pages[i].depth;
      if (d >= 0 && (best_depth < 0 || d < best_depth)) best_depth = d;
    }
  o.findings.push_back(page_finding(site.start,
                                    ctx.t(fmt::format("The e-mail address appears on only {} of the pages: put it in the footer so that every page shows it.", percent(share)),
                                          fmt::format("La dirección de correo aparece solo en el {} de las páginas: ponla en el pie para que todas la muestren.", percent(share)))));
  if (best_depth >= 0 && best_depth <= 1) return 0.8;
  if (best_depth == 2 || best_depth == 3) return 0.5;
  return 0.3;
}

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  std::vector<const model::SiteEmail*> visible, unseen;
  for (const auto& e : site.facts.emails) {
    if (e.placeholder) {
      o.findings.push_back(finding(e.first, ctx.t(fmt::format("Template placeholder address left on the live site: {}. Replace it with a real one.", e.value),
                                                  fmt::format("Dirección de ejemplo de la plantilla en la web publicada: {}. Cámbiala por una real.", e.value))));
      continue;
    }
    (e.visible ? visible : unseen).push_back(&e);
  }

  const bool form = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.contact_form; });
  const bool chat = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.chat_widget; });

  if (!visible.empty()) {
    const double share = share_of_pages(site, [&](const model::PageRecord& p) { return has_visible_address(p, site); });
    double s = visible_score(site, visible, share, ctx, o);
    const bool all_noreply = std::all_of(visible.begin(), visible.end(), [](const auto* e) { return e->noreply; });
    if (all_noreply) {
      s -= 0.1;
      o.findings.push_back(finding(visible.front()->first, ctx.t("Every address shown is a no-reply mailbox: customers cannot write to it.",
                                                                 "Todas las direcciones son de no-respuesta: los clientes no pueden escribir a ellas.")));
    }
    for (const auto* e : visible)
      o.findings.push_back(finding(e->first, ctx.t(fmt::format("E-mail address shown: {}", e->value), fmt::format("Dirección de correo visible: {}", e->value)), "evidence"));
    o.score = std::max(0.0, s);
    o.summary = ctx.t(fmt::format("{} e-mail address(es) shown; on {} of the pages.", visible.size(), percent(share)),
                      fmt::format("{} dirección(es) de correo visibles; en el {} de las páginas.", visible.size(), percent(share)));
    return o;
  }

  const auto mailto = std::find_if(unseen.begin(), unseen.end(), [](const auto* e) {
    return std::find(e->sources.begin(), e->sources.end(), "mailto") != e->sources.end();
  });
  if (mailto != unseen.end()) {
    o.score = 0.5;
    o.findings.push_back(finding((*mailto)->first, ctx.t(fmt::format("The address {} is only behind a link: show it as text so that customers can copy it.", (*mailto)->value),
                                                         fmt::format("La dirección {} solo está detrás de un enlace: muéstrala como texto para que se pueda copiar.", (*mailto)->value))));
    o.summary = ctx.t("An e-mail address is reachable only through a mailto: link.", "Solo se llega a una dirección de correo a través de un enlace mailto:.");
    return o;
  }

  const auto image = std::find_if(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.email_image; });
  if (!unseen.empty() || image != site.pages.end()) {
    o.score = 0.2;
    if (!unseen.empty())
      o.findings.push_back(finding(unseen.front()->first, ctx.t(fmt::format("{} is only in the page's structured data, not in the text visitors read.", unseen.front()->value),
                                                                fmt::format("{} solo está en los datos estructurados, no en el texto que lee el visitante.", unseen.front()->value))));
    else
      o.findings.push_back(finding(*image->facts.email_image, ctx.t("The e-mail address seems to be shown only as a picture: write it as text.",
                                                                    "La dirección de correo parece mostrarse solo como imagen: escríbela como texto.")));
    o.summary = ctx.t("No e-mail address in the visible text.", "Ninguna dirección de correo en el texto visible.");
    return o;
  }

  if (form || chat) {
    o.score = 0.3;
    const auto* p = &*std::find_if(site.pages.begin(), site.pages.end(), [](const auto& pg) { return pg.ok() && (pg.facts.contact_form || pg.facts.chat_widget); });
    if (p->facts.contact_form_where)
      o.findings.push_back(finding(*p->facts.contact_form_where, ctx.t("Only a contact form: add a real e-mail address too (a form alone is not enough under EU law).",
                                                                       "Solo hay un formulario: añade también una dirección de correo real (en la UE un formulario no basta).")));
    else
      o.findings.push_back(page_finding(p->url, ctx.t("Only a chat widget: add a real e-mail address too.", "Solo hay un chat: añade también una dirección de correo real.")));
    o.summary = ctx.t("No e-mail address; only a contact form or chat.", "No hay dirección de correo; solo un formulario o un chat.");
    return o;
  }

  o.score = 0;
  o.findings.push_back(page_finding(site.start, ctx.t("No e-mail address on any page read: show a customer-service address in the footer of every page.",
                                                      "Ninguna página leída muestra una dirección de correo: pon una de atención al cliente en el pie de todas.")));
  if (std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.js_email; }))
    o.findings.push_back(page_finding(site.start, ctx.t("A script seems to assemble an address: visitors without JavaScript, and this audit, cannot see it.",
                                                        "Un script parece componer una dirección: sin JavaScript ni esta auditoría pueden verla."), "info"));
  o.summary = ctx.t("No e-mail address, contact form or chat found.", "No se encontró dirección de correo, formulario ni chat.");
  o.caps.push_back({40, {"No contact channel at all: the score is capped at 40.", "Ningún canal de contacto: la puntuación se limita a 40."}, "no-contact"});
  return o;
}

}  // namespace

engine::Rule contact_email_rule() {
  engine::Rule r;
  r.meta.id = "contact-email";
  r.meta.title = {"Customers can find an e-mail address", "Los clientes encuentran una dirección de correo"};
  r.meta.failure_title = {"No usable e-mail address is shown", "No se muestra una dirección de correo utilizable"};
  r.meta.description = {
      "Shoppers who cannot find an e-mail address cannot ask before they buy or complain after. EU law (E-Commerce Directive art. 5, Spain's LSSI art. 10) requires an address that is easy to reach; a contact form alone is not enough.",
      "Quien no encuentra una dirección de correo no puede preguntar antes de comprar ni reclamar después. La ley (Directiva de comercio electrónico art. 5, LSSI art. 10) exige una dirección fácil de encontrar; un formulario no basta."};
  r.meta.fix = {"Show a real customer-service e-mail address as a clickable mailto: link in the footer of every page and on the Contact page, not only a form.",
                "Muestra una dirección real de atención al cliente como enlace mailto: en el pie de todas las páginas y en la de Contacto, no solo un formulario."};
  grade_bilingual(r, model::Category::reachability, 8, "critical", &check);
  return r;
}

}  // namespace amable::rules
