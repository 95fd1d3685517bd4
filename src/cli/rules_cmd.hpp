#pragma once
// `amable rules`: every rule with its category, weight, title and languages.
#include <string>

#include <CLI/CLI.hpp>

namespace amable::cli {

struct RulesOptions {
  bool ids = false;  // --ids: one id a line (shell completion)
  std::string format = "text";
  std::string report_lang = "en";
};

void setup_rules(CLI::App& app, RulesOptions& o);
int run_rules(const RulesOptions& o);

}  // namespace amable::cli
