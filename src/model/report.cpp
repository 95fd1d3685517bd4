#include "model/report.hpp"

#include <algorithm>

namespace amable::model {

std::string_view to_string(Status s) {
  switch (s) {
    case Status::pass: return "pass";
    case Status::warn: return "warn";
    case Status::fail: return "fail";
    case Status::not_applicable: return "not-applicable";
    case Status::inconclusive: return "inconclusive";
    case Status::error: return "error";
  }
  return "error";
}

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::off: return "off";
  }
  return "warning";
}

std::string_view to_string(Category c) {
  switch (c) {
    case Category::reachability: return "reachability";
    case Category::trust: return "trust";
    case Category::clarity: return "clarity";
    case Category::copy: return "copy";
  }
  return "reachability";
}

std::optional<Status> status_from(std::string_view s) {
  for (auto v : {Status::pass, Status::warn, Status::fail, Status::not_applicable, Status::inconclusive, Status::error})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::optional<Severity> severity_from(std::string_view s) {
  for (auto v : {Severity::error, Severity::warning, Severity::off})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::optional<Category> category_from(std::string_view s) {
  for (auto v : k_categories)
    if (to_string(v) == s) return v;
  return std::nullopt;
}

const RuleReport* Report::rule(std::string_view id) const {
  for (const auto& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

std::string grade_for(int score) {
  if (score >= 90) return "excellent";
  if (score >= 75) return "good";
  if (score >= 60) return "fair";
  if (score >= 40) return "poor";
  return "failing";
}

}  // namespace amable::model

namespace amable::model {

std::string Finding::fingerprint(std::string_view rule_id) const {
  // Reports of schema 1 carry no code: their message is all there is.
  std::string key = std::string(rule_id) + "|" + (code.empty() ? message : code);
  if (!site_wide) key += "|" + url;
  if (const auto v = data.find("value"); v != data.end() && v->is_string()) key += "|" + v->get<std::string>();
  return key;
}

}  // namespace amable::model

namespace amable::model {

// "−20 the phone number is not on every page; −10 no tap-to-call link": the points each problem
// costs, biggest first (writers label it "Why not 100"). Problems a baseline already knows are
// summed in one item, so a CI log shows only what is new while the score stays explained.
std::string score_note(const RuleReport& rule, std::string_view lang) {
  if (!rule.score || *rule.score >= 100) return {};
  std::vector<const Finding*> costs;
  int known = 0;
  for (const auto& f : rule.findings) {
    if (f.kind != "problem" || f.points <= 0) continue;
    if (f.suppressed) known += f.points;
    else costs.push_back(&f);
  }
  std::stable_sort(costs.begin(), costs.end(), [](const auto* a, const auto* b) { return a->points > b->points; });
  const std::string minus = "\xE2\x88\x92";
  std::string out;
  for (const auto* f : costs) {
    std::string m = f->message;
    if (!m.empty() && m.back() == '.') m.pop_back();
    out += (out.empty() ? "" : "; ") + minus + std::to_string(f->points) + " " + m;
  }
  if (known > 0)
    out += (out.empty() ? "" : "; ") + minus + std::to_string(known) +
           (lang == "es" ? " por problemas ya conocidos (línea base)" : " for problems the baseline already knows");
  return out;
}

}  // namespace amable::model
