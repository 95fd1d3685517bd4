#include "cli/report_output.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "model/report_json.hpp"
#include "reports/labels.hpp"
#include "reports/writer.hpp"
#include "util/atomic_file.hpp"

namespace amable::cli {

model::Report read_report(const std::string& path) {
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CliError{k_exit_nothing, path + ": cannot read the report"};
    text << in.rdbuf();
  }
  const auto json = nlohmann::json::parse(text.str(), nullptr, false);
  if (json.is_discarded()) throw CliError{k_exit_nothing, path + ": not JSON"};
  auto report = model::report_from_json(json);
  if (!report) throw CliError{k_exit_nothing, path + ": not an amable report: " + report.error()};
  return std::move(*report);
}

void check_outputs(const OutputOptions& o) {
  if (!reports::find_writer(o.format)) {
    std::string known;
    for (const auto& n : reports::writer_names()) known += (known.empty() ? "" : ", ") + n;
    throw CliError{k_exit_usage, "--format " + o.format + ": unknown format (known: " + known + ")"};
  }
  for (const auto& out : o.outputs) {
    if (!reports::writer_for_path(out))
      throw CliError{k_exit_usage, out + ": cannot tell the report format from the extension (use .txt, .json, .html, .md, .sarif or .xml)"};
    if (auto ok = util::check_writable(out); !ok) throw CliError{k_exit_usage, ok.error()};
  }
}

void emit_report(const model::Report& r, const OutputOptions& o) {
  for (const auto& out : o.outputs) {
    const auto* w = reports::writer_for_path(out);
    auto written = util::write_file_atomically(out, w->write(r, reports::WriteOptions{false}));
    if (!written) throw CliError{k_exit_usage, written.error()};
    if (!o.quiet) std::cerr << "amable: wrote " << out << "\n";
  }
  // Reports went to files and no format was asked for stdout: one line says how it went.
  if (!o.outputs.empty() && !o.format_given) {
    std::cout << reports::summary_line(r) << "\n";
    std::cout.flush();
    return;
  }
  const auto* w = reports::find_writer(o.format);
  std::cout << w->write(r, reports::WriteOptions{o.format == "text" && use_color(o.color)});
  std::cout.flush();
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (std::getenv("NO_COLOR") != nullptr) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

}  // namespace amable::cli
