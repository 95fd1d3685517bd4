#pragma once
// `amable diff BASE.json HEAD.json`: what changed between two saved reports: score deltas per
// rule and category, findings that are new and findings that were fixed. Exit 1 when the score
// dropped by more than --max-drop or a new problem appeared in an error-severity rule.
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace amable::cli {

struct DiffOptions {
  std::string base, head;
  std::string format = "text";  // text | markdown | json
  std::optional<int> max_drop;
  std::string report_lang = "auto";  // auto: the later report's language
};

void setup_diff(CLI::App& app, DiffOptions& o);
int run_diff(const DiffOptions& o);

}  // namespace amable::cli
