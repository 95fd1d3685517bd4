#include "cli/explain_cmd.hpp"

#include <iostream>

#include "cli/exit_codes.hpp"
#include "rules/rule_list.hpp"

namespace amable::cli {

void setup_explain(CLI::App& app, ExplainOptions& o) {
  auto* cmd = app.add_subcommand("explain", "What a rule checks, why it matters, how to fix it");
  cmd->add_option("rule", o.id, "Rule id, as `amable rules` lists it")->required();
}

int run_explain(const ExplainOptions& o) {
  const auto* rule = rules::find_rule(o.id);
  if (!rule) throw CliError{k_exit_usage, o.id + ": unknown rule (see `amable rules`)"};
  const auto doc = rules::rule_doc(o.id);
  if (!doc.empty()) {
    std::cout << doc;
    if (doc.back() != '\n') std::cout << "\n";
    return 0;
  }
  std::cout << rule->meta.id << ": " << rule->meta.title.en << "\n\n" << rule->meta.description.en << "\n\nFix: "
            << rule->meta.fix.en << "\n";
  return 0;
}

}  // namespace amable::cli
