#pragma once
// Runs one rule through the engine (so the JavaScript-page guard and scoring apply).
#include <algorithm>
#include <stdexcept>
#include <string>

#include <doctest/doctest.h>

#include "engine/runner.hpp"
#include "helpers.hpp"
#include "rules/rule_list.hpp"

namespace amable::test {

inline model::RuleReport run_rule(const std::string& id, const model::Site& site, const std::string& report_lang = "en") {
  std::vector<engine::Rule> one;
  for (const auto& r : rules::all_rules())
    if (r.meta.id == id) one.push_back(r);
  if (one.empty()) throw std::runtime_error("no rule " + id);
  auto results = engine::run_rules(one, site, engine::Config{}, report_lang);
  return results.rules.at(0);
}

inline bool has_finding(const model::RuleReport& r, const std::string& url, const std::string& evidence_part,
                        const std::string& kind = "") {
  return std::any_of(r.findings.begin(), r.findings.end(), [&](const model::Finding& f) {
    return f.url == url && f.evidence.find(evidence_part) != std::string::npos && (kind.empty() || f.kind == kind);
  });
}

inline bool has_message(const model::RuleReport& r, const std::string& part) {
  return std::any_of(r.findings.begin(), r.findings.end(),
                     [&](const model::Finding& f) { return f.message.find(part) != std::string::npos; });
}

// A single-page app: the raw HTML is an empty root and a script bundle, so rules that read text
// are inconclusive.
inline model::Site js_built_site(const std::string& lang) {
  return site_of({{"index.html", "<!doctype html><html lang=\"" + lang + "\"><head><title>Shop</title>"
                                 "<script src=\"/static/js/main.3f2a9c.js\"></script></head>"
                                 "<body><div id=\"root\"></div></body></html>"}});
}

inline void check_inconclusive_on_js_site(const std::string& id) {
  for (const std::string lang : {"en", "es"}) {
    const auto r = run_rule(id, js_built_site(lang), lang);
    CAPTURE(lang);
    CHECK(r.status == model::Status::inconclusive);
    CHECK(r.summary.find(lang == "es" ? "se construyen con JavaScript" : "built by JavaScript") != std::string::npos);
  }
}

}  // namespace amable::test
