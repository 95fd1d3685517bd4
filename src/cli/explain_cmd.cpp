#include "cli/explain_cmd.hpp"

#include <iostream>

#include "cli/exit_codes.hpp"
#include "model/messages.hpp"
#include "rules/rule_list.hpp"
#include "util/text.hpp"

namespace amable::cli {

void setup_explain(CLI::App& app, ExplainOptions& o) {
  auto* cmd = app.add_subcommand("explain", "What a rule checks, why it matters, how to fix it");
  cmd->add_option("rule", o.id, "Rule id, as `amable rules` lists it")->required();
  cmd->add_option("--report-lang", o.report_lang, "Language: en (the rule's full documentation) or es")->check(CLI::IsMember({"en", "es"}));
}

namespace {

// A rule's text from the catalog (its plain variant, with no shop to fit it to), else its meta.
std::string text_of(const engine::Rule& rule, std::string_view what, const engine::Text& fallback, const std::string& lang) {
  const std::string code = rule.meta.id + "/" + std::string(what);
  return model::has_message(code, lang) ? model::render_message(code, nlohmann::json::object(), lang) : fallback.in(lang);
}

}  // namespace

int run_explain(const ExplainOptions& o) {
  const auto* rule = rules::find_rule(o.id);
  if (!rule) {
    const std::string near = util::closest(o.id, rules::rule_ids());
    throw CliError{k_exit_usage, o.id + ": unknown rule (see `amable rules`)" + (near.empty() ? "" : "; did you mean \"" + near + "\"?")};
  }
  const auto doc = rules::rule_doc(o.id);
  if (o.report_lang == "en" && !doc.empty()) {
    std::cout << doc;
    if (doc.back() != '\n') std::cout << "\n";
    return 0;
  }
  const bool es = o.report_lang == "es";
  const auto& m = rule->meta;
  std::cout << m.id << ": " << m.title.in(o.report_lang) << "\n\n"
            << (es ? "Por qué importa: " : "Why it matters: ") << text_of(*rule, "description", m.description, o.report_lang) << "\n\n"
            << (es ? "Cuando falla: " : "When it fails: ") << m.failure_title.in(o.report_lang) << "\n\n"
            << (es ? "Qué hacer: " : "What to do: ") << text_of(*rule, "fix", m.fix, o.report_lang) << "\n";
  return 0;
}

}  // namespace amable::cli
