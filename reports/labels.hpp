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

// Problems for failing rules, evidence for passing ones: the findings worth showing first.
// Known problems (suppressed by a baseline) are never worth showing.
bool worth_showing(const model::RuleReport& rule, const model::Finding& f);

}  // namespace amable::reports
