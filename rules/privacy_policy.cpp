// privacy-policy (RULES.md R10): a privacy policy linked from every page and near forms that
// collect data, covering the GDPR essentials for EU shops.
// score = 0.4 × present + 0.3 × share of pages linking to it + 0.3 × content.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"
#include "util/text.hpp"

namespace amable::rules {
namespace {

using model::Site;

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  LinkClasses links(site);
  const auto* page = site.key_page(model::k_class_privacy);
  double present = 0;
  std::string how;
  if (page) {
    present = 1;
    how = page->url;
  } else {
    for (const auto& p : site.pages) {
      if (!p.ok() || present > 0) continue;
      for (const auto& l : p.links) {
        const std::string_view target = site.str(l.target);
        const bool hosted = util::icontains(target, "iubenda.com/privacy-policy") || util::icontains(target, "termly.io/document/privacy-policy") ||
                            util::icontains(target, "privacypolicies.com");
        if (hosted || (links.is(l, model::k_class_privacy, p.facts.lang) && util::iends_with(target, ".pdf"))) {
          present = hosted ? 1.0 : 0.6;
          how = std::string(target);
          break;
        }
      }
    }
  }
  if (present == 0) {
    o.score = 0;
    o.findings.push_back(page_finding(site.start, ctx.t("No privacy policy found: publish one and link it from every page's footer.",
                                                        "No se encontró política de privacidad: publícala y enlázala en el pie de todas las páginas.")));
    o.summary = ctx.t("No privacy policy.", "Sin política de privacidad.");
    return o;
  }
  const double share = share_with_chrome_link(site, links, model::k_class_privacy, page);
  if (share < 0.8)
    o.findings.push_back(page_finding(site.start, ctx.t(fmt::format("Only {} of the pages link to the privacy policy from the header or footer.", percent(share)),
                                                        fmt::format("Solo el {} de las páginas enlaza la política de privacidad desde la cabecera o el pie.", percent(share)))));
  double content = 0.5;  // a PDF or hosted policy: not read here
  if (page) {
    const auto& f = page->facts.privacy;
    if (targets_eu(site)) {
      content = static_cast<double>(f.items.size()) / 6.0;
      if (f.items.size() < 6) {
        std::string missing;
        for (std::string_view item : {"controller", "purposes", "legal-basis", "rights", "retention", "authority"})
          if (std::find(f.items.begin(), f.items.end(), item) == f.items.end()) missing += (missing.empty() ? "" : ", ") + std::string(item);
        o.findings.push_back(page_finding(page->url, ctx.t(fmt::format("The policy does not cover: {} (GDPR art. 13).", missing),
                                                           fmt::format("La política no cubre: {} (RGPD art. 13).", missing))));
      }
    } else {
      content = std::min(1.0, static_cast<double>(page->facts.words) / 300.0);
    }
    if (f.placeholder) {
      content *= 0.5;
      o.findings.push_back(finding(*f.placeholder_where, ctx.t("The policy still has a generator's placeholder: fill in the company's details.",
                                                               "La política conserva un hueco de la plantilla: completa los datos de la empresa.")));
    }
    std::string covers;
    for (const auto& item : f.items) covers += (covers.empty() ? "" : ", ") + item;
    model::Finding found = page_finding(page->url, covers.empty() ? ctx.t("Privacy policy.", "Política de privacidad.")
                                                                  : ctx.t("Privacy policy; covers " + covers + ".", "Política de privacidad; cubre " + covers + "."),
                                        "evidence");
    found.evidence = page->facts.title.empty() ? (page->facts.h1.empty() ? std::string() : page->facts.h1.front()) : page->facts.title;
    o.findings.push_back(std::move(found));
  }
  size_t forms = 0, consent = 0;
  const model::PageRecord* form_page = nullptr;
  for (const auto& p : site.pages) {
    if (!p.ok()) continue;
    forms += p.facts.privacy.email_forms;
    consent += p.facts.privacy.email_forms_with_consent;
    if (!form_page && p.facts.privacy.email_forms > p.facts.privacy.email_forms_with_consent) form_page = &p;
  }
  if (form_page)
    o.findings.push_back(page_finding(form_page->url, ctx.t("A form collects an e-mail address without pointing to the privacy policy.",
                                                            "Un formulario pide el correo sin remitir a la política de privacidad.")));
  o.score = 0.4 * present + 0.3 * share + 0.3 * content;
  o.summary = ctx.t(fmt::format("Privacy policy: {}; linked from {} of the pages; {} of {} e-mail forms point to it.", how, percent(share), consent, forms),
                    fmt::format("Política de privacidad: {}; enlazada desde el {} de las páginas; {} de {} formularios con correo remiten a ella.", how, percent(share), consent, forms));
  return o;
}

}  // namespace

engine::Rule privacy_policy_rule() {
  engine::Rule r;
  r.meta.id = "privacy-policy";
  r.meta.title = {"A clear privacy policy is linked from every page", "Una política de privacidad clara está enlazada desde todas las páginas"};
  r.meta.failure_title = {"The privacy policy is missing, hidden or incomplete", "La política de privacidad falta, está escondida o incompleta"};
  r.meta.description = {"Shoppers hesitate to give their data to a shop that does not say what it does with it; the GDPR (art. 12-14) requires the controller, purposes, legal basis and rights to be stated.",
                        "El cliente duda en dar sus datos si la tienda no dice qué hace con ellos; el RGPD (art. 12-14) exige indicar responsable, finalidades, legitimación y derechos."};
  r.meta.fix = {"Link a clear Privacy Policy from every page footer and from every form that collects personal data; state who you are, why you use the data, and how customers exercise their rights.",
                "Enlaza una política de privacidad clara desde el pie de todas las páginas y desde cada formulario; di quién eres, para qué usas los datos y cómo ejercer los derechos."};
  grade_bilingual(r, model::Category::trust, 5, "major", &check);
  return r;
}

}  // namespace amable::rules
