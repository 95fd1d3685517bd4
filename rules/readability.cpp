// readability (RULES.md R15): plain words and short sentences on the pages that matter.
// English: Flesch, scored clamp((F - 30) / 30). Spanish: Szigriszt-Pazos on the INFLESZ scale,
// scored clamp((P - 40) / 15). The site is the word-weighted mean; legal text is reported apart.
#include <algorithm>
#include <cmath>

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
  if (!supported) return engine::RuleOutcome::not_applicable(ctx.say("readability/not-applicable"));
  if (words < min_site)
    return engine::RuleOutcome::inconclusive(ctx.say("readability/too-little", {{"words", std::lround(words)}, {"needed", std::lround(min_site)}}));
  engine::RuleOutcome o;
  double total = 0;
  for (const auto& sc : pages) total += sc.score * static_cast<double>(sc.page->facts.readability.words);
  o.score = total / words;
  std::sort(pages.begin(), pages.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
  size_t hard = 0;
  for (const auto& sc : pages) hard += sc.score < 1;
  for (size_t i = 0; i < pages.size() && i < 3; ++i) {
    const auto& sc = pages[i];
    if (sc.score >= 1) break;
    const bool es = sc.page->facts.lang == "es";
    // Each page costs its share of the words times what it misses.
    const double cost = (1.0 - sc.score) * static_cast<double>(sc.page->facts.readability.words) / words;
    o.problem_on(ctx, "readability/hard-page", {{"index_name", es ? "INFLESZ" : "Flesch"}, {"index", std::lround(sc.index)},
                                                {"longest", sc.page->facts.readability.longest_words}},
                 sc.page->url, cost, false)
        .evidence = sc.page->facts.readability.longest_sentence;
  }
  // The hard pages past the three shown, in one finding with what they cost together.
  if (pages.size() > 3 && pages[3].score < 1) {
    nlohmann::json rest = nlohmann::json::array();
    double cost = 0;
    for (size_t i = 3; i < pages.size() && pages[i].score < 1; ++i) {
      rest.push_back(pages[i].page->url);
      cost += (1.0 - pages[i].score) * static_cast<double>(pages[i].page->facts.readability.words) / words;
    }
    o.problem_on(ctx, "readability/more-hard-pages", {{"count", rest.size()}, {"pages", rest}}, site.start, cost);
  }
  for (size_t i = 0; i < legal.size() && i < 2; ++i)
    o.info(ctx, "readability/legal", {{"index", std::lround(legal[i].index)}}, legal[i].page->url, false);
  o.hold(ctx, "readability/holds-measured", {{"pages", pages.size()}, {"words", std::lround(words)}});
  if (hard > 0) o.lack(ctx, "readability/lacks-plain", {{"hard", hard}});
  else o.hold(ctx, "readability/holds-easy");
  return o;
}

}  // namespace

engine::Rule readability_rule() {
  engine::Rule r;
  r.meta.id = "readability";
  r.meta.title = {"Pages read easily", "Las páginas se leen con facilidad"};
  r.meta.warn_title = {"Pages read fairly easily, some less so", "Las páginas se leen bastante bien, algunas menos"};
  r.meta.failure_title = {"Pages are hard to read", "Las páginas cuestan de leer"};
  r.meta.description = {"The hurried e-customer \"is not as familiar with your site as you think\": short sentences and everyday words (Flesch 60-70 in English, INFLESZ 55+ in Spanish) get policies and product pages read.",
                        "El cliente con prisa \"no conoce tu web tanto como crees\": frases cortas y palabras corrientes (INFLESZ 55 o más) hacen que se lean las condiciones y las fichas."};
  r.meta.fix = {"Shorten sentences (aim for under 20 words), prefer everyday words, and use headings and lists so that shipping, returns and help pages read at 'plain English' / INFLESZ 'normal' level.",
                "Acorta las frases (menos de 20 palabras), usa palabras corrientes y títulos y listas para que envíos, devoluciones y ayuda se lean a nivel INFLESZ 'normal'."};
  grade_bilingual(r, model::Category::copy, 4, "minor", &check);
  r.meta.options = {"min_page_words", "min_site_words"};
  return r;
}

}  // namespace amable::rules
