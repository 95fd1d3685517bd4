#pragma once
// Helpers shared by rules: the "every page" and "reachable" tests of RULES.md §0.1, findings
// with evidence, and market hints.
#include <string>

#include <nlohmann/json.hpp>
#include <unordered_map>
#include <string_view>

#include "engine/rule.hpp"
#include "model/site.hpp"

namespace amable::rules {

// Share of the readable HTML pages a visitor reaches by links for which `pred(page)` holds.
// Pages found only in a sitemap or the folder listing are not part of "every page".
template <typename Pred>
double share_of_pages(const model::Site& site, Pred pred) {
  size_t n = 0, yes = 0;
  for (const auto& p : site.pages) {
    if (!p.ok() || p.depth < 0) continue;
    ++n;
    if (pred(p)) ++yes;
  }
  return n == 0 ? 0.0 : static_cast<double>(yes) / static_cast<double>(n);
}

// The pages of "every page" (readable, reached by links) where `has(page)` does not hold: the
// first ten URLs, how many in all, out of how many, and the share where it does hold. Findings
// about the site carry this as their data ({pages}, {missing}, {total}, {share}).
template <typename Pred>
nlohmann::json pages_without(const model::Site& site, Pred has) {
  nlohmann::json pages = nlohmann::json::array();
  size_t total = 0, missing = 0;
  for (const auto& p : site.pages) {
    if (!p.ok() || p.depth < 0) continue;
    ++total;
    if (has(p)) continue;
    if (++missing <= 10) pages.push_back(p.url);
  }
  return {{"pages", pages}, {"missing", missing}, {"total", total},
          {"share", total ? static_cast<double>(total - missing) / static_cast<double>(total) : 0.0}};
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

// Classes named by link texts, computed once per distinct text (templates repeat them).
class LinkClasses {
 public:
  explicit LinkClasses(const model::Site& site) : m_site(site) {}
  uint16_t of(const model::LinkRef& l, std::string_view lang);
  bool is(const model::LinkRef& l, model::PageClass c, std::string_view lang) { return (of(l, lang) & c) != 0; }

 private:
  const model::Site& m_site;
  std::unordered_map<uint32_t, uint16_t> m_memo;
};

// Share of pages with a link of class `c` in the header, nav or footer (or a link present on
// 80 % of pages), or pointing at `target` (a page key) from there.
double share_with_chrome_link(const model::Site& site, LinkClasses& classes, model::PageClass c,
                              const model::PageRecord* target);

// The readable page where `pred` holds with the fewest clicks from home.
template <typename Pred>
const model::PageRecord* shallowest(const model::Site& site, Pred pred) {
  const model::PageRecord* best = nullptr;
  for (const auto& p : site.pages) {
    if (!p.ok() || !pred(p)) continue;
    const int d = p.depth < 0 ? 1 << 20 : p.depth;
    if (!best || d < (best->depth < 0 ? 1 << 20 : best->depth)) best = &p;
  }
  return best;
}

// Does the site sell goods: prices, add-to-cart, a cart, Product data?
bool sells_goods(const model::Site& site);

// Sets the grading every English+Spanish rule declares: category, weight (RULES.md), importance
// and check function.
inline void grade_bilingual(engine::Rule& r, model::Category category, int weight, const char* importance,
                            engine::CheckFn check) {
  r.meta.category = category;
  r.meta.weight = weight;
  r.meta.importance = importance;
  r.meta.languages = {"en", "es"};
  r.check = check;
}

// Report text in the report language.
inline std::string tr(const engine::RuleContext& ctx, std::string_view en, std::string_view es) { return ctx.t(en, es); }

}  // namespace amable::rules
