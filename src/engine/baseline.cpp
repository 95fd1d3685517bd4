#include "engine/baseline.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "model/report_json.hpp"

namespace amable::engine {

ProblemKey problem_key(const std::string& rule_id, const model::Finding& f) { return {rule_id, f.url, f.message}; }

std::set<ProblemKey> problem_keys(const model::Report& r) {
  std::set<ProblemKey> keys;
  for (const auto& rule : r.rules)
    for (const auto& f : rule.findings)
      if (f.kind == "problem") keys.insert(problem_key(rule.id, f));
  return keys;
}

namespace {

constexpr const char* k_format_key = "amable_baseline";

std::expected<std::set<ProblemKey>, std::string> keys_from_known_issues(const nlohmann::json& j) {
  if (!j[k_format_key].is_number_integer() || j[k_format_key].get<int>() != 1)
    return std::unexpected("amable_baseline must be 1");
  const auto problems = j.find("problems");
  if (problems == j.end() || !problems->is_array()) return std::unexpected("\"problems\" must be an array");
  std::set<ProblemKey> keys;
  for (const auto& p : *problems) {
    if (!p.is_object() || !p.value("rule", nlohmann::json()).is_string() || !p.value("url", nlohmann::json()).is_string() ||
        !p.value("message", nlohmann::json()).is_string())
      return std::unexpected("every problem needs the strings \"rule\", \"url\" and \"message\"");
    keys.emplace(p["rule"].get<std::string>(), p["url"].get<std::string>(), p["message"].get<std::string>());
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
    auto keys = keys_from_known_issues(j);
    if (!keys) return std::unexpected(name + ": not a known-issues file: " + keys.error());
    b.known = std::move(*keys);
    return b;
  }
  auto report = model::report_from_json(j);
  if (!report) return std::unexpected(name + ": neither a known-issues file nor an amable JSON report: " + report.error());
  b.known = problem_keys(*report);
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
  r.baseline = std::move(info);
}

std::string known_issues_json(const model::Report& r) {
  std::vector<std::tuple<std::string, std::string, std::string, std::string>> rows;  // key + evidence
  for (const auto& rule : r.rules)
    for (const auto& f : rule.findings)
      if (f.kind == "problem") rows.emplace_back(rule.id, f.url, f.message, f.evidence);
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end(),
                         [](const auto& a, const auto& b) {
                           return std::get<0>(a) == std::get<0>(b) && std::get<1>(a) == std::get<1>(b) && std::get<2>(a) == std::get<2>(b);
                         }),
             rows.end());
  nlohmann::ordered_json j;
  j[k_format_key] = 1;
  j["target"] = r.target;
  j["generated_at"] = r.started_at;
  j["tool_version"] = r.tool_version;
  j["problems"] = nlohmann::ordered_json::array();
  for (const auto& [rule, url, message, evidence] : rows)
    j["problems"].push_back({{"rule", rule}, {"url", url}, {"message", message}, {"evidence", evidence}});
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
