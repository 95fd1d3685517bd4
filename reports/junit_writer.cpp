// JUnit XML: for CI test views. One testsuite per category, one testcase per rule: a fail is
// a <failure> listing its problems, an error an <error>, not-applicable and inconclusive are
// <skipped>; a warn passes with its findings in <system-out>.
#include <fmt/format.h>

#include "reports/labels.hpp"
#include "reports/writer.hpp"
#include "util/text.hpp"

namespace amable::reports {
namespace {

// XML text and attribute values: markup escaped, characters XML 1.0 forbids dropped.
std::string xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (u < 0x20 && c != '\n' && c != '\t' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string findings_text(const model::RuleReport& rule) {
  std::string out = rule.summary + "\n";
  for (const auto& f : rule.findings) {
    if (!worth_showing(rule, f)) continue;
    out += "- " + f.url + ": " + f.message;
    if (!f.evidence.empty() && f.evidence != f.message) out += " \xC2\xAB" + util::truncate_chars(f.evidence, 200) + "\xC2\xBB";
    out += "\n";
  }
  if (!rule.fix.empty()) out += "Fix: " + rule.fix + "\n";
  return out;
}

bool known_only(const model::RuleReport& rule) {
  bool any = false;
  for (const auto& f : rule.findings) {
    if (f.kind != "problem") continue;
    if (!f.suppressed) return false;
    any = true;
  }
  return any;
}

}  // namespace

std::string write_junit(const model::Report& r, const WriteOptions&) {
  const bool es = r.report_language == "es";
  size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  std::string suites;
  for (const auto& c : r.categories) {
    size_t t = 0, f = 0, e = 0, s = 0;
    std::string cases;
    for (const auto& id : c.rules) {
      const auto* rule = r.rule(id);
      if (!rule) continue;
      ++t;
      // The test's name is the rule id alone: the title changes with the result and the report
      // language, and CI histories follow a test by its name.
      cases += fmt::format("    <testcase classname=\"amable.{}\" name=\"{}\" time=\"0\">\n", xml(std::string(model::to_string(c.id))),
                           xml(rule->id));
      const std::string score = rule->score ? fmt::format("{}/100", *rule->score) : "-";
      switch (rule->status) {
        case model::Status::fail:
          if (known_only(*rule)) {  // every problem is in the baseline: CI should not go red on it
            ++s;
            cases += fmt::format("      <skipped message=\"{}\"/>\n", xml(es ? "solo problemas conocidos (referencia)" : "known problems only (baseline)"));
            break;
          }
          ++f;
          cases += fmt::format("      <failure message=\"{} {}\" type=\"{}\">{}</failure>\n", xml(rule->id), xml(score),
                               xml(std::string(model::to_string(rule->severity))), xml(findings_text(*rule)));
          break;
        case model::Status::error:
          ++e;
          cases += fmt::format("      <error message=\"{}\">{}</error>\n", xml(rule->summary), xml(findings_text(*rule)));
          break;
        case model::Status::not_applicable:
        case model::Status::inconclusive:
          ++s;
          cases += fmt::format("      <skipped message=\"{}: {}\"/>\n", xml(status_word(rule->status, es)), xml(rule->summary));
          break;
        default:
          cases += fmt::format("      <system-out>{} {}\n{}</system-out>\n", xml(status_word(rule->status, es)), xml(score), xml(findings_text(*rule)));
      }
      cases += "    </testcase>\n";
    }
    suites += fmt::format("  <testsuite name=\"amable.{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"0\"{}>\n{}  </testsuite>\n",
                          xml(std::string(model::to_string(c.id))), t, f, e, s, r.started_at.empty() ? "" : " timestamp=\"" + xml(r.started_at) + "\"", cases);
    tests += t;
    failures += f;
    errors += e;
    skipped += s;
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"amable {}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{:.3f}\">\n{}</testsuites>\n",
                     xml(r.target), tests, failures, errors, skipped, static_cast<double>(r.duration_ms) / 1000.0, suites);
}

}  // namespace amable::reports
