#include "reports/labels.hpp"

#include <fmt/format.h>

namespace amable::reports {

std::string status_label(model::Status s, bool es) {
  switch (s) {
    case model::Status::pass: return es ? "BIEN" : "PASS";
    case model::Status::warn: return es ? "AVISO" : "WARN";
    case model::Status::fail: return es ? "FALLO" : "FAIL";
    case model::Status::not_applicable: return "N/A";
    case model::Status::inconclusive: return "?";
    case model::Status::error: return "ERROR";
  }
  return "";
}

std::string status_word(model::Status s, bool es) {
  switch (s) {
    case model::Status::pass: return es ? "bien" : "pass";
    case model::Status::warn: return es ? "aviso" : "warn";
    case model::Status::fail: return es ? "fallo" : "fail";
    case model::Status::not_applicable: return es ? "no aplica" : "not applicable";
    case model::Status::inconclusive: return es ? "sin conclusión" : "inconclusive";
    case model::Status::error: return "error";
  }
  return "";
}

std::string grade_text(const std::string& grade, bool es) {
  if (!es) return grade;
  if (grade == "excellent") return "excelente";
  if (grade == "good") return "buena";
  if (grade == "fair") return "aceptable";
  if (grade == "poor") return "mala";
  if (grade == "failing") return "muy mala";
  return grade;
}

std::string score_text(std::optional<int> s) { return s ? std::to_string(*s) : std::string("-"); }

std::string baseline_line(const model::Report& r, bool es) {
  if (!r.baseline) return {};
  const auto& b = *r.baseline;
  return es ? fmt::format("Referencia {}: {} problemas conocidos no se muestran, {} nuevos.", b.file, b.suppressed, b.new_problems)
            : fmt::format("Baseline {}: {} known problems not shown, {} new.", b.file, b.suppressed, b.new_problems);
}

std::string summary_line(const model::Report& r) {
  const bool es = r.report_language == "es";
  size_t fails = 0, warns = 0;
  for (const auto& rule : r.rules) {
    fails += rule.status == model::Status::fail || rule.status == model::Status::error;
    warns += rule.status == model::Status::warn;
  }
  const std::string name = r.shop.name.empty() ? r.target : r.shop.name;
  return es ? fmt::format("{}: {}/100, {} ({} páginas; {} reglas fallan, {} con avisos)", name, score_text(r.score), grade_text(r.grade, es),
                          r.pages.size(), fails, warns)
            : fmt::format("{}: {}/100, {} ({} pages; {} rules fail, {} warn)", name, score_text(r.score), grade_text(r.grade, es),
                          r.pages.size(), fails, warns);
}

bool worth_showing(const model::RuleReport& rule, const model::Finding& f) {
  if (f.suppressed) return false;
  const bool problem = f.kind == "problem";
  return rule.status == model::Status::pass ? !problem : problem;
}

std::string place_of(const model::Finding& f, bool es) {
  if (!f.site_wide) return f.url;
  return es ? "Todo el sitio" : "Whole site";
}

std::string why_not_100(const model::RuleReport& rule) {
  size_t costs = 0, known = 0;
  for (const auto& f : rule.findings)
    if (f.kind == "problem" && f.points > 0) ++(f.suppressed ? known : costs);
  const bool listed = rule.status != model::Status::pass;  // problems are listed unless the rule passes
  if (listed && costs == 1 && known == 0) return {};
  return rule.score_note;
}

}  // namespace amable::reports
