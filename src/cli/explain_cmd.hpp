#pragma once
// `amable explain RULE-ID`: what a rule checks, why it matters, how to fix it.
#include <string>

#include <CLI/CLI.hpp>

namespace amable::cli {

struct ExplainOptions {
  std::string id;
  std::string report_lang = "en";
};

void setup_explain(CLI::App& app, ExplainOptions& o);
int run_explain(const ExplainOptions& o);

}  // namespace amable::cli
