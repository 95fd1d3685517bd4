#pragma once
// `amable audit TARGET`: audit a shop and write its report.
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "engine/config.hpp"

namespace amable::cli {

struct AuditOptions {
  std::string target;
  std::string format = "text";
  bool format_given = false;
  std::vector<std::string> outputs;
  std::optional<int> fail_under;
  std::optional<int> max_pages, max_depth, concurrency, per_host;
  std::optional<std::string> render, browser;        // --render never|auto|always, --browser PATH
  std::optional<int> render_tabs, render_max_pages;
  std::optional<double> render_timeout;
  std::optional<double> timeout, delay;
  std::optional<std::string> user_agent, user, cookie;
  std::vector<std::string> headers, include, exclude;
  bool ignore_robots = false, no_sitemap = false, insecure = false;
  std::string cacert;
  size_t jobs = 0;
  std::string lang;
  std::string report_lang;
  std::string config;
  std::string baseline, write_baseline;
  std::string color = "auto";
  bool quiet = false, verbose = false;
};

void setup_audit(CLI::App& app, AuditOptions& o);
// The crawl flags `audit` and `batch` share (--max-pages ... --cacert), with their defaults named.
void add_crawl_options(CLI::App* cmd, AuditOptions& o, const char* max_pages_default, const char* concurrency_default);
// The config file (--config, else amable.json in the working directory) with the flags of `o`
// over it; `config_file` is set to the file read ("" when none). Throws CliError.
engine::Config load_configuration(const AuditOptions& o, std::string& config_file);
int run_audit(const AuditOptions& o);

}  // namespace amable::cli
