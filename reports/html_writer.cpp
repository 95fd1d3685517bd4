// HTML: one self-contained file a consultant hands to a shop owner. Inline CSS and SVG, no
// script, no network, no external fonts; prints well. Everything that came from the site or the
// report goes through esc(), and only http(s) URLs become links.
#include <fmt/format.h>

#include <cmath>

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

std::string colour_for(std::optional<int> score) {
  if (!score) return "#8a8f98";
  return *score >= 90 ? "#1a7f37" : *score >= 50 ? "#b7791f" : "#c62828";
}

// A ring gauge: the arc's length is the score.
std::string gauge(std::optional<int> score, const std::string& label) {
  const double circumference = 2 * 3.14159265358979 * 52;
  const double filled = score ? circumference * *score / 100.0 : 0;
  return fmt::format(
      "<svg class=\"gauge\" viewBox=\"0 0 120 120\" width=\"140\" height=\"140\" role=\"img\" aria-label=\"{0}\">"
      "<circle cx=\"60\" cy=\"60\" r=\"52\" fill=\"none\" stroke=\"#e6e8eb\" stroke-width=\"12\"/>"
      "<circle cx=\"60\" cy=\"60\" r=\"52\" fill=\"none\" stroke=\"{1}\" stroke-width=\"12\" stroke-linecap=\"round\" "
      "stroke-dasharray=\"{2:.1f} {3:.1f}\" transform=\"rotate(-90 60 60)\"/>"
      "<text x=\"60\" y=\"68\" text-anchor=\"middle\" font-size=\"30\" font-weight=\"700\" fill=\"#1f2328\">{4}</text></svg>",
      esc(label), colour_for(score), filled, circumference, score_text(score));
}

std::string bar(std::optional<int> score) {
  return fmt::format("<span class=\"bar\"><span style=\"width:{}%;background:{}\"></span></span>", score.value_or(0), colour_for(score));
}

