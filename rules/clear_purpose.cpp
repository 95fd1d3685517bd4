// clear-purpose (RULES.md R13): the visitor sees at once that they are in the right place:
// descriptive, unique titles; one meaningful h1; meta descriptions; a home page that says
// what is sold. score = 0.35 × titles + 0.25 × h1 + 0.15 × descriptions + 0.25 × home message.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"
#include "text/lexicon.hpp"
#include "text/stemmer.hpp"
#include "text/tokens.hpp"
#include "util/text.hpp"

namespace amable::rules {
namespace {

using model::Site;

std::vector<std::string> title_segments(std::string title) {
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " : ", " \xC2\xB7 ", " \xC2\xBB "})
    for (size_t p; (p = title.find(sep)) != std::string::npos;) title.replace(p, sep.size(), "\x1F");
  std::vector<std::string> out;
  for (auto s : util::split(title, '\x1F'))
    if (!util::trim(s).empty()) out.emplace_back(util::trim(s));
  return out;
}

bool generic(std::string_view text, std::string_view lang) {
  text::Tokens t(text);
  return text::lexicon("clear-purpose").phrases("generic", lang).matches_whole(t, lang);
}

bool stuffed(const std::string& title) {
  size_t separators = 0;
  for (char c : title) separators += (c == '|' || c == ',');
  text::Tokens t(title);
  std::map<std::string, int> counts;
  for (size_t i = 0; i < t.size(); ++i)
    if (t.folded(i).size() > 3 && ++counts[std::string(t.folded(i))] >= 3) return true;
  return separators > 4;
}

// Content words of a text by Snowball stem ("mantas" ~ "manta", "blankets" ~ "blanket"):
// 4+ letters, not function words, navigation words or numbers. Each stem keeps the word as
// written, in text order, for the report.
std::vector<std::pair<std::string, std::string>> content_words(std::string_view text, std::string_view lang) {
  static const std::set<std::string> k_nav = {"home", "inicio", "contact", "contacto", "about", "nosotros", "help", "ayuda",
                                              "cart", "carrito", "login", "account", "cuenta", "blog", "search", "buscar",
                                              "shop", "tienda", "store", "products", "productos", "more", "menu", "news"};
  std::vector<std::pair<std::string, std::string>> out;
  const auto& stop = text::lexicon("stopwords").lines("default", lang);
  text::Tokens t(text);
  for (size_t i = 0; i < t.size(); ++i) {
    const std::string w(t.folded(i));
    if (w.size() < 4 || k_nav.contains(w) || std::find(stop.begin(), stop.end(), w) != stop.end()) continue;
    if (std::all_of(w.begin(), w.end(), [](char c) { return util::is_ascii_digit(c); })) continue;
    out.emplace_back(text::stem(w, lang), std::string(t.original(i)));
  }
  return out;
}

