#pragma once
// Writing a finished report: the stdout format and every -o file (format from the extension,
// each written atomically). Shared by `audit` and `render`.
#include <string>
#include <vector>

#include "model/report.hpp"

namespace amable::cli {

struct OutputOptions {
  std::string format = "text";
  std::vector<std::string> outputs;
  std::string color = "auto";  // auto | always | never
  bool quiet = false;
  bool format_given = false;   // -f on the command line: with -o and no -f, stdout gets one line
};

// A saved JSON report (`-` for stdin); throws CliError (nothing to do) naming the file when it
// cannot be read, is not JSON or is not an amable report.
model::Report read_report(const std::string& path);

// Throws CliError (usage) for an unknown format or an output whose extension names none.
void check_outputs(const OutputOptions& o);
void emit_report(const model::Report& r, const OutputOptions& o);

// Colour on the terminal: never with NO_COLOR or TERM=dumb.
bool use_color(const std::string& mode);

}  // namespace amable::cli
