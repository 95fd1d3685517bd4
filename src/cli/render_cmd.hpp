#pragma once
// `amable render REPORT.json`: any report format from a saved JSON report, without auditing again.
#include <string>

#include <CLI/CLI.hpp>

#include "cli/report_output.hpp"

namespace amable::cli {

struct RenderOptions {
  std::string input;
  OutputOptions out;
};

void setup_render(CLI::App& app, RenderOptions& o);
int run_render(const RenderOptions& o);

}  // namespace amable::cli
