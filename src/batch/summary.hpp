#pragma once
// `amable summarize`: what a batch's rows say, by group (top-level domain, language or a kept
// column): shops, how their audits went, score percentiles and grades, each rule's pass rate,
// and the share of shops without a phone, an e-mail, an address, a return policy or a contact
// page, with intro clutter or premium-rate numbers. Rows are read one at a time and scores
// kept as a 101-bucket histogram, so memory does not grow with the number of shops.
#include <array>
#include <expected>
#include <filesystem>
#include <map>
#include <string>

namespace amable::batch {

struct GroupSummary {
  size_t shops = 0, scored = 0;
  std::map<std::string, size_t> statuses;   // ok, partial, unreachable...
  std::map<std::string, size_t> grades;
  std::array<size_t, 101> scores{};         // histogram of overall scores
  struct RuleCount {
    size_t pass = 0, judged = 0;
  };
  std::map<std::string, RuleCount> rules;
  std::map<std::string, size_t> lacking;    // "phone" -> shops audited without one
  size_t audited = 0;                       // rows with facts (ok or partial)
  int percentile(double p) const;           // of the overall score; -1 when none
};

struct Summary {
  std::string by;                           // "tld", "language" or a column
  GroupSummary all;
  std::map<std::string, GroupSummary> groups;
  size_t bad_lines = 0;
};

std::expected<Summary, std::string> summarize_rows(const std::filesystem::path& rows, const std::string& by);

// The summary as text, markdown, json, csv or html (self-contained, charts as inline SVG).
std::string render_summary(const Summary& s, const std::string& format);

}  // namespace amable::batch
