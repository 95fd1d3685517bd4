// HTML: one self-contained file a consultant hands to a shop owner. Inline CSS and SVG, no
// script, no network, no external fonts. The shop's name and the date on top, then the summary
// and what to do first; every rule is a collapsed <details> card, failing ones first, each fix
// said once. It reads on a phone (down to 360 px, no sideways scroll), prints starting with
// the summary, and every badge and text meets WCAG AA contrast (4.5:1). Everything that came
// from the site or the report goes through esc(), and only http(s) URLs become links.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "reports/html_style.hpp"
#include "reports/labels.hpp"
#include "reports/writer.hpp"
#include "util/text.hpp"

namespace amable::reports {
namespace {

std::string esc(std::string_view s) {
  std::string out;
  for (char c : util::strip_control(s)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string page_link(std::string_view url) {
  if (util::istarts_with(url, "http://") || util::istarts_with(url, "https://"))
    return fmt::format("<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>", esc(url), esc(url));
  return "<code>" + esc(url) + "</code>";
}

std::string status_class(model::Status s) {
  switch (s) {
    case model::Status::pass: return "pass";
    case model::Status::warn: return "warn";
    case model::Status::fail:
    case model::Status::error: return "fail";
    default: return "na";
  }
}

// Failing rules first, then warnings, then passes, then the rest; within each, the biggest gain.
int status_rank(model::Status s) {
  switch (s) {
    case model::Status::fail:
    case model::Status::error: return 0;
    case model::Status::warn: return 1;
    case model::Status::pass: return 2;
    default: return 3;
  }
}

// A ring gauge: the arc's length is the score.
std::string gauge(std::optional<int> score, const std::string& label) {
  const double circumference = 2 * 3.14159265358979 * 52;
  const double filled = score ? circumference * *score / 100.0 : 0;
  return fmt::format(
      "<svg class=\"gauge\" viewBox=\"0 0 120 120\" role=\"img\" aria-label=\"{0}\">"
      "<circle cx=\"60\" cy=\"60\" r=\"52\" fill=\"none\" stroke=\"#e6e8eb\" stroke-width=\"12\"/>"
      "<circle cx=\"60\" cy=\"60\" r=\"52\" fill=\"none\" stroke=\"{1}\" stroke-width=\"12\" stroke-linecap=\"round\" "
      "stroke-dasharray=\"{2:.1f} {3:.1f}\" transform=\"rotate(-90 60 60)\"/>"
      "<text x=\"60\" y=\"70\" text-anchor=\"middle\" font-size=\"32\" font-weight=\"700\" fill=\"#1f2328\">{4}</text></svg>",
      esc(label), score_colour(score), filled, circumference, score_text(score));
}

std::string bar(std::optional<int> score) {
  return fmt::format("<span class=\"bar\" aria-hidden=\"true\"><span style=\"width:{}%;background:{}\"></span></span>", score.value_or(0),
                     score_colour(score));
}

// "2 December 2026" / "2 de diciembre de 2026" from the report's ISO 8601 time.
std::string long_date(std::string_view iso, bool es) {
  if (iso.size() < 10) return std::string(iso);
  static constexpr const char* k_en[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
  static constexpr const char* k_es[] = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"};
  const int year = std::atoi(std::string(iso.substr(0, 4)).c_str()), month = std::atoi(std::string(iso.substr(5, 2)).c_str()),
            day = std::atoi(std::string(iso.substr(8, 2)).c_str());
  if (month < 1 || month > 12) return std::string(iso.substr(0, 10));
  return es ? fmt::format("{} de {} de {}", day, k_es[month - 1], year) : fmt::format("{} {} {}", day, k_en[month - 1], year);
}

std::string rule_card(const model::RuleReport& rule, bool es) {
  auto t = [es](std::string_view en, std::string_view sp) { return std::string(es ? sp : en); };
  std::string out = fmt::format(
      "<details class=\"rule {0}\" id=\"rule-{1}\"><summary><span class=\"badge {0}\">{2}</span> <span class=\"title\">{3}</span>"
      "<span class=\"score\">{4}</span></summary>\n<div class=\"body\">\n",
      status_class(rule.status), esc(rule.id), esc(status_label(rule.status, es)), esc(rule.title),
      rule.score ? fmt::format("{}/100", *rule.score) : std::string("&ndash;"));
  if (!rule.summary.empty()) out += "<p>" + esc(rule.summary) + "</p>\n";
  if (const auto why = why_not_100(rule); !why.empty())
    out += "<p class=\"note\"><strong>" + t("Why not 100:", "Por qué no 100:") + "</strong> " + esc(why) + "</p>\n";
  if (!rule.fix.empty()) out += "<div class=\"fix\"><strong>" + t("What to do:", "Qué hacer:") + "</strong> " + esc(rule.fix) + "</div>\n";
  std::string items;
  size_t shown = 0, hidden = 0;
  for (const auto& f : rule.findings) {
    if (f.suppressed) continue;  // known from the baseline; counted at the top
    if (++shown > 12) {
      ++hidden;
      continue;
    }
    items += "<li>" + (f.site_wide ? esc(place_of(f, es)) : page_link(f.url)) + ": " + esc(f.message);
    if (!f.evidence.empty() && f.evidence != f.message) items += "<blockquote>" + esc(util::truncate_chars(f.evidence, 300)) + "</blockquote>";
    items += "</li>\n";
  }
  if (hidden) items += fmt::format("<li class=\"muted\">\xE2\x80\xA6 {} {}</li>\n", hidden, t("more in the JSON report", "más en el informe JSON"));
  if (!items.empty()) out += "<ul class=\"findings\">\n" + items + "</ul>\n";
  if (!rule.description.empty())
    out += "<p class=\"muted\"><strong>" + t("Why it matters:", "Por qué importa:") + "</strong> " + esc(rule.description) + "</p>\n";
  out += fmt::format("<p class=\"muted small\"><code>{}</code> \xC2\xB7 {} {:g}</p>\n", esc(rule.id), t("weight", "peso"), rule.weight);
  return out + "</div></details>\n";
}

}  // namespace

std::string write_html(const model::Report& r, const WriteOptions&) {
  const bool es = r.report_language == "es";
  auto t = [es](std::string_view en, std::string_view sp) { return std::string(es ? sp : en); };
  // The shop's name, never a local path: a folder audit names the folder, not where it lies.
  std::string name = r.shop.name;
  if (name.empty()) name = util::istarts_with(r.target, "http") ? r.target : std::string(util::split(r.target, '/').back());
  const bool live = util::istarts_with(r.target, "http://") || util::istarts_with(r.target, "https://");

  std::string out;
  out += fmt::format("<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
                     "<title>amable: {}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
                     es ? "es" : "en", esc(name), html_css());

  // Who and when, then the score and what it means.
  size_t fails = 0, warns = 0, passes = 0;
  for (const auto& rule : r.rules) {
    fails += rule.status == model::Status::fail || rule.status == model::Status::error;
    warns += rule.status == model::Status::warn;
    passes += rule.status == model::Status::pass;
  }
  out += "<header class=\"top\">" + gauge(r.score, t("Score", "Puntuación")) + "<div class=\"who\">";
  out += fmt::format("<p class=\"kicker\">{}</p><h1>{}</h1>", t("Customer-friendliness audit", "Auditoría de amabilidad"), esc(name));
  out += fmt::format("<p class=\"muted\">{}{}</p>", live ? page_link(r.target) + " \xC2\xB7 " : std::string(), esc(long_date(r.started_at, es)));
  out += fmt::format("<p class=\"grade\">{} {}/100 \xC2\xB7 {}</p>", t("Score", "Puntuación"), score_text(r.score), esc(grade_text(r.grade, es)));
  out += fmt::format("<p>{}</p>", es ? fmt::format("{} reglas se cumplen, {} con avisos, {} fallan.", passes, warns, fails)
                                      : fmt::format("{} rules pass, {} warn, {} fail.", passes, warns, fails));
  out += fmt::format("<p class=\"muted small\">{} {} \xC2\xB7 {} {} %{}</p>", r.pages.size(), t("pages read", "páginas leídas"),
                     t("coverage", "cobertura"), static_cast<int>(std::lround(r.coverage * 100)), r.provisional ? " (provisional)" : "");
  out += "</div></header>\n";
  for (const auto& c : r.caps) out += "<p class=\"cap\">" + esc(c) + "</p>\n";
  if (r.baseline) out += "<p class=\"cap\">" + esc(baseline_line(r, es)) + "</p>\n";
  for (const auto& g : r.failed_gates) out += "<p class=\"gate\"><strong>" + t("Failed gate:", "Umbral no superado:") + "</strong> " + esc(g) + "</p>\n";

  // What to do first: the rules with the most points to win, each named once (its fix is in
  // its card).
  std::vector<const model::RuleReport*> gains;
  for (const auto& rule : r.rules)
    if (rule.score && *rule.score < 90) gains.push_back(&rule);
  out += "<section class=\"card first\"><h2>" + t("What to do first", "Qué hacer primero") + "</h2>\n";
  if (gains.empty()) {
    out += "<p>" + t("Nothing left to gain: every scored rule passes.", "No queda nada por mejorar: todas las reglas puntuadas se cumplen.") + "</p>\n";
  } else {
    out += "<ol>\n";
    for (size_t i = 0; i < gains.size() && i < 5; ++i) {
      const auto& rule = *gains[i];
      const double gain = rule.weight * (100 - *rule.score) / 100.0;
      out += fmt::format("<li><a href=\"#rule-{}\">{}</a> <span class=\"muted\">{}</span></li>\n", esc(rule.id), esc(rule.title),
                         es ? fmt::format("(hasta {:.0f} puntos más)", gain) : fmt::format("(up to {:.0f} points)", gain));
    }
    out += "</ol>\n";
  }
  out += "</section>\n";

  out += "<section class=\"card\"><h2>" + t("Categories", "Categorías") + "</h2>\n<table class=\"cats\">\n";
  for (const auto& c : r.categories)
    out += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td></tr>\n", esc(c.title), score_text(c.score), bar(c.score));
  out += "</table></section>\n";

  out += "<h2>" + t("Rules", "Reglas") + "</h2>\n<p class=\"muted small\">" +
         t("Open a rule to see what was found, where, and what to do.", "Abre una regla para ver qué se encontró, dónde y qué hacer.") + "</p>\n";
  std::vector<const model::RuleReport*> order;
  for (const auto& rule : r.rules) order.push_back(&rule);
  std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) { return status_rank(a->status) < status_rank(b->status); });
  for (const auto* rule : order) out += rule_card(*rule, es);

  // What the numbers mean.
  out += "<section class=\"card glossary\"><h2>" + t("How to read this report", "Cómo leer este informe") + "</h2><dl>\n";
  out += "<dt>" + t("Score", "Puntuación") + "</dt><dd>" +
         t("0-100 per rule; the overall score is their mean weighted by importance. A rule passes from 90, warns from 50, fails below.",
           "De 0 a 100 por regla; la global es su media ponderada por importancia. Una regla se cumple desde 90, avisa desde 50 y falla por debajo.") +
         "</dd>\n";
  out += "<dt>" + t("Weight", "Peso") + "</dt><dd>" +
         t("How much a rule counts in the overall score; all weights add up to 100.", "Cuánto cuenta una regla en la puntuación global; todos los pesos suman 100.") + "</dd>\n";
  out += "<dt>" + t("Coverage", "Cobertura") + "</dt><dd>" +
         t("The share of the weight that could be judged; rules that do not apply or cannot be judged from the pages count for nothing.",
           "La parte del peso que se pudo juzgar; las reglas que no aplican o no se pueden juzgar con las páginas no cuentan.") + "</dd>\n";
  out += "</dl></section>\n";

  out += "<h2>" + t("Pages read", "Páginas leídas") + "</h2>\n<section class=\"card pages\"><table>\n";
  out += fmt::format("<tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr>\n", t("Page", "Página"), t("Status", "Estado"),
                     t("Clicks", "Clics"), t("Title or error", "Título o error"));
  size_t listed = 0;
  for (const auto& p : r.pages) {
    if (++listed > 500) {
      out += fmt::format("<tr><td colspan=\"4\" class=\"muted\">\xE2\x80\xA6 {} {}</td></tr>\n", r.pages.size() - 500, t("more in the JSON report", "más en el informe JSON"));
      break;
    }
    out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n", page_link(p.url),
                       p.status ? std::to_string(p.status) : "-", p.depth >= 0 ? std::to_string(p.depth) : "-",
                       p.error ? "<strong>" + esc(*p.error) + "</strong>" : esc(p.title));
  }
  out += "</table></section>\n";
  if (!r.errors.empty()) {
    out += "<h2>" + t("Errors", "Errores") + "</h2>\n<section class=\"card\"><ul>\n";
    for (const auto& e : r.errors) out += "<li>" + page_link(e.url) + ": " + esc(e.error) + "</li>\n";
    out += "</ul></section>\n";
  }
  if (!r.notes.empty()) {
    out += "<h2>" + t("Notes", "Notas") + "</h2>\n<section class=\"card\"><ul>\n";
    for (const auto& n : r.notes) out += "<li>" + esc(n) + "</li>\n";
    out += "</ul></section>\n";
  }
  out += fmt::format("<footer>amable {} \xC2\xB7 {}</footer>\n</main>\n</body>\n</html>\n", esc(r.tool_version), esc(r.started_at));
  return out;
}

}  // namespace amable::reports
