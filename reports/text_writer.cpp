// Text: for a terminal. Score and grade, category scores, then every rule with the biggest
// possible gain first: status, score, summary, its most useful findings and its fix.
// Site content is stripped of control characters so a page cannot drive the terminal.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "reports/escape.hpp"
#include "reports/labels.hpp"
#include "reports/writer.hpp"
#include "util/text.hpp"

namespace amable::reports {
namespace {

struct Style {
  bool on;
  std::string wrap(std::string_view code, std::string_view s) const {
    if (!on) return std::string(s);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
  }
  std::string bold(std::string_view s) const { return wrap("1", s); }
  std::string dim(std::string_view s) const { return wrap("2", s); }
  std::string red(std::string_view s) const { return wrap("31", s); }
  std::string green(std::string_view s) const { return wrap("32", s); }
  std::string yellow(std::string_view s) const { return wrap("33", s); }
};

// Everything read from the report goes through here: site text, and under `render` any field
// of a JSON file someone handed over.
std::string clean(std::string_view s) { return one_line(s); }

std::string colour_status(const Style& st, model::Status s, bool es) {
  const std::string label = fmt::format("{:<5}", status_label(s, es));
  switch (s) {
    case model::Status::pass: return st.green(label);
    case model::Status::warn: return st.yellow(label);
    case model::Status::fail:
    case model::Status::error: return st.red(label);
    default: return st.dim(label);
  }
}

std::string bar(std::optional<int> score) {
  if (!score) return std::string(20, ' ');
  const int full = static_cast<int>(std::lround(*score / 5.0));
  std::string out;
  for (int i = 0; i < 20; ++i) out += i < full ? "\xE2\x96\x88" : "\xC2\xB7";
  return out;
}

}  // namespace

std::string write_text(const model::Report& r, const WriteOptions& o) {
  const Style st{o.color};
  const bool es = r.report_language == "es";
  std::string out;
  size_t failed_pages = 0;
  for (const auto& p : r.pages)
    if (p.error) ++failed_pages;

  out += st.bold(fmt::format("amable {} \xE2\x80\x94 {} {}", clean(r.tool_version), es ? "auditoría de" : "audit of", clean(r.target))) + "\n";
  out += st.dim(fmt::format("{} {}, {} {}; {} {}", r.pages.size(), es ? "páginas" : "pages", failed_pages,
                            es ? "con error" : "failed", es ? "idioma" : "language", r.language.empty() ? "?" : clean(r.language))) + "\n\n";

  const std::string score = r.score ? fmt::format("{}/100", *r.score) : std::string("-");
  out += fmt::format("  {}  {}  {}", st.bold(es ? "Puntuación" : "Score"), st.bold(score), grade_text(r.grade, es));
  out += st.dim(fmt::format("   ({} {} %{})", es ? "cobertura" : "coverage", static_cast<int>(std::lround(r.coverage * 100)),
                            r.provisional ? ", provisional" : "")) + "\n";
  for (const auto& c : r.caps) out += "  " + st.yellow(clean(c)) + "\n";
  if (r.baseline) out += "  " + st.dim(clean(baseline_line(r, es))) + "\n";
  out += "\n";
  for (const auto& c : r.categories)
    out += fmt::format("  {:<14} {:>3}  {}\n", clean(c.title), score_text(c.score), bar(c.score));
  out += "\n" + st.bold(es ? "Mayores mejoras primero" : "Biggest gains first") + "\n";

  for (const auto& rule : r.rules) {
    out += fmt::format("\n  {} {:<22} {:>7}  {}\n", colour_status(st, rule.status, es), rule.id,
                       rule.score ? fmt::format("{}/100", *rule.score) : std::string("-"), clean(rule.title));
    if (!rule.summary.empty()) out += "        " + clean(rule.summary) + "\n";
    if (const auto why = why_not_100(rule); !why.empty())
      out += "        " + st.dim((es ? "Por qué no 100: " : "Why not 100: ") + clean(why)) + "\n";
    const bool passing = rule.status == model::Status::pass;
    size_t shown = 0;
    for (const auto& f : rule.findings) {
      if (!worth_showing(rule, f)) continue;
      if (++shown > 3) break;
      out += "        " + st.dim(passing ? "\xC2\xB7 " : "\xE2\x86\x92 ") + clean(place_of(f, es)) + ": " + clean(f.message);
      if (!f.evidence.empty() && f.evidence != f.message) out += st.dim(" \xC2\xAB" + clean(util::truncate_chars(f.evidence, 120)) + "\xC2\xBB");
      out += "\n";
    }
    if (!rule.fix.empty()) out += "        " + st.bold(es ? "Qué hacer: " : "Fix: ") + clean(rule.fix) + "\n";
  }

  if (!r.errors.empty()) {
    out += "\n" + st.bold(es ? "Errores" : "Errors") + "\n";
    size_t n = 0;
    for (const auto& e : r.errors) {
      if (++n > 20) {
        out += fmt::format("  \xE2\x80\xA6 {} {}\n", r.errors.size() - 20, es ? "más" : "more");
        break;
      }
      out += "  " + clean(e.url) + ": " + clean(e.error) + "\n";
    }
  }
  if (!r.notes.empty()) {
    out += "\n" + st.bold(es ? "Notas" : "Notes") + "\n";
    for (const auto& n : r.notes) out += "  " + clean(n) + "\n";
  }
  if (!r.failed_gates.empty()) {
    out += "\n" + st.red(st.bold(es ? "Umbrales no superados" : "Failed gates")) + "\n";
    for (const auto& g : r.failed_gates) out += "  " + st.red(clean(g)) + "\n";
  }
  return out;
}

}  // namespace amable::reports
