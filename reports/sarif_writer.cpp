// SARIF 2.1.0: for code-scanning views (GitHub, GitLab, Azure DevOps). Every rule is a
// reportingDescriptor; every problem of a failing or warning rule is a result located at its
// page (artifactLocation.uri) with the quoted text as the region snippet. Level: the rule's
// severity for a fail (error or warning), one step lower for a warn.
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "reports/writer.hpp"
#include "util/hash.hpp"
#include "util/text.hpp"

namespace amable::reports {
namespace {

using ordered = nlohmann::ordered_json;

// A page key or URL as a URI reference: bytes outside RFC 3986's sets percent-encoded.
std::string uri_of(std::string_view url) {
  static constexpr std::string_view k_allowed = "-._~:/?#[]@!$&'()*+,;=%";
  std::string out;
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (util::is_ascii_alpha(c) || util::is_ascii_digit(c) || (u < 0x80 && k_allowed.find(c) != std::string_view::npos))
      out += c;
    else
      out += fmt::format("%{:02X}", u);
  }
  return out;
}

std::string level_for(const model::RuleReport& rule) {
  const bool fail = rule.status == model::Status::fail || rule.status == model::Status::error;
  if (rule.severity == model::Severity::error) return fail ? "error" : "warning";
  return fail ? "warning" : "note";
}

// Stable across runs, wording, report language and added pages: the finding's fingerprint (its
// code and what it is about) through FNV-1a, a hash every platform computes alike.
std::string fingerprint(const model::RuleReport& rule, const model::Finding& f) {
  return fmt::format("{:016x}", util::fnv1a64(f.fingerprint(rule.id)));
}

}  // namespace

std::string write_sarif(const model::Report& r, const WriteOptions&) {
  ordered rules = ordered::array();
  ordered results = ordered::array();
  for (size_t i = 0; i < r.rules.size(); ++i) {
    const auto& rule = r.rules[i];
    rules.push_back({{"id", rule.id},
                     {"name", rule.id},
                     {"shortDescription", {{"text", rule.title}}},
                     {"fullDescription", {{"text", rule.description}}},
                     {"help", {{"text", rule.fix}}},
                     {"defaultConfiguration", {{"level", rule.severity == model::Severity::error ? "error" : "warning"}}},
                     {"properties", {{"category", std::string(model::to_string(rule.category))}, {"weight", rule.weight}, {"importance", rule.importance}}}});
    if (rule.status != model::Status::fail && rule.status != model::Status::warn && rule.status != model::Status::error) continue;
    bool any = false;
    for (const auto& f : rule.findings) {
      if (f.kind != "problem") continue;
      any = true;
      ordered location = {{"physicalLocation", {{"artifactLocation", {{"uri", uri_of(f.url)}}}}}};
      if (!f.evidence.empty()) location["physicalLocation"]["region"] = {{"snippet", {{"text", f.evidence}}}};
      if (!f.selector.empty()) location["logicalLocations"] = ordered::array({{{"fullyQualifiedName", f.selector}, {"kind", "element"}}});
      ordered result = {{"ruleId", rule.id},
                        {"ruleIndex", i},
                        {"level", level_for(rule)},
                        {"message", {{"text", f.message}}},
                        {"locations", ordered::array({location})},
                        {"partialFingerprints", {{"amableFinding/v2", fingerprint(rule, f)}}}};
      if (!f.code.empty()) result["properties"] = {{"code", f.code}};
      // Known from the baseline: still reported, but as suppressed, which code-scanning views hide.
      if (f.suppressed)
        result["suppressions"] = ordered::array({{{"kind", "external"}, {"justification", "listed in the baseline " + (r.baseline ? r.baseline->file : std::string())}}});
      results.push_back(std::move(result));
    }
    if (!any)  // a failing rule with nothing to point at still needs to be seen
      results.push_back({{"ruleId", rule.id},
                         {"ruleIndex", i},
                         {"level", level_for(rule)},
                         {"message", {{"text", rule.summary.empty() ? rule.title : rule.summary}}}});
  }
  ordered run = {{"tool", {{"driver", {{"name", "amable"},
                                        {"version", r.tool_version},
                                        {"semanticVersion", r.tool_version},
                                        {"language", r.report_language},
                                        {"rules", rules}}}}},
                 {"invocations", ordered::array({{{"executionSuccessful", true}, {"startTimeUtc", r.started_at}}})},
                 {"results", results},
                 {"properties", {{"target", r.target}, {"score", r.score ? ordered(*r.score) : ordered()}, {"grade", r.grade}}}};
  if (r.started_at.empty()) run["invocations"][0].erase("startTimeUtc");
  ordered doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", ordered::array({run})}};
  return doc.dump(2) + "\n";
}

}  // namespace amable::reports
