// Markdown: for a pull-request comment or a wiki page. Summary table, categories, every rule
// in a table, then the failing and warning rules with their fix and findings. Site text is
// escaped so that a page cannot inject links, HTML or table cells.
#include <fmt/format.h>

#include "reports/escape.hpp"
#include "reports/labels.hpp"
#include "reports/writer.hpp"
#include "util/text.hpp"

namespace amable::reports {
namespace {

std::string md(std::string_view s) { return markdown_text(s); }

// A page: a link when it is a web URL (parentheses and spaces encoded), escaped text otherwise.
std::string page_ref(std::string_view url) {
  if (!util::istarts_with(url, "http://") && !util::istarts_with(url, "https://")) return md(url);
  std::string target;
  for (char c : url) {
    if (c == '(' || c == ')' || c == ' ' || c == '<' || c == '>' || static_cast<unsigned char>(c) < 0x20)
      target += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else
      target += c;
  }
  return "[" + md(url) + "](" + target + ")";
}

}  // namespace

std::string write_markdown(const model::Report& r, const WriteOptions&) {
  const bool es = r.report_language == "es";
  std::string out;
  out += fmt::format("## amable: {}\n\n", md(r.shop.name.empty() ? r.target : r.shop.name));
  out += fmt::format("| {} | {} | {} | {} |\n|---:|---|---:|---:|\n", es ? "Puntuación" : "Score", es ? "Nota" : "Grade",
                     es ? "Cobertura" : "Coverage", es ? "Páginas" : "Pages");
  out += fmt::format("| **{}**/100{} | {} | {} % | {} |\n\n", score_text(r.score), r.provisional ? " (provisional)" : "",
                     grade_text(r.grade, es), static_cast<int>(r.coverage * 100 + 0.5), r.pages.size());
  for (const auto& c : r.caps) out += "> " + md(c) + "\n";
  for (const auto& g : r.failed_gates) out += "> **" + std::string(es ? "Umbral no superado" : "Failed gate") + ":** " + md(g) + "\n";
  if (r.baseline) out += "> " + md(baseline_line(r, es)) + "\n";
  if (!r.caps.empty() || !r.failed_gates.empty() || r.baseline) out += "\n";

  out += fmt::format("| {} | {} |\n|---|---:|\n", es ? "Categoría" : "Category", es ? "Puntuación" : "Score");
  for (const auto& c : r.categories) out += fmt::format("| {} | {} |\n", md(c.title), score_text(c.score));

  out += fmt::format("\n### {}\n\n| | {} | {} | {} |\n|---|---|---:|---|\n", es ? "Reglas, mayores mejoras primero" : "Rules, biggest gains first",
                     es ? "Regla" : "Rule", es ? "Puntuación" : "Score", es ? "Resultado" : "Result");
  for (const auto& rule : r.rules)
    out += fmt::format("| {} | `{}` | {} | {} |\n", status_label(rule.status, es), rule.id, score_text(rule.score), md(rule.title));

  bool heading = false;
  for (const auto& rule : r.rules) {
    if (rule.status != model::Status::fail && rule.status != model::Status::warn) continue;
    if (!heading) {
      out += fmt::format("\n### {}\n", es ? "Qué mejorar" : "What to fix");
      heading = true;
    }
    out += fmt::format("\n#### {} `{}`: {}\n\n", status_label(rule.status, es), rule.id, md(rule.title));
    if (!rule.summary.empty()) out += md(rule.summary) + "\n\n";
    if (const auto why = why_not_100(rule); !why.empty())
      out += "*" + std::string(es ? "Por qué no 100:" : "Why not 100:") + "* " + md(why) + "\n\n";
    size_t shown = 0;
    for (const auto& f : rule.findings) {
      if (!worth_showing(rule, f) || ++shown > 5) continue;
      out += "- " + (f.site_wide ? md(place_of(f, es)) : page_ref(f.url)) + ": " + md(f.message);
      if (!f.evidence.empty() && f.evidence != f.message) out += " \xE2\x80\x94 \xC2\xAB" + md(util::truncate_chars(f.evidence, 160)) + "\xC2\xBB";
      out += "\n";
    }
    if (shown > 5) out += fmt::format("- \xE2\x80\xA6 {} {}\n", shown - 5, es ? "más" : "more");
    if (!rule.fix.empty()) out += fmt::format("\n**{}** {}\n", es ? "Qué hacer:" : "Fix:", md(rule.fix));
  }

  if (!r.errors.empty()) {
    out += fmt::format("\n### {}\n\n", es ? "Páginas con error" : "Pages with errors");
    size_t n = 0;
    for (const auto& e : r.errors) {
      if (++n > 20) {
        out += fmt::format("- \xE2\x80\xA6 {} {}\n", r.errors.size() - 20, es ? "más" : "more");
        break;
      }
      out += "- " + page_ref(e.url) + ": " + md(e.error) + "\n";
    }
  }
  out += fmt::format("\n<sub>amable {} \xC2\xB7 {}</sub>\n", md(r.tool_version), md(r.started_at));
  return out;
}

}  // namespace amable::reports
