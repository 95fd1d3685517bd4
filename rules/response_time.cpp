// response-time (RULES.md R7): the published promise of how fast the shop answers. The real
// response time cannot be read from HTML; a mystery-shopper e-mail is the test for that.
// score = 1 within 24 hours, 0.7 within 48, 0.4 within 5 days, 0.2 longer or vague, 0 none.
// Texts: rules/messages/response-time.json.
#include <algorithm>
#include <cmath>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

// "30 minutes", "4 hours", "2 days": a promised time as the reader would say it.
std::string duration(double hours, const engine::RuleContext& ctx) {
  if (hours < 1) return ctx.say("duration/minutes", {{"n", std::lround(hours * 60)}});
  if (std::abs(hours - 1) < 1e-9) return ctx.say("duration/hour");
  if (hours < 48 || std::fmod(hours, 24) != 0) return ctx.say("duration/hours", {{"n", std::lround(hours)}});
  return ctx.say("duration/days", {{"n", std::lround(hours / 24)}});
}

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  const model::ResponsePromise* best = nullptr;
  for (const auto& p : site.pages) {
    if (!p.ok()) continue;
    for (const auto& r : p.facts.promises)
      if (!best || (r.hours >= 0 && (best->hours < 0 || r.hours < best->hours))) best = &r;
  }
  if (!best) {
    o.score = 0;
    o.problem_on(ctx, "response-time/none", {}, site.start, 1.0);
    o.lack(ctx, "response-time/lacks-promise");
    o.info(ctx, "response-time/check-yourself", {}, site.start);
    return o;
  }
  double s;
  if (best->hours < 0) s = 0.2;
  else if (best->hours <= 24) s = 1.0;
  else if (best->hours <= 48) s = 0.7;
  else if (best->hours <= 120) s = 0.4;
  else s = 0.2;
  if (best->hours < 0) {
    o.problem(ctx, "response-time/vague", {}, best->where, 1.0 - s);
    o.evidence(ctx, "response-time/vague-promise", {}, best->where);
    o.hold(ctx, "response-time/holds-vague");
    o.lack(ctx, "response-time/lacks-same-day");
  } else {
    const std::string d = duration(best->hours, ctx);
    o.evidence(ctx, "response-time/promise", {{"duration", d}, {"hours", best->hours}}, best->where);
    o.hold(ctx, "response-time/holds-promise", {{"duration", d}});
    if (s < 1.0) {
      o.problem(ctx, "response-time/slow", {{"duration", d}, {"hours", best->hours}}, best->where, 1.0 - s);
      o.lack(ctx, "response-time/lacks-same-day");
    }
  }
  o.info(ctx, "response-time/check-yourself", {}, site.start);
  o.score = s;
  return o;
}

}  // namespace

engine::Rule response_time_rule() {
  engine::Rule r;
  r.meta.id = "response-time";
  r.meta.title = {"The shop promises a same-day reply", "La tienda promete responder en el día"};
  r.meta.warn_title = {"The shop promises a reply, but not the same day", "La tienda promete responder, pero no en el día"};
  r.meta.failure_title = {"Customers are not told when they will get an answer", "No se dice cuándo llegará la respuesta"};
  r.meta.description = {"\"Answer every email or call the same day.\" A third of big firms did not answer web e-mail within a month; stating a reply time sets expectations and commits the shop.",
                        "\"Responde cada correo o llamada el mismo día.\" Un tercio de las grandes empresas no contestaba en un mes; publicar un plazo fija expectativas y compromete a la tienda."};
  r.meta.fix = {"Promise and keep a reply time on your Contact page, e.g. 'We answer every e-mail and call the same working day'.",
                "Promete y cumple un plazo en la página de contacto, p. ej. 'Respondemos a todos los correos y llamadas el mismo día laborable'."};
  grade_bilingual(r, model::Category::reachability, 4, "major", &check);
  r.meta.reads_chrome = true;
  return r;
}

}  // namespace amable::rules