// A heading that names the page's content: "Bikes" on a category page and "Contacto" on the
// contact page do (WCAG 2.4.6 asks headings to describe the topic, not to be long); "Home",
// "Welcome" or a bare number do not.
bool meaningful_h1(const model::PageRecord& p) {
  if (p.facts.h1.empty()) return false;
  const text::Tokens ht(p.facts.h1.front());
  bool word = false;
  for (size_t i = 0; i < ht.size() && !word; ++i) {
    const auto w = ht.folded(i);
    word = w.size() >= 2 && std::any_of(w.begin(), w.end(), [](char c) { return !util::is_ascii_digit(c); });
  }
  return word && !generic(p.facts.h1.front(), p.facts.lang);
}

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  std::map<std::string, size_t> title_count;
  for (const auto& p : site.pages)
    if (p.ok() && !p.facts.title.empty()) ++title_count[p.facts.title];
  double titles = 0, h1s = 0, metas = 0;
  size_t n = 0, duplicates = 0;
  struct TitleProblem {
    std::string url, code;
    nlohmann::json data;
  };
  std::vector<TitleProblem> title_problems;
  nlohmann::json duplicate_pages = nlohmann::json::array();
  for (const auto& p : site.pages) {
    if (!p.ok()) continue;
    ++n;
    const auto& f = p.facts;
    double t = 1;
    TitleProblem why{p.url, "", nlohmann::json::object()};
    if (f.title.empty()) {
      t = 0;
      why.code = "clear-purpose/no-title";
    } else {
      const auto segs = title_segments(f.title);
      const size_t len = util::count_chars(f.title);
      if (!segs.empty() && generic(segs.front(), f.lang)) {
        t *= 0.3;
        why = {p.url, "clear-purpose/generic-title", {{"value", f.title}}};
      } else if (len < 10 || len > 70) {
        t *= 0.6;
        why = {p.url, "clear-purpose/title-length", {{"value", f.title}, {"length", len}}};
      }
      if (stuffed(f.title)) {
        t *= 0.5;
        why = {p.url, "clear-purpose/stuffed-title", {{"value", f.title}}};
      }
      if (title_count[f.title] > 1 && ++duplicates <= 10) duplicate_pages.push_back(p.url);
    }
    titles += t;
    if (t < 1) title_problems.push_back(std::move(why));
    h1s += f.h1.empty() ? 0.0 : meaningful_h1(p) ? 1.0 : 0.5;
    const size_t dlen = util::count_chars(f.meta_description);
    metas += (dlen >= 50 && dlen <= 160) ? 1.0 : dlen > 0 ? 0.5 : 0.0;
  }
  if (n == 0) return engine::RuleOutcome::not_applicable(ctx.say("clear-purpose/not-applicable"));
  const double nd = static_cast<double>(n);
  const double dup_ratio = static_cast<double>(duplicates) / nd;
  const double title_q = titles / nd * (1.0 - 0.5 * dup_ratio);
  // Title points: the duplicates' share, and the rest over the first three pages named.
  const double dup_loss = 0.35 * titles / nd * 0.5 * dup_ratio;
  const double page_loss = 0.35 * (1.0 - titles / nd);
  const size_t shown = std::min<size_t>(title_problems.size(), 3);
  for (size_t i = 0; i < shown; ++i)
    o.problem_on(ctx, title_problems[i].code, title_problems[i].data, title_problems[i].url, page_loss / static_cast<double>(shown), false);
  if (duplicates > 1) o.problem_on(ctx, "clear-purpose/duplicate-titles", {{"count", duplicates}, {"pages", duplicate_pages}}, site.start, dup_loss);
  if (title_q < 1.0) o.lack(ctx, "clear-purpose/lacks-titles");
  const double h1_q = h1s / nd, meta_q = metas / nd;
  if (h1_q < 1.0) {
    o.problem_on(ctx, "clear-purpose/h1", pages_without(site, meaningful_h1), site.start, 0.25 * (1 - h1_q));
    o.lack(ctx, "clear-purpose/lacks-h1");
  }
  if (meta_q < 1.0) {
    o.problem_on(ctx, "clear-purpose/meta", pages_without(site, [](const model::PageRecord& p) {
                   const size_t l = util::count_chars(p.facts.meta_description);
                   return l >= 50 && l <= 160;
                 }), site.start, 0.15 * (1 - meta_q));
    o.lack(ctx, "clear-purpose/lacks-meta");
  }

  // The home page says what is sold: a word of its heading and opening text that also names
  // a category in the navigation or a product.
  double value = 0;
  if (const auto* home = site.home(); home && home->ok()) {
    const auto& pf = home->facts.purpose;
    const std::string lang = home->facts.lang;
    const auto said = content_words(fmt::format("{} {} {} {}", home->facts.h1.empty() ? "" : home->facts.h1.front(), pf.intro, pf.og_description, home->facts.meta_description), lang);
    std::string offered;
    for (const auto& l : pf.nav_labels) offered += l + " ";
    for (const auto& p : pf.product_names) offered += p + " ";
    std::set<std::string> catalogue;
    for (auto& [stem, word] : content_words(offered, lang)) catalogue.insert(std::move(stem));
    std::string shared;
    for (const auto& [stem, word] : said)
      if (catalogue.contains(stem)) {
        shared = word;
        break;
      }
    value = !shared.empty() ? 1.0 : pf.benefit ? 0.5 : 0.0;
    const double before = value;
    if (pf.maker_opener) value = std::max(0.0, value - 0.5);
    if (pf.maker_opener) {
      o.problem_on(ctx, "clear-purpose/maker-opener", {}, home->url, 0.25 * (before - value), false);
      o.lack(ctx, "clear-purpose/lacks-visitor-opening");
    }
    if (shared.empty()) {
      o.problem_on(ctx, "clear-purpose/no-purpose", {}, home->url, 0.25 * (1.0 - before), false);
      o.lack(ctx, "clear-purpose/lacks-purpose");
    } else {
      o.evidence_on(ctx, "clear-purpose/purpose", {{"value", shared}}, home->url).evidence =
          home->facts.h1.empty() ? util::truncate_chars(pf.intro, 160) : home->facts.h1.front();
    }
  }
  o.hold(ctx, "clear-purpose/holds-parts", {{"titles", std::lround(title_q * 100)}, {"headings", std::lround(h1_q * 100)},
                                             {"descriptions", std::lround(meta_q * 100)}, {"home", std::lround(value * 100)}});
  o.score = 0.35 * title_q + 0.25 * h1_q + 0.15 * meta_q + 0.25 * value;
  return o;
}

}  // namespace

engine::Rule clear_purpose_rule() {
  engine::Rule r;
  r.meta.id = "clear-purpose";
  r.meta.title = {"Visitors see at once that they are in the right place", "El visitante ve enseguida que está en el sitio correcto"};
  r.meta.warn_title = {"Visitors can tell where they are, with some effort", "El visitante sabe dónde está, con algo de esfuerzo"};
  r.meta.failure_title = {"Titles and headings do not say what the shop offers", "Títulos y encabezados no dicen qué ofrece la tienda"};
  r.meta.description = {"\"Let them know they are in the right place... use easy-to-understand titles.\" A home page that names what is sold, and pages with their own titles (WCAG 2.4.2), answer \"is this the right place?\" in a glance.",
                        "\"Hazle saber que está en el sitio correcto... usa títulos fáciles de entender.\" Un inicio que nombra lo que se vende y páginas con título propio (WCAG 2.4.2) responden de un vistazo."};
  r.meta.fix = {"Say in the home-page headline what you sell and for whom (e.g. 'Handmade leather bags - free delivery in Spain'), and give every page its own descriptive title and meta description.",
                "Di en el titular del inicio qué vendes y para quién (p. ej. 'Bolsos de piel hechos a mano - envío gratis en España') y da a cada página su título y descripción."};
  grade_bilingual(r, model::Category::clarity, 6, "major", &check);
  return r;
}

}  // namespace amable::rules
