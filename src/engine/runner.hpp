#pragma once
// Runs the enabled rules over a Site. A rule that throws becomes status "error" and the
// others still run. Scores follow RULES.md §3: weighted means, coverage, hard caps.
#include <string>
#include <vector>

#include "engine/config.hpp"
#include "engine/rule.hpp"
#include "model/report.hpp"
#include "model/site.hpp"

namespace amable::engine {

struct RuleCap {
  std::string rule;
  Cap cap;
};

struct RuleResults {
  std::vector<model::RuleReport> rules;  // biggest possible gain first
  std::vector<RuleCap> caps;
};

RuleResults run_rules(const std::vector<Rule>& rules, const model::Site& site, const Config& config,
                      const std::string& report_lang);

struct Scores {
  std::optional<int> overall;
  double coverage = 0;
  bool provisional = false;
  std::string grade;
  std::vector<std::string> caps_applied;
  std::vector<model::CategoryReport> categories;
};

Scores score(const RuleResults& results, const std::string& report_lang);

// The gain of fixing a rule: weight × (1 − score).
double gain(const model::RuleReport& r);

// Category titles in the report language.
std::string category_title(model::Category c, const std::string& lang);

}  // namespace amable::engine
