#include "cli/help_cmd.hpp"

#include <iostream>

#include "cli/exit_codes.hpp"
#include "util/text.hpp"

namespace amable::cli {
namespace {

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) out.push_back(sub->get_name());
  return out;
}

}  // namespace

void setup_help(CLI::App& app, HelpOptions& o) {
  auto* cmd = app.add_subcommand("help", "Help on amable or on one command: amable help audit");
  cmd->add_option("command", o.command, "A command: audit, rules, explain, render, diff");
}

int run_help(const CLI::App& app, const HelpOptions& o) {
  if (o.command.empty()) {
    std::cout << app.help();
    return k_exit_ok;
  }
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->get_name() == o.command) {
      std::cout << sub->help();
      return k_exit_ok;
    }
  const std::string near = util::closest(o.command, command_names(app));
  throw CliError{k_exit_usage, "help " + o.command + ": no such command" + (near.empty() ? "" : "; did you mean \"" + near + "\"?")};
}

std::string unknown_command(const CLI::App& app, const std::vector<std::string>& args) {
  if (args.empty() || args.front().empty() || args.front().front() == '-') return {};
  const auto names = command_names(app);
  for (const auto& n : names)
    if (n == args.front()) return {};
  const std::string near = util::closest(args.front(), names);
  return "\"" + args.front() + "\" is not a command" + (near.empty() ? "" : "; did you mean \"" + near + "\"?") +
         " (commands: " + util::join(names, ", ") + "; amable help COMMAND)";
}

std::string option_suggestion(const CLI::App& app, const std::string& extra) {
  if (!extra.starts_with("-")) return {};
  std::string name = extra.substr(0, extra.find('='));
  std::vector<std::string> known;
  for (const auto* sub : app.get_subcommands([](const CLI::App* s) { return s->parsed(); }))
    for (const auto* opt : sub->get_options())
      for (const auto& l : opt->get_lnames()) known.push_back("--" + l);
  const std::string near = util::closest(name, known);
  return near.empty() ? std::string() : "did you mean \"" + near + "\"?";
}

}  // namespace amable::cli
