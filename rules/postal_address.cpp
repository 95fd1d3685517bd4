// postal-address (RULES.md R3): a street address in the visible text, within two clicks; in
// the EU also the trader's identity (tax or registry number).
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  const bool eu = targets_eu(site);
  std::vector<const model::Sighted<model::AddressHit>*> street, po_box;
  bool structured = false;
  for (const auto& a : site.facts.addresses) {
    if (a.hit.placeholder) {
      o.findings.push_back(finding(a.hit.where, ctx.t(fmt::format("Template placeholder address left on the live site: {}. Replace it with the real one.", a.hit.value),
                                                      fmt::format("Dirección de ejemplo de la plantilla en la web publicada: {}. Cámbiala por la real.", a.hit.value))));
      continue;
    }
    if (a.hit.source == "structured-data") structured = true;
    else if (a.hit.po_box) po_box.push_back(&a);
    else street.push_back(&a);
  }
  const auto* trader = shallowest(site, [](const auto& p) { return p.facts.trader_id.has_value(); });
  const bool map = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.map; });

  double s = 0;
  if (!street.empty()) {
    int depth = -1;
    for (const auto* a : street)
      for (size_t i : a->pages)
        if (site.pages[i].depth >= 0 && (depth < 0 || site.pages[i].depth < depth)) depth = site.pages[i].depth;
    s = (depth >= 0 && depth <= 2) ? 0.7 : 0.5;
    if (depth < 0 || depth > 2)
      o.findings.push_back(finding(street.front()->hit.where, ctx.t("The address is more than two clicks from the home page: show it in the footer or on the contact page.",
                                                                    "La dirección está a más de dos clics del inicio: muéstrala en el pie o en la página de contacto.")));
    const double chrome_share = share_of_pages(site, [&](const model::PageRecord& p) {
      return std::any_of(p.facts.addresses.begin(), p.facts.addresses.end(), [](const auto& h) { return h.in_chrome && !h.po_box; });
    });
    if (chrome_share >= 0.8) s += 0.1;
    for (const auto* a : street)
      o.findings.push_back(finding(a->hit.where, ctx.t(fmt::format("Address: {}", a->hit.value), fmt::format("Dirección: {}", a->hit.value)), "evidence"));
  } else if (!po_box.empty()) {
    s = 0.3;
    o.findings.push_back(finding(po_box.front()->hit.where, ctx.t("Only a PO box: shoppers check a street address to know the business is real.",
                                                                  "Solo un apartado de correos: el cliente busca una dirección física para saber que el negocio es real.")));
  } else if (map || structured) {
    s = 0.3;
    o.findings.push_back(page_finding(site.start, ctx.t("The address is only on a map or in structured data: write it out as text.",
                                                        "La dirección solo está en un mapa o en datos estructurados: escríbela como texto.")));
  } else {
    o.findings.push_back(page_finding(site.start, ctx.t("No postal address on any page read: publish the business address in the footer or on the contact page.",
                                                        "Ninguna página leída muestra una dirección postal: publícala en el pie o en la página de contacto.")));
  }
  if (eu && trader) {
    s += 0.2;
    o.findings.push_back(finding(*trader->facts.trader_id, ctx.t("Trader identity (tax or registry number) found.", "Identificación del comerciante (NIF o registro) encontrada."), "evidence"));
  } else if (eu) {
    o.findings.push_back(page_finding(site.start, ctx.t("No tax or registry number (NIF/CIF, VAT): EU law (LSSI art. 10, E-Commerce Directive art. 5) requires the trader's identity.",
                                                        "No consta NIF/CIF ni registro: la LSSI (art. 10) exige identificar al titular de la web.")));
  } else if (structured && !street.empty()) {
    s += 0.2;
  }
  o.score = std::min(s, 1.0);
  o.summary = street.empty() ? ctx.t("No street address in the visible text.", "Sin dirección postal en el texto visible.")
                             : ctx.t(fmt::format("{} address(es) shown.", street.size()), fmt::format("{} dirección(es) visibles.", street.size()));
  return o;
}

}  // namespace

engine::Rule postal_address_rule() {
  engine::Rule r;
  r.meta.id = "postal-address";
  r.meta.title = {"The business address is published", "La dirección del negocio está publicada"};
  r.meta.failure_title = {"No street address is shown", "No se muestra una dirección física"};
  r.meta.description = {"A street address is how shoppers check that a real business stands behind the shop; EU law requires the trader's geographic address and, in Spain, the tax number (LSSI art. 10).",
                        "La dirección física es como el cliente comprueba que hay un negocio real detrás; la ley exige la dirección geográfica del comerciante y, en España, el NIF (LSSI art. 10)."};
  r.meta.fix = {"Publish your full registered business address and company identifiers (NIF/VAT, registry) in the footer or legal-notice page linked from every page.",
                "Publica la dirección completa y los datos de la empresa (NIF, registro mercantil) en el pie o en el aviso legal, enlazado desde todas las páginas."};
  grade_bilingual(r, model::Category::reachability, 5, "major", &check);
  return r;
}

}  // namespace amable::rules
