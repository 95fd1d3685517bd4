#include "cli/diff_cmd.hpp"

#include <fmt/format.h>

#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "cli/report_output.hpp"
#include "engine/baseline.hpp"
#include "reports/escape.hpp"
#include "util/text.hpp"

namespace amable::cli {
namespace {

struct Change {
  std::string rule, code, url, message, evidence, key;
  bool error_rule = false;
};

std::vector<Change> problems(const model::Report& r) {
  std::vector<Change> out;
  for (const auto& rule : r.rules)
    for (const auto& f : rule.findings)
      if (f.kind == "problem")
        out.push_back({rule.id, f.code, f.url, f.message, f.evidence, engine::problem_key(rule.id, f), rule.severity == model::Severity::error});
  return out;
}

// The problems of `a` that `b` does not have (the same key as `audit --baseline`: the
// fingerprint, so a changed percentage or wording is not a new problem).
std::vector<Change> missing_from(const std::vector<Change>& a, const model::Report& b) {
  const auto keys = engine::problem_keys(b);
  std::vector<Change> out;
  for (const auto& c : a)
    if (!keys.contains(c.key)) out.push_back(c);
  return out;
}

std::string delta(std::optional<int> a, std::optional<int> b) {
  if (!a || !b) return a == b ? "=" : "n/a";
  return *b == *a ? "=" : fmt::format("{:+d}", *b - *a);
}

std::string score_of(std::optional<int> s) { return s ? std::to_string(*s) : "-"; }

}  // namespace

void setup_diff(CLI::App& app, DiffOptions& o) {
  auto* cmd = app.add_subcommand("diff", "Compare two JSON reports: score deltas, new and fixed findings");
  cmd->add_option("base", o.base, "The earlier JSON report (the baseline)")->required();
  cmd->add_option("head", o.head, "The later JSON report")->required();
  cmd->add_option("-f,--format", o.format, "text, markdown or json")->check(CLI::IsMember({"text", "markdown", "json"}));
  cmd->add_option("--max-drop", o.max_drop, "Exit 1 when the overall score dropped by more than N points")->check(CLI::Range(0, 100));
  cmd->add_option("--report-lang", o.report_lang, "Language of the comparison: auto (the later report's), en or es")
      ->check(CLI::IsMember({"auto", "en", "es"}));
}

int run_diff(const DiffOptions& o) {
  const auto base = read_report(o.base), head = read_report(o.head);
  const bool es = (o.report_lang == "auto" ? head.report_language : o.report_lang) == "es";
  for (const auto* r : {&base, &head})
    if (engine::has_legacy_problems(*r))
      std::cerr << "amable: note: " << (r == &base ? o.base : o.head)
                << " comes from an amable whose problems had no codes (report schema 1): its problems are matched by their wording, "
                   "so reworded ones show as new and fixed. Audit again to compare by code.\n";
  const auto added = missing_from(problems(head), base);
  const auto fixed = missing_from(problems(base), head);
  std::vector<std::string> gates;
  if (o.max_drop && base.score && head.score && *base.score - *head.score > *o.max_drop)
    gates.push_back(fmt::format(fmt::runtime(es ? "la puntuación bajó {} puntos (más de {})" : "the score dropped by {} points (more than {})"),
                                *base.score - *head.score, *o.max_drop));
  for (const auto& c : added)
    if (c.error_rule) {
      gates.push_back((es ? "un problema nuevo en la regla de gravedad error " : "a new problem in error-severity rule ") + c.rule);
      break;
    }

  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["base"] = {{"target", base.target}, {"started_at", base.started_at}, {"score", base.score ? nlohmann::ordered_json(*base.score) : nullptr}};
    j["head"] = {{"target", head.target}, {"started_at", head.started_at}, {"score", head.score ? nlohmann::ordered_json(*head.score) : nullptr}};
    j["rules"] = nlohmann::ordered_json::array();
    for (const auto& rule : head.rules) {
      const auto* before = base.rule(rule.id);
      j["rules"].push_back({{"id", rule.id},
                            {"base", before && before->score ? nlohmann::ordered_json(*before->score) : nullptr},
                            {"head", rule.score ? nlohmann::ordered_json(*rule.score) : nullptr}});
    }
    auto list = [](const std::vector<Change>& cs) {
      auto a = nlohmann::ordered_json::array();
      for (const auto& c : cs)
        a.push_back({{"rule", c.rule}, {"code", c.code}, {"fingerprint", c.key}, {"url", c.url}, {"message", c.message}, {"evidence", c.evidence}});
      return a;
    };
    j["new"] = list(added);
    j["fixed"] = list(fixed);
    j["failed_gates"] = gates;
    std::cout << j.dump(2) << "\n";
  } else {
    const bool md = o.format == "markdown";
    auto clean = [md](std::string_view s) { return md ? reports::markdown_text(s) : reports::one_line(s); };
    std::string out = md ? fmt::format("## amable diff\n\n| | {} | {} | \xCE\x94 |\n|---|---:|---:|---:|\n", es ? "antes" : "base", es ? "después" : "head")
                         : fmt::format("{} {} -> {} ({})\n\n", es ? "Puntuación" : "Score", score_of(base.score), score_of(head.score), delta(base.score, head.score));
    if (md) out += fmt::format("| **{}** | {} | {} | {} |\n", es ? "puntuación" : "score", score_of(base.score), score_of(head.score), delta(base.score, head.score));
    for (const auto& c : head.categories) {
      std::optional<int> before;
      for (const auto& b : base.categories)
        if (b.id == c.id) before = b.score;
      out += md ? fmt::format("| {} | {} | {} | {} |\n", clean(c.title), score_of(before), score_of(c.score), delta(before, c.score))
                : fmt::format("  {:<22} {:>3} -> {:>3}  {}\n", c.title, score_of(before), score_of(c.score), delta(before, c.score));
    }
    if (!md) out += "\n";
    for (const auto& rule : head.rules) {
      const auto* before = base.rule(rule.id);
      const auto b = before ? before->score : std::nullopt;
      if (b == rule.score) continue;
      out += md ? fmt::format("| `{}` | {} | {} | {} |\n", rule.id, score_of(b), score_of(rule.score), delta(b, rule.score))
                : fmt::format("  {:<22} {:>3} -> {:>3}  {}\n", rule.id, score_of(b), score_of(rule.score), delta(b, rule.score));
    }
    auto section = [&](const char* title, const std::vector<Change>& cs) {
      out += md ? fmt::format("\n### {} ({})\n\n", title, cs.size()) : fmt::format("\n{} ({})\n", title, cs.size());
      for (const auto& c : cs) out += fmt::format("{}{} {}: {}\n", md ? "- `" : "  ", c.rule + (md ? "`" : ""), clean(c.url), clean(c.message));
    };
    section(es ? "Problemas nuevos" : "New problems", added);
    section(es ? "Problemas resueltos" : "Fixed problems", fixed);
    const std::string gate_label = es ? "Control no superado:" : "Failed gate:";
    for (const auto& g : gates) out += (md ? "\n> **" + gate_label + "** " : "\n" + gate_label + " ") + g + "\n";
    std::cout << out;
  }
  return gates.empty() ? k_exit_ok : k_exit_gate;
}

}  // namespace amable::cli
