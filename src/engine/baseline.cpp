#include "engine/baseline.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "model/messages.hpp"
#include "model/report_json.hpp"

namespace amable::engine {

ProblemKey problem_key(const std::string& rule_id, const model::Finding& f) { return f.fingerprint(rule_id); }

std::set<ProblemKey> problem_keys(const model::Report& r) {
  std::set<ProblemKey> keys;
  for (const auto& rule : r.rules)
    for (const auto& f : rule.findings)
      if (f.kind == "problem") keys.insert(problem_key(rule.id, f));
  return keys;
}

bool has_legacy_problems(const model::Report& r) {
  for (const auto& rule : r.rules)
    for (const auto& f : rule.findings)
      if (f.kind == "problem" && f.code.empty()) return true;
  return false;
}

namespace {

constexpr const char* k_format_key = "amable_baseline";

// Version 2 rows carry their fingerprint; version 1 rows (rule, url, message) are keyed as the
// findings of a schema-1 report are.
std::expected<std::set<ProblemKey>, std::string> keys_from_known_issues(const nlohmann::json& j, bool& legacy) {
  if (!j[k_format_key].is_number_integer() || (j[k_format_key].get<int>() != 1 && j[k_format_key].get<int>() != 2))
    return std::unexpected("amable_baseline must be 1 or 2");
  const auto problems = j.find("problems");
  if (problems == j.end() || !problems->is_array()) return std::unexpected("\"problems\" must be an array");
  std::set<ProblemKey> keys;
  for (const auto& p : *problems) {
    if (!p.is_object()) return std::unexpected("every problem must be an object");
    if (p.contains("fingerprint") && p["fingerprint"].is_string()) {
      keys.insert(p["fingerprint"].get<std::string>());
      continue;
    }
    if (!p.value("rule", nlohmann::json()).is_string() || !p.value("url", nlohmann::json()).is_string() ||
        !p.value("message", nlohmann::json()).is_string())
      return std::unexpected("every problem needs a \"fingerprint\", or the strings \"rule\", \"url\" and \"message\"");
    model::Finding old;
    old.url = p["url"].get<std::string>();
    old.message = p["message"].get<std::string>();
    keys.insert(old.fingerprint(p["rule"].get<std::string>()));
    legacy = true;
  }
  return keys;
}

}  // namespace

std::expected<Baseline, std::string> load_baseline(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(name + ": cannot read the baseline file");
  std::ostringstream text;
  text << in.rdbuf();
  const auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::unexpected(name + ": the baseline is not a JSON object");
  Baseline b{name, {}};
  if (j.contains(k_format_key)) {
    auto keys = keys_from_known_issues(j, b.legacy);
    if (!keys) return std::unexpected(name + ": not a known-issues file: " + keys.error());
    b.known = std::move(*keys);
    return b;
  }
  auto report = model::report_from_json(j);
  if (!report) return std::unexpected(name + ": neither a known-issues file nor an amable JSON report: " + report.error());
  b.known = problem_keys(*report);
  b.legacy = has_legacy_problems(*report);
  return b;
}

void apply_baseline(model::Report& r, const Baseline& b) {
  model::BaselineInfo info{b.file, b.known.size(), 0, 0};
  for (auto& rule : r.rules)
    for (auto& f : rule.findings) {
      if (f.kind != "problem") continue;
      f.suppressed = b.known.contains(problem_key(rule.id, f));
      ++(f.suppressed ? info.suppressed : info.new_problems);
    }
  for (auto& rule : r.rules) rule.score_note = model::score_note(rule, r.report_language);
  // Problems of an older amable are matched by their wording: a reworded one looks new.
  if (b.legacy) r.notes.push_back(model::render_message("note/legacy-baseline", {{"file", b.file}}, r.report_language));
  r.baseline = std::move(info);
}

std::string known_issues_json(const model::Report& r) {
  struct Row {
    std::string fingerprint, rule, code, url, message, evidence;
  };
  std::vector<Row> rows;
  for (const auto& rule : r.rules)
    for (const auto& f : rule.findings)
      if (f.kind == "problem") rows.push_back({f.fingerprint(rule.id), rule.id, f.code, f.url, f.message, f.evidence});
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.fingerprint < b.fingerprint; });
  rows.erase(std::unique(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.fingerprint == b.fingerprint; }), rows.end());
  nlohmann::ordered_json j;
  j[k_format_key] = 2;
  j["target"] = r.target;
  j["generated_at"] = r.started_at;
  j["tool_version"] = r.tool_version;
  j["problems"] = nlohmann::ordered_json::array();
  // The fingerprint is the key; the rest is there for a person reading the file.
  for (const auto& row : rows)
    j["problems"].push_back({{"fingerprint", row.fingerprint}, {"rule", row.rule}, {"code", row.code}, {"url", row.url},
                             {"message", row.message}, {"evidence", row.evidence}});
  return j.dump(2) + "\n";
}

bool has_new_problem(const model::RuleReport& rule) {
  bool any_problem = false;
  for (const auto& f : rule.findings) {
    if (f.kind != "problem") continue;
    any_problem = true;
    if (!f.suppressed) return true;
  }
  return !any_problem;
}

}  // namespace amable::engine
