#pragma once
// What a rule is (shared/DESIGN.md "A rule"): metadata plus a pure function of the Site.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/report.hpp"
#include "model/site.hpp"

namespace amable::engine {

// A text in each report language.
struct Text {
  std::string en, es;
  const std::string& in(std::string_view lang) const { return lang == "es" && !es.empty() ? es : en; }
};

struct RuleMeta {
  std::string id;             // kebab-case, stable: "return-policy"
  Text title;                 // what a pass means
  Text failure_title;         // what a fail means
  Text description;           // why it matters, 1-3 sentences
  Text fix;                   // one sentence: what to do
  model::Category category = model::Category::reachability;
  double weight = 0;          // RULES.md §3.1; weights of all rules sum to 100
  std::string importance;     // critical | major | minor
  std::vector<std::string> languages;  // lexicon languages; empty = language-independent
  bool needs_text = true;     // judged from visible text: inconclusive on JavaScript-built sites
};

struct RuleContext {
  std::string lang = "en";  // report language
  nlohmann::json options = nlohmann::json::object();  // the rule's "options" from the config
  // Picks the text of the report language.
  std::string t(std::string_view en, std::string_view es) const { return std::string(lang == "es" ? es : en); }
};

// A hard cap on the overall score (RULES.md §3.2). A cap with a group applies only when every
// scored rule of that group asks for it (e.g. no e-mail AND no phone AND no form).
struct Cap {
  int max = 100;
  Text reason;
  std::string group;
};

struct RuleOutcome {
  std::optional<double> score;          // 0..1; none when not scored
  std::optional<model::Status> status;  // derived from the score when not set
  std::string summary;
  std::vector<model::Finding> findings;
  std::vector<Cap> caps;

  static RuleOutcome not_applicable(std::string summary) {
    RuleOutcome o;
    o.status = model::Status::not_applicable;
    o.summary = std::move(summary);
    return o;
  }
  static RuleOutcome inconclusive(std::string summary) {
    RuleOutcome o;
    o.status = model::Status::inconclusive;
    o.summary = std::move(summary);
    return o;
  }
};

using CheckFn = RuleOutcome (*)(const model::Site&, const RuleContext&);

struct Rule {
  RuleMeta meta;
  CheckFn check = nullptr;
};

// pass at 90 and above, warn from 50, fail below.
model::Status status_for(double score);

}  // namespace amable::engine
