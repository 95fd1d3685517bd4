// response-time (RULES.md R7): the published promise of how fast the shop answers. The real
// response time cannot be read from HTML; a mystery-shopper e-mail is the test for that.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  const model::ResponsePromise* best = nullptr;
  for (const auto& p : site.pages) {
    if (!p.ok()) continue;
    for (const auto& r : p.facts.promises)
      if (!best || (r.hours >= 0 && (best->hours < 0 || r.hours < best->hours))) best = &r;
  }
  o.findings.push_back(page_finding(site.start, ctx.t("Check the real reply time yourself: send a question by e-mail and through the contact form, and time the answers.",
                                                      "Comprueba el tiempo real: envía una pregunta por correo y por el formulario y mide cuánto tardan."), "info"));
  if (!best) {
    o.score = 0;
    o.findings.insert(o.findings.begin(), page_finding(site.start, ctx.t("No promise of when customers get an answer.", "No se promete cuándo recibirá respuesta el cliente.")));
    o.summary = ctx.t("No reply-time promise.", "Sin compromiso de tiempo de respuesta.");
    return o;
  }
  double s;
  if (best->hours < 0) s = 0.2;
  else if (best->hours <= 24) s = 1.0;
  else if (best->hours <= 48) s = 0.7;
  else if (best->hours <= 120) s = 0.4;
  else s = 0.2;
  o.findings.insert(o.findings.begin(), finding(best->where, ctx.t("Reply-time promise.", "Compromiso de tiempo de respuesta."), "evidence"));
  if (s < 1.0)
    o.findings.insert(o.findings.begin(), finding(best->where, best->hours < 0
        ? ctx.t("The promise is vague (\"as soon as possible\"): name a time, ideally the same working day.",
                "La promesa es vaga (\"lo antes posible\"): da un plazo, a ser posible el mismo día laborable.")
        : ctx.t("The promised reply time is longer than a working day: answer the same day.",
                "El plazo prometido supera un día laborable: responde el mismo día.")));
  o.score = s;
  o.summary = best->hours < 0 ? ctx.t("Only a vague reply promise.", "Solo una promesa vaga de respuesta.")
                              : ctx.t(fmt::format("Replies promised within {:.0f} hours.", best->hours), fmt::format("Respuesta prometida en {:.0f} horas.", best->hours));
  return o;
}

}  // namespace

engine::Rule response_time_rule() {
  engine::Rule r;
  r.meta.id = "response-time";
  r.meta.title = {"The shop promises a same-day reply", "La tienda promete responder en el día"};
  r.meta.failure_title = {"Customers are not told when they will get an answer", "No se dice cuándo llegará la respuesta"};
  r.meta.description = {"\"Answer every email or call the same day.\" A third of big firms did not answer web e-mail within a month; stating a reply time sets expectations and commits the shop.",
                        "\"Responde cada correo o llamada el mismo día.\" Un tercio de las grandes empresas no contestaba en un mes; publicar un plazo fija expectativas y compromete a la tienda."};
  r.meta.fix = {"Promise and keep a reply time on your Contact page, e.g. 'We answer every e-mail and call the same working day'.",
                "Promete y cumple un plazo en la página de contacto, p. ej. 'Respondemos a todos los correos y llamadas el mismo día laborable'."};
  grade_bilingual(r, model::Category::reachability, 4, "major", &check);
  return r;
}

}  // namespace amable::rules
