#pragma once
// Site + rule results -> the Report every writer renders.
#include <string>

#include "engine/runner.hpp"
#include "model/report.hpp"
#include "model/site.hpp"

namespace amable::engine {

struct ReportMeta {
  std::string target;
  std::string started_at;
  int64_t duration_ms = 0;
  std::string report_lang = "en";
  std::string config_file;  // the config file read, "" when none
};

model::Report build_report(const model::Site& site, RuleResults results, const Scores& scores,
                           const ReportMeta& meta);

// Site facts in the report's shape (SPEC.md "facts").
model::Facts report_facts(const model::Site& site);

}  // namespace amable::engine
