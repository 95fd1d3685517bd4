#include "cli/render_cmd.hpp"

#include "cli/exit_codes.hpp"

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
  emit_report(read_report(o.input), o.out);
  return k_exit_ok;
}

}  // namespace amable::cli
