// intro-clutter (RULES.md R12): nothing between the visitor and the shop: no splash or intro,
// timed redirects, Flash, sound that plays by itself, marquees, preloaders or popups on load.
// score = 1 - (penalties on the home page + half the mean penalty of up to 10 other pages).
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

double penalty(const std::vector<model::ClutterHit>& hits) {
  double popups = 0, total = 0;
  for (const auto& h : hits) {
    if (h.kind == "popup") popups += h.penalty;
    else total += h.penalty;
  }
  return total + std::min(popups, 0.3);
}

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  const auto* home = site.home();
  if (!home || !home->ok()) return engine::RuleOutcome::not_applicable(ctx.t("The home page could not be read.", "No se pudo leer la página de inicio."));
  double home_penalty = penalty(home->facts.clutter);
  double others = 0;
  size_t counted = 0;
  for (const auto& p : site.pages) {
    if (!p.ok() || &p == home || counted >= 10 || p.facts.clutter.empty()) continue;
    others += penalty(p.facts.clutter);
    ++counted;
  }
  const double other_penalty = counted ? 0.5 * others / static_cast<double>(counted) : 0;
  auto message = [&](const model::ClutterHit& h) -> std::string {
    if (h.kind == "splash") return ctx.t("A splash page stands between the visitor and the shop.", "Una página de entrada se interpone entre el visitante y la tienda.");
    if (h.kind == "overlay") return ctx.t("A full-screen splash covers the home page until a script removes it.", "Una pantalla de bienvenida cubre el inicio hasta que un script la quita.");
    if (h.kind == "flash" && h.intro) return ctx.t("A Flash intro: no browser has played Flash since 2021, so visitors see an empty box.", "Una intro en Flash: ningún navegador reproduce Flash desde 2021, así que el visitante ve una caja vacía.");
    if (h.kind == "skip-intro") return ctx.t("An intro the visitor has to skip.", "Una introducción que el visitante tiene que saltar.");
    if (h.kind == "meta-refresh" || h.kind == "js-redirect") return ctx.t("A timed redirect moves the visitor on by itself (WCAG F40/F41).", "Una redirección temporizada mueve al visitante sola (WCAG F40/F41).");
    if (h.kind == "flash") return ctx.t("Flash content: no browser has played it since 2021.", "Contenido Flash: ningún navegador lo reproduce desde 2021.");
    if (h.kind == "autoplay") return ctx.t("Sound or video that plays by itself (WCAG 1.4.2).", "Sonido o vídeo que se reproduce solo (WCAG 1.4.2).");
    if (h.kind == "autoplay-muted") return ctx.t("A muted video that plays by itself: give it a pause control (WCAG 2.2.2).", "Un vídeo silenciado que se reproduce solo: añade un control de pausa (WCAG 2.2.2).");
    if (h.kind == "marquee") return ctx.t("Scrolling or blinking text (marquee/blink).", "Texto que se desplaza o parpadea (marquee/blink).");
    if (h.kind == "preloader") return ctx.t("A full-screen preloader makes visitors wait.", "Una pantalla de carga hace esperar al visitante.");
    if (h.kind == "popup") return ctx.t("A popup or dialog on load (timing unknown without a browser).", "Una ventana emergente al cargar (el momento no se sabe sin navegador).");
    if (h.kind == "carousel") return ctx.t("A carousel that turns by itself.", "Un carrusel que gira solo.");
    return ctx.t("An age check stands before the shop: keep it to one click and remember the answer.", "Una verificación de edad antes de la tienda: que sea un solo clic y recuerde la respuesta.");
  };
  for (const auto& p : site.pages) {
    if (!p.ok()) continue;
    for (const auto& h : p.facts.clutter) {
      if (&p != home && h.kind == "age-gate") continue;
      o.findings.push_back(finding(h.where, message(h), h.kind == "autoplay-muted" || h.kind == "carousel" ? "info" : "problem"));
    }
  }
  // The status follows the fact: an intro on the home page fails the rule; other clutter (sound,
  // marquees, popups, clutter on other pages) costs points but is no intro, so it warns at worst.
  const bool intro = std::any_of(home->facts.clutter.begin(), home->facts.clutter.end(), [](const auto& h) { return h.intro; });
  const bool blocker = std::any_of(home->facts.clutter.begin(), home->facts.clutter.end(), [](const auto& h) {
    return h.intro && (h.kind == "splash" || h.kind == "flash");
  });
  if (blocker)
    o.caps.push_back({60, {"The home page is a splash or Flash intro with no content: the score is capped at 60.",
                           "La página de inicio es una entrada o intro Flash sin contenido: la puntuación se limita a 60."}, ""});
  const double score = std::max(0.0, 1.0 - home_penalty - other_penalty);
  o.score = intro ? std::min(score, 0.4) : std::max(score, 0.5);
  o.summary = home->facts.clutter.empty() && counted == 0
                  ? ctx.t("Nothing stands between the visitor and the shop.", "Nada se interpone entre el visitante y la tienda.")
                  : ctx.t(fmt::format("{} clutter item(s) on the home page, {} other page(s) with clutter.", home->facts.clutter.size(), counted),
                          fmt::format("{} elemento(s) molestos en el inicio, {} página(s) más con ellos.", home->facts.clutter.size(), counted));
  return o;
}

}  // namespace

engine::Rule intro_clutter_rule() {
  engine::Rule r;
  r.meta.id = "intro-clutter";
  r.meta.title = {"Visitors land straight on the shop", "El visitante llega directo a la tienda"};
  r.meta.failure_title = {"Intros, redirects or autoplay get in the visitor's way", "Intros, redirecciones o reproducción automática estorban al visitante"};
  r.meta.description = {"\"Don't hide behind intro animations and get rid of everything cluttered.\" Visitors click away from splash screens; autoplaying sound and moving content also fail WCAG 1.4.2 and 2.2.2.",
                        "\"No te escondas tras animaciones de entrada y quita todo lo que estorba.\" El visitante huye de las páginas de entrada; el sonido automático y lo que se mueve incumplen WCAG 1.4.2 y 2.2.2."};
  r.meta.fix = {"Remove the intro/splash screen and let the home page open directly on your products; never autoplay sound, drop Flash, marquee and full-screen loaders, and delay newsletter popups until the visitor has engaged.",
                "Quita la intro o página de entrada y abre el inicio directamente en los productos; no reproduzcas sonido solo, elimina Flash, marquesinas y pantallas de carga, y retrasa las ventanas del boletín."};
  grade_bilingual(r, model::Category::clarity, 7, "major", &check);
  r.meta.needs_text = false;  // read from markup, not from text: judged on JavaScript-built pages too
  return r;
}

}  // namespace amable::rules
