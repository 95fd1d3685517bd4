// clear-purpose (RULES.md R13): the visitor sees at once that they are in the right place:
// descriptive, unique titles; one meaningful h1; meta descriptions; a home page that says
// what is sold. score = 0.35 × titles + 0.25 × h1 + 0.15 × descriptions + 0.25 × home message.
#include <fmt/format.h>

#include <algorithm>
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

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  std::map<std::string, size_t> title_count;
  for (const auto& p : site.pages)
    if (p.ok() && !p.facts.title.empty()) ++title_count[p.facts.title];
  double titles = 0, h1s = 0, metas = 0;
  size_t n = 0, duplicates = 0, problems = 0;
  for (const auto& p : site.pages) {
    if (!p.ok()) continue;
    ++n;
    const auto& f = p.facts;
    double t = 1;
    std::string why;
    if (f.title.empty()) {
      t = 0;
      why = ctx.t("The page has no <title>.", "La página no tiene <title>.");
    } else {
      const auto segs = title_segments(f.title);
      const size_t len = util::count_chars(f.title);
      if (!segs.empty() && generic(segs.front(), f.lang)) {
        t *= 0.3;
        why = ctx.t(fmt::format("Generic title \"{}\": say what the page offers.", f.title), fmt::format("Título genérico \"{}\": di qué ofrece la página.", f.title));
      } else if (len < 10 || len > 70) {
        t *= 0.6;
        why = ctx.t(fmt::format("Title of {} characters: aim for 10-70.", len), fmt::format("Título de {} caracteres: mejor entre 10 y 70.", len));
      }
      if (stuffed(f.title)) {
        t *= 0.5;
        why = ctx.t("The title looks keyword-stuffed.", "El título parece relleno de palabras clave.");
      }
      if (title_count[f.title] > 1) ++duplicates;
    }
    titles += t;
    if (t < 1 && problems++ < 3) o.findings.push_back(page_finding(p.url, why));
    double h = 0;
    if (!f.h1.empty()) {
      text::Tokens ht(f.h1.front());
      h = (ht.size() >= 2 && !generic(f.h1.front(), f.lang)) ? 1.0 : 0.5;
    }
    h1s += h;
    const size_t dlen = util::count_chars(f.meta_description);
    metas += (dlen >= 50 && dlen <= 160) ? 1.0 : dlen > 0 ? 0.5 : 0.0;
  }
  if (n == 0) return engine::RuleOutcome::not_applicable(ctx.t("No page could be read.", "No se pudo leer ninguna página."));
  const double dup_ratio = static_cast<double>(duplicates) / static_cast<double>(n);
  const double title_q = titles / static_cast<double>(n) * (1.0 - 0.5 * dup_ratio);
  if (duplicates > 1)
    o.findings.push_back(page_finding(site.start, ctx.t(fmt::format("{} pages share their title with another page: give each its own.", duplicates),
                                                        fmt::format("{} páginas comparten título con otra: da a cada una el suyo.", duplicates))));
  const double h1_q = h1s / static_cast<double>(n), meta_q = metas / static_cast<double>(n);
  if (h1_q < 0.9) o.findings.push_back(page_finding(site.start, ctx.t(fmt::format("Only {} of the pages have a meaningful h1 heading.", percent(h1_q)), fmt::format("Solo el {} de las páginas tiene un h1 con sentido.", percent(h1_q)))));
  if (meta_q < 0.9) o.findings.push_back(page_finding(site.start, ctx.t(fmt::format("Meta descriptions cover {} of the pages (50-160 characters each).", percent(meta_q)), fmt::format("Las meta descripciones cubren el {} de las páginas (50-160 caracteres).", percent(meta_q)))));

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
    if (pf.maker_opener) {
      value = std::max(0.0, value - 0.5);
      o.findings.push_back(page_finding(home->url, ctx.t("The home page opens by talking about the company (\"Welcome to our website\"): open with what the visitor gets.",
                                                         "El inicio empieza hablando de la empresa (\"Bienvenidos a nuestra web\"): empieza por lo que obtiene el visitante.")));
    }
    if (shared.empty())
      o.findings.push_back(page_finding(home->url, ctx.t("The home page's heading and first lines do not say what the shop sells.",
                                                         "El titular y las primeras líneas del inicio no dicen qué vende la tienda.")));
    else {
      model::Finding f = page_finding(home->url, ctx.t(fmt::format("The home page names what it sells (\"{}\").", shared), fmt::format("El inicio nombra lo que vende (\"{}\").", shared)), "evidence");
      f.evidence = home->facts.h1.empty() ? util::truncate_chars(pf.intro, 160) : home->facts.h1.front();
      o.findings.push_back(std::move(f));
    }
  }
  o.score = 0.35 * title_q + 0.25 * h1_q + 0.15 * meta_q + 0.25 * value;
  o.summary = ctx.t(fmt::format("Titles {:.0f}/100, headings {:.0f}/100, descriptions {:.0f}/100, home message {:.0f}/100.", title_q * 100, h1_q * 100, meta_q * 100, value * 100),
                    fmt::format("Títulos {:.0f}/100, encabezados {:.0f}/100, descripciones {:.0f}/100, mensaje del inicio {:.0f}/100.", title_q * 100, h1_q * 100, meta_q * 100, value * 100));
  return o;
}

}  // namespace

engine::Rule clear_purpose_rule() {
  engine::Rule r;
  r.meta.id = "clear-purpose";
  r.meta.title = {"Visitors see at once that they are in the right place", "El visitante ve enseguida que está en el sitio correcto"};
  r.meta.failure_title = {"Titles and headings do not say what the shop offers", "Títulos y encabezados no dicen qué ofrece la tienda"};
  r.meta.description = {"\"Let them know they are in the right place... use easy-to-understand titles.\" A home page that names what is sold, and pages with their own titles (WCAG 2.4.2), answer \"is this the right place?\" in a glance.",
                        "\"Hazle saber que está en el sitio correcto... usa títulos fáciles de entender.\" Un inicio que nombra lo que se vende y páginas con título propio (WCAG 2.4.2) responden de un vistazo."};
  r.meta.fix = {"Say in the home-page headline what you sell and for whom (e.g. 'Handmade leather bags - free delivery in Spain'), and give every page its own descriptive title and meta description.",
                "Di en el titular del inicio qué vendes y para quién (p. ej. 'Bolsos de piel hechos a mano - envío gratis en España') y da a cada página su título y descripción."};
  grade_bilingual(r, model::Category::clarity, 6, "major", &check);
  return r;
}

}  // namespace amable::rules
