#include "cli/rules_cmd.hpp"

#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "engine/runner.hpp"
#include "rules/rule_list.hpp"

namespace amable::cli {

void setup_rules(CLI::App& app, RulesOptions& o) {
  auto* cmd = app.add_subcommand("rules", "List every rule: id, category, weight, title, languages");
  cmd->add_option("-f,--format", o.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--report-lang", o.report_lang, "Language of the titles: en or es")->check(CLI::IsMember({"en", "es"}));
  cmd->add_flag("--ids", o.ids, "Only the rule ids, one a line (for scripts and shell completion)");
}

int run_rules(const RulesOptions& o) {
  const auto& rules = rules::all_rules();
  if (o.ids) {
    for (const auto& r : rules) std::cout << r.meta.id << "\n";
    return 0;
  }
  if (o.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& r : rules)
      j.push_back({{"id", r.meta.id},
                   {"category", model::to_string(r.meta.category)},
                   {"weight", r.meta.weight},
                   {"importance", r.meta.importance},
                   {"title", r.meta.title.in(o.report_lang)},
                   {"failure_title", r.meta.failure_title.in(o.report_lang)},
                   {"description", r.meta.description.in(o.report_lang)},
                   {"fix", r.meta.fix.in(o.report_lang)},
                   {"languages", r.meta.languages}});
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  double total = 0;
  std::cout << fmt::format("{:<22} {:<13} {:>6}  {:<9} {:<7} {}\n", "ID", "CATEGORY", "WEIGHT", "IMPORTANCE", "LANGS", "TITLE");
  for (const auto& r : rules) {
    std::string langs;
    for (const auto& l : r.meta.languages) langs += (langs.empty() ? "" : ",") + l;
    if (langs.empty()) langs = "any";
    std::cout << fmt::format("{:<22} {:<13} {:>6}  {:<9} {:<7} {}\n", r.meta.id, model::to_string(r.meta.category),
                             r.meta.weight, r.meta.importance, langs, r.meta.title.in(o.report_lang));
    total += r.meta.weight;
  }
  std::cout << fmt::format("{} rules, total weight {}\n", rules.size(), total);
  return 0;
}

}  // namespace amable::cli
