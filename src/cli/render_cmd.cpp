#include "cli/render_cmd.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "model/report_json.hpp"

namespace amable::cli {

void setup_render(CLI::App& app, RenderOptions& o) {
  auto* cmd = app.add_subcommand("render", "Render a saved JSON report in another format, without auditing again");
  cmd->add_option("report", o.input, "A JSON report written by `amable audit -f json` (- for stdin)")->required();
  cmd->add_option("-f,--format", o.out.format, "Format on stdout: text, json, html, markdown, sarif, junit");
  cmd->add_option("-o,--output", o.out.outputs, "Write a report file (repeatable); format from the extension");
  cmd->add_option("--color", o.out.color, "Colour in the text report: auto, always, never")->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("-q,--quiet", o.out.quiet, "Nothing but errors on stderr");
}

int run_render(const RenderOptions& o) {
  check_outputs(o.out);
  std::stringstream text;
  if (o.input == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(o.input, std::ios::binary);
    if (!in) throw CliError{k_exit_nothing, o.input + ": cannot read the report"};
    text << in.rdbuf();
  }
  const auto json = nlohmann::json::parse(text.str(), nullptr, false);
  if (json.is_discarded()) throw CliError{k_exit_nothing, o.input + ": not JSON"};
  auto report = model::report_from_json(json);
  if (!report) throw CliError{k_exit_nothing, o.input + ": not an amable report: " + report.error()};
  emit_report(*report, o.out);
  return k_exit_ok;
}

}  // namespace amable::cli
