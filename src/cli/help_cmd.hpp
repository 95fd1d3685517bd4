#pragma once
// `amable help [COMMAND]`: the help of the program or of one command; and the "did you mean"
// of a mistyped command or option.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace amable::cli {

struct HelpOptions {
  std::string command;
};

void setup_help(CLI::App& app, HelpOptions& o);
int run_help(const CLI::App& app, const HelpOptions& o);

// A first argument that names no command: the error with the closest command, or "" when the
// argument is an option or a command.
std::string unknown_command(const CLI::App& app, const std::vector<std::string>& args);

// For an option CLI11 did not expect ("--max-page"), the closest option of the command used.
std::string option_suggestion(const CLI::App& app, const std::string& extra);

}  // namespace amable::cli
