#include "model/report.hpp"

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
