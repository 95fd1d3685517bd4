#pragma once
// Exit codes (SPEC.md): the contract CI jobs rely on.
#include <string>

namespace amable::cli {

inline constexpr int k_exit_ok = 0;          // audit done, thresholds met
inline constexpr int k_exit_gate = 1;        // audit done, --fail-under or an error-severity rule failed
inline constexpr int k_exit_usage = 2;       // usage or config error
inline constexpr int k_exit_nothing = 3;     // nothing could be audited
// 130 (SIGINT) and 143 (SIGTERM): interrupted; the reports written cover what was read.

// Thrown by subcommands for an expected failure; main() prints it and exits with `code`.
struct CliError {
  int code;
  std::string message;
};

}  // namespace amable::cli
