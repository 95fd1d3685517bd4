// amable: builds the command line, dispatches to a subcommand, and maps errors to exit codes.
#include <CLI/CLI.hpp>

#include <malloc.h>

#include <csignal>
#include <exception>
#include <iostream>

#include "cli/audit_cmd.hpp"
#include "cli/batch_cmd.hpp"
#include "cli/exit_codes.hpp"
#include "cli/diff_cmd.hpp"
#include "cli/explain_cmd.hpp"
#include "cli/help_cmd.hpp"
#include "cli/render_cmd.hpp"
#include "cli/rules_cmd.hpp"
#include "engine/version.hpp"
#include "util/text.hpp"

int main(int argc, char** argv) {
  using namespace amable::cli;
  // A file-size limit (ulimit -f) makes a write fail with EFBIG, reported like a full disk,
  // instead of killing the process with a half-written temporary file.
  std::signal(SIGXFSZ, SIG_IGN);
#ifdef __GLIBC__
  // A fixed mmap threshold (setting it turns glibc's sliding one off): every page body and
  // parse buffer is transient, and once one large block has been freed the sliding threshold
  // moves such blocks into the parse threads' heaps, where they stay as fragmentation for the
  // rest of the audit. Measured on 10,000 heavy pages over HTTP: peak RSS 100.5 -> 97 MB, CPU
  // within run-to-run noise (docs/performance.md).
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
  CLI::App app{"amable: audit an online shop for customer-friendliness", "amable"};
  app.set_version_flag("-V,--version", [] { return amable::engine::version_text(); }, "Version, build type and the libraries in use");
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  amable audit https://shop.example/          audit a live shop\n"
      "  amable audit dist/ -o report.json           audit a built site, save JSON\n"
      "  amable rules                                the rules and their weights\n"
      "  amable explain return-policy                what a rule checks and how to fix it\n"
      "  amable render report.json -o report.html    another format from a saved JSON report\n"
      "  amable diff base.json head.json --max-drop 5   what changed since the baseline\n"
      "  amable batch shops.txt --out rows.jsonl     many shops, one JSON line each\n"
      "  amable summarize rows.jsonl -f html -o summary.html   what a batch's rows say");

  AuditOptions audit;
  RulesOptions rules;
  ExplainOptions explain;
  setup_audit(app, audit);
  setup_rules(app, rules);
  setup_explain(app, explain);
  DiffOptions diff;
  setup_diff(app, diff);
  RenderOptions render;
  setup_render(app, render);
  BatchCliOptions batch;
  MergeOptions merge;
  SummarizeOptions summarize;
  setup_batch(app, batch, merge, summarize);
  HelpOptions help;
  setup_help(app, help);

  // "amable audti": say which command was meant, not that one is required.
  if (const std::string why = unknown_command(app, std::vector<std::string>(argv + 1, argv + argc)); !why.empty()) {
    std::cerr << "amable: error: " << why << "\n";
    return k_exit_usage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ExtrasError& e) {
    // CLI11 lists the unexpected arguments after "expected: "; say which option was meant.
    const std::string what = e.what();
    std::cerr << "amable: error: " << what;
    const auto at = what.find("expected: ");
    if (at != std::string::npos)
      for (const auto& extra : amable::util::split(std::string_view(what).substr(at + 10), ' '))
        if (const std::string near = option_suggestion(app, std::string(extra)); !near.empty()) std::cerr << " (" << extra << ": " << near << ")";
    std::cerr << "\n";
    return k_exit_usage;
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? k_exit_ok : k_exit_usage;
  }

  try {
    if (app.got_subcommand("audit")) return run_audit(audit);
    if (app.got_subcommand("rules")) return run_rules(rules);
    if (app.got_subcommand("explain")) return run_explain(explain);
    if (app.got_subcommand("render")) return run_render(render);
    if (app.got_subcommand("diff")) return run_diff(diff);
    if (app.got_subcommand("help")) return run_help(app, help);
    if (app.got_subcommand("batch")) return run_batch(batch);
    if (app.got_subcommand("merge")) return run_merge(merge);
    if (app.got_subcommand("summarize")) return run_summarize(summarize);
  } catch (const CliError& e) {
    std::cerr << "amable: error: " << e.message << "\n";
    return e.code;
  } catch (const std::exception& e) {
    std::cerr << "amable: internal error: " << e.what() << "\n";
    return k_exit_usage;
  }
  return k_exit_usage;
}