constexpr std::string_view k_css = R"(
:root{color-scheme:light}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0;background:#f6f8fa}
main{max-width:960px;margin:0 auto;padding:24px}
header.top{display:flex;gap:24px;align-items:center;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:20px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}h3{font-size:16px;margin:0}
.muted{color:#57606a}.grade{font-size:18px;font-weight:600}
section.card,article.rule{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px;margin:10px 0}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:4px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}
th{font-weight:600}.num{text-align:right;white-space:nowrap}
.bar{display:inline-block;width:160px;height:10px;background:#eaeef2;border-radius:5px;overflow:hidden;vertical-align:middle}
.bar span{display:block;height:100%}
.badge{display:inline-block;min-width:48px;text-align:center;border-radius:4px;padding:1px 6px;font-size:12px;font-weight:700;color:#fff}
.badge.pass{background:#1a7f37}.badge.warn{background:#b7791f}.badge.fail{background:#c62828}.badge.na{background:#8a8f98}
article.rule header{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.fix{background:#f0f7ff;border-left:4px solid #0969da;padding:8px 12px;margin:8px 0}
.cap{background:#fff8e1;border-left:4px solid #b7791f;padding:6px 12px;margin:6px 0}
.gate{background:#ffebe9;border-left:4px solid #c62828;padding:6px 12px;margin:6px 0}
blockquote{margin:4px 0 4px 0;padding:2px 10px;border-left:3px solid #d0d7de;color:#3d444d;overflow-wrap:anywhere}
ul.findings{padding-left:18px}ul.findings li{margin:6px 0}code{overflow-wrap:anywhere;font-size:13px}
footer{margin:24px 0;color:#57606a;font-size:13px}
@media print{body{background:#fff}main{padding:0}section.card,article.rule,header.top{break-inside:avoid;border-color:#999}a{color:#000}}
)";

}  // namespace

std::string write_html(const model::Report& r, const WriteOptions&) {
  const bool es = r.report_language == "es";
  auto t = [es](std::string_view en, std::string_view sp) { return std::string(es ? sp : en); };
  std::string out;
  out += fmt::format("<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
                     "<title>amable: {}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
                     es ? "es" : "en", esc(r.target), k_css);

  // Score, grade, coverage.
  out += "<header class=\"top\">" + gauge(r.score, t("Score", "Puntuación")) + "<div>";
  out += fmt::format("<h1>{} {}</h1>", t("Customer-friendliness of", "Amabilidad de"), esc(r.target));
  out += fmt::format("<div class=\"grade\">{} {}/100 \xC2\xB7 {}</div>", t("Score", "Puntuación"), score_text(r.score), esc(grade_text(r.grade, es)));
  out += fmt::format("<div class=\"muted\">{} {} \xC2\xB7 {} {} % {} \xC2\xB7 {} {}</div>", r.pages.size(), t("pages read", "páginas leídas"),
                     t("coverage", "cobertura"), static_cast<int>(std::lround(r.coverage * 100)),
                     r.provisional ? "(provisional)" : "", t("language", "idioma"), esc(r.language.empty() ? "?" : r.language));
  out += "</div></header>\n";
  for (const auto& c : r.caps) out += "<p class=\"cap\">" + esc(c) + "</p>\n";
  if (r.baseline) out += "<p class=\"cap\">" + esc(baseline_line(r, es)) + "</p>\n";
  for (const auto& g : r.failed_gates) out += "<p class=\"gate\"><strong>" + t("Failed gate:", "Umbral no superado:") + "</strong> " + esc(g) + "</p>\n";

  // Categories.
  out += "<h2>" + t("Categories", "Categorías") + "</h2>\n<section class=\"card\"><table>\n";
  for (const auto& c : r.categories)
    out += fmt::format("<tr><th>{}</th><td class=\"num\">{}</td><td>{}</td></tr>\n", esc(c.title), score_text(c.score), bar(c.score));
  out += "</table></section>\n";

  // Biggest gains first.
  out += "<h2>" + t("Biggest gains first", "Mayores mejoras primero") + "</h2>\n<section class=\"card\"><ol>\n";
  size_t gains = 0;
  for (const auto& rule : r.rules) {
    if (!rule.score || *rule.score >= 90) continue;
    const double gain = rule.weight * (100 - *rule.score) / 100.0;
    out += fmt::format("<li><a href=\"#rule-{}\">{}</a> \xE2\x80\x94 {} <span class=\"muted\">(+{:.1f} {})</span></li>\n", esc(rule.id), esc(rule.title),
                       esc(rule.fix), gain, t("points possible", "puntos posibles"));
    ++gains;
  }
  if (gains == 0) out += "<li>" + t("Nothing left to gain: every scored rule passes.", "No queda nada por mejorar: todas las reglas puntuadas se cumplen.") + "</li>\n";
  out += "</ol></section>\n";

  // Every rule.
  out += "<h2>" + t("Rules", "Reglas") + "</h2>\n";
  for (const auto& rule : r.rules) {
    out += fmt::format("<article class=\"rule\" id=\"rule-{}\"><header><span class=\"badge {}\">{}</span><h3>{}</h3>"
                       "<span class=\"muted\">{} \xC2\xB7 {}/100 \xC2\xB7 {} {:g}</span></header>\n",
                       esc(rule.id), status_class(rule.status), esc(status_label(rule.status, es)), esc(rule.title), esc(rule.id),
                       score_text(rule.score), t("weight", "peso"), rule.weight);
    if (!rule.summary.empty()) out += "<p>" + esc(rule.summary) + "</p>\n";
    if (!rule.description.empty()) out += "<p class=\"muted\"><strong>" + t("Why it matters:", "Por qué importa:") + "</strong> " + esc(rule.description) + "</p>\n";
    if (rule.status != model::Status::pass && rule.scored() && !rule.fix.empty())
      out += "<div class=\"fix\"><strong>" + t("Fix:", "Qué hacer:") + "</strong> " + esc(rule.fix) + "</div>\n";
    std::string items;
    size_t shown = 0, hidden = 0;
    for (const auto& f : rule.findings) {
      if (f.suppressed) continue;  // known from the baseline; counted at the top
      if (++shown > 12) {
        ++hidden;
        continue;
      }
      items += "<li>" + page_link(f.url) + ": " + esc(f.message);
      if (!f.evidence.empty() && f.evidence != f.message) items += "<blockquote>" + esc(util::truncate_chars(f.evidence, 300)) + "</blockquote>";
      if (!f.selector.empty()) items += " <span class=\"muted\"><code>" + esc(f.selector) + "</code></span>";
      items += "</li>\n";
    }
    if (hidden) items += fmt::format("<li class=\"muted\">\xE2\x80\xA6 {} {}</li>\n", hidden, t("more in the JSON report", "más en el informe JSON"));
    if (!items.empty()) out += "<ul class=\"findings\">\n" + items + "</ul>\n";
    out += "</article>\n";
  }

  // Pages.
  out += "<h2>" + t("Pages read", "Páginas leídas") + "</h2>\n<section class=\"card\"><table>\n";
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
  out += fmt::format("<footer>amable {} \xC2\xB7 {} \xC2\xB7 {}</footer>\n</main>\n</body>\n</html>\n", esc(r.tool_version), esc(r.started_at),
                     t("scores: pass 90 and above, warn 50-89, fail below 50", "puntuación: bien desde 90, aviso 50-89, fallo por debajo de 50"));
  return out;
}

}  // namespace amable::reports
