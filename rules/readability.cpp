// readability (RULES.md R15): plain words and short sentences on the pages that matter.
// English: Flesch, scored clamp((F - 30) / 30). Spanish: Szigriszt-Pazos on the INFLESZ scale,
// scored clamp((P - 40) / 15). The site is the word-weighted mean; legal text is reported apart.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"
#include "site/copy_stats.hpp"

namespace amable::rules {
namespace {

using model::Site;

struct Scored {
  const model::PageRecord* page;
  double index;  // Flesch or INFLESZ
  double score;  // 0..1
};

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  const double min_page = ctx.options.value("min_page_words", 100.0), min_site = ctx.options.value("min_site_words", 300.0);
  std::vector<Scored> pages;
  std::vector<Scored> legal;
  double words = 0;
  bool supported = false;
  for (const auto& p : site.pages) {
    if (!p.ok()) continue;
    const auto& r = p.facts.readability;
    if (p.facts.lang == "en" || p.facts.lang == "es") supported = true;
    if (r.words < min_page || r.sentences == 0) continue;
    const double w = static_cast<double>(r.words), s = static_cast<double>(r.sentences), y = static_cast<double>(r.syllables);
    Scored sc{&p, 0, 0};
    if (p.facts.lang == "es") {
      sc.index = site::szigriszt_pazos(w, s, y);
      sc.score = std::clamp((sc.index - 40.0) / 15.0, 0.0, 1.0);
    } else if (p.facts.lang == "en") {
      sc.index = site::flesch(w, s, y);
      sc.score = std::clamp((sc.index - 30.0) / 30.0, 0.0, 1.0);
    } else {
      continue;
    }
    // Legal text is hard by nature: shown, not counted.
    if (p.classes & (model::k_class_legal | model::k_class_privacy)) {
      legal.push_back(sc);
      continue;
    }
    pages.push_back(sc);
    words += w;
  }
  if (!supported)
    return engine::RuleOutcome::not_applicable(ctx.t("The pages are in a language amable does not measure (English and Spanish).",
                                                     "Las páginas están en un idioma que amable no mide (inglés y español)."));
  if (words < min_site)
    return engine::RuleOutcome::inconclusive(ctx.t(fmt::format("Too little running text to judge ({:.0f} words; {:.0f} needed).", words, min_site),
                                                   fmt::format("Poco texto para juzgar ({:.0f} palabras; hacen falta {:.0f}).", words, min_site)));
  engine::RuleOutcome o;
  double total = 0;
  for (const auto& sc : pages) total += sc.score * static_cast<double>(sc.page->facts.readability.words);
  o.score = total / words;
  std::sort(pages.begin(), pages.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
  for (size_t i = 0; i < pages.size() && i < 3; ++i) {
    const auto& sc = pages[i];
    if (sc.score >= 1) break;
    const bool es = sc.page->facts.lang == "es";
    model::Finding f = page_finding(sc.page->url, ctx.t(fmt::format("Hard to read ({} {:.0f}); its longest sentence has {} words: shorten sentences to under 20 words.", es ? "INFLESZ" : "Flesch", sc.index, sc.page->facts.readability.longest_words),
                                                        fmt::format("Difícil de leer ({} {:.0f}); su frase más larga tiene {} palabras: acorta las frases a menos de 20.", es ? "INFLESZ" : "Flesch", sc.index, sc.page->facts.readability.longest_words)));
    f.evidence = sc.page->facts.readability.longest_sentence;
    o.findings.push_back(std::move(f));
  }
  for (size_t i = 0; i < legal.size() && i < 2; ++i)
    o.findings.push_back(page_finding(legal[i].page->url, ctx.t(fmt::format("Legal text, not counted: readability {:.0f}.", legal[i].index),
                                                                fmt::format("Texto legal, no se cuenta: legibilidad {:.0f}.", legal[i].index)), "info"));
  o.summary = ctx.t(fmt::format("{} pages measured, {:.0f} words.", pages.size(), words), fmt::format("{} páginas medidas, {:.0f} palabras.", pages.size(), words));
  return o;
}

}  // namespace

engine::Rule readability_rule() {
  engine::Rule r;
  r.meta.id = "readability";
  r.meta.title = {"Pages read easily", "Las páginas se leen con facilidad"};
  r.meta.failure_title = {"Pages are hard to read", "Las páginas cuestan de leer"};
  r.meta.description = {"The hurried e-customer \"is not as familiar with your site as you think\": short sentences and everyday words (Flesch 60-70 in English, INFLESZ 55+ in Spanish) get policies and product pages read.",
                        "El cliente con prisa \"no conoce tu web tanto como crees\": frases cortas y palabras corrientes (INFLESZ 55 o más) hacen que se lean las condiciones y las fichas."};
  r.meta.fix = {"Shorten sentences (aim for under 20 words), prefer everyday words, and use headings and lists so that shipping, returns and help pages read at 'plain English' / INFLESZ 'normal' level.",
                "Acorta las frases (menos de 20 palabras), usa palabras corrientes y títulos y listas para que envíos, devoluciones y ayuda se lean a nivel INFLESZ 'normal'."};
  grade_bilingual(r, model::Category::copy, 4, "minor", &check);
  return r;
}

}  // namespace amable::rules
