#pragma once
// Baselines: the problems a team already knows about, so that CI fails only on new ones.
// A baseline file is either a saved JSON report or a known-issues file written by
// `audit --write-baseline`; a problem is the same when its fingerprint is: rule, code, and what
// it is about (the page, or nothing for a site-wide problem; the value it names), never its
// wording, language or percentages (model::Finding::fingerprint; `amable diff` uses the same key,
// so both agree on what is "new").
#include <expected>
#include <filesystem>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "model/report.hpp"

namespace amable::engine {

using ProblemKey = std::string;  // model::Finding::fingerprint

ProblemKey problem_key(const std::string& rule_id, const model::Finding& f);

struct Baseline {
  std::string file;
  std::set<ProblemKey> known;
  bool legacy = false;  // written before problems had codes: matched by wording
};

// Does the report come from an amable whose problems had no codes (report schema 1)?
bool has_legacy_problems(const model::Report& r);

// Every problem finding of a report, keyed.
std::set<ProblemKey> problem_keys(const model::Report& r);

// Reads a known-issues file or a JSON report; the error names the file.
std::expected<Baseline, std::string> load_baseline(const std::filesystem::path& path);

// Marks the report's known problems `suppressed` and records the counts in `r.baseline`.
void apply_baseline(model::Report& r, const Baseline& b);

// A known-issues file holding every problem of `r` (suppressed or not), sorted, as JSON text.
std::string known_issues_json(const model::Report& r);

// True when a failing rule still has a problem the baseline does not list. A failing rule with
// no problem findings at all counts as new: there is nothing the baseline could have matched.
bool has_new_problem(const model::RuleReport& rule);

}  // namespace amable::engine
