#pragma once
// Helpers shared by rules: the "every page" and "reachable" tests of RULES.md §0.1, findings
// with evidence, and market hints.
#include <string>
#include <string_view>

#include "engine/rule.hpp"
#include "model/site.hpp"

namespace amable::rules {

// Share of the readable HTML pages for which `pred(page)` holds.
template <typename Pred>
double share_of_pages(const model::Site& site, Pred pred) {
  size_t n = 0, yes = 0;
  for (const auto& p : site.pages) {
    if (!p.ok()) continue;
    ++n;
    if (pred(p)) ++yes;
  }
  return n == 0 ? 0.0 : static_cast<double>(yes) / static_cast<double>(n);
}

// RULES.md §0.1 "reachable": 1.0 at depth <= 1, 0.7 at 2, 0.4 at 3, 0 beyond or unlinked.
double depth_score(int depth);

model::Finding finding(const model::Evidence& where, std::string message, std::string kind = "problem");
model::Finding page_finding(const std::string& url, std::string message, std::string kind = "problem");

// "80 %"
std::string percent(double share);

// True when the shop sells in the EU: an EU country-code domain, a language tag with an EU
// region (es-ES), or prices in euros. EU law adds requirements (withdrawal right, trader id).
bool targets_eu(const model::Site& site);

// Lower-case host of the start URL, "" for a folder or a file.
std::string start_host(const model::Site& site);

}  // namespace amable::rules
