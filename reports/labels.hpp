#pragma once
// Words every human-readable format shares, in the report language: status and grade names,
// section titles. One place, so text, Markdown and HTML say the same thing.
#include <string>

#include "model/report.hpp"

namespace amable::reports {

std::string status_label(model::Status s, bool es);      // PASS / BIEN ...
std::string status_word(model::Status s, bool es);       // pass / bien ... (lower case, for prose)
std::string grade_text(const std::string& grade, bool es);
std::string score_text(std::optional<int> s);            // "72" or "-"

// "Baseline FILE: 12 known problems not shown, 3 new." (empty without a baseline).
std::string baseline_line(const model::Report& r, bool es);

// "Tienda Amable: 99/100, excellent (15 pages; 0 rules fail, 1 warns)" in the report language:
// what stdout shows when the reports went to files.
std::string summary_line(const model::Report& r);

// Problems for failing rules, evidence for passing ones: the findings worth showing first.
// Known problems (suppressed by a baseline) are never worth showing.
bool worth_showing(const model::RuleReport& rule, const model::Finding& f);

// Where a finding is: its page, or "Whole site" / "Todo el sitio" for a finding about the site
// (its message lists the pages concerned).
std::string place_of(const model::Finding& f, bool es);

// The "Why not 100" line, when it says more than the findings shown under it: not when the one
// problem that cost points is itself listed below.
std::string why_not_100(const model::RuleReport& rule);

}  // namespace amable::reports
