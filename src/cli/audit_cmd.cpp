#include "cli/audit_cmd.hpp"

#include "cli/stop_signals.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/exit_codes.hpp"
#include "cli/report_output.hpp"
#include "engine/audit.hpp"
#include "engine/baseline.hpp"
#include "engine/config.hpp"
#include "rules/rule_list.hpp"
#include "util/atomic_file.hpp"
#include "util/text.hpp"

namespace amable::cli {
namespace fs = std::filesystem;

void add_crawl_options(CLI::App* cmd, AuditOptions& o, const char* max_pages_default, const char* concurrency_default) {
  cmd->add_option("--max-pages", o.max_pages, std::string("Pages per shop (default ") + max_pages_default + ")")->check(CLI::Range(1, 1000000));
  cmd->add_option("--max-depth", o.max_depth, "Clicks from the start page (default 10)")->check(CLI::Range(0, 1000));
  cmd->add_option("--concurrency", o.concurrency, std::string("Requests in flight per shop (default ") + concurrency_default + ")")->check(CLI::Range(1, 512));
  cmd->add_option("--per-host", o.per_host, "Requests in flight per host (default 4)")->check(CLI::Range(1, 512));
  cmd->add_option("--timeout", o.timeout, "Per request, seconds (default 20)")->check(CLI::Range(0.1, 3600.0));
  cmd->add_option("--delay", o.delay, "Gap between requests to one host, milliseconds (default 0)")->check(CLI::Range(0.0, 600000.0));
  cmd->add_option("--user-agent", o.user_agent, "User-Agent header (default amable/VERSION)");
  cmd->add_flag("--ignore-robots", o.ignore_robots, "Do not obey robots.txt");
  cmd->add_flag("--no-sitemap", o.no_sitemap, "Do not read sitemaps (for a folder: do not list its unlinked pages)");
  cmd->add_flag("--insecure", o.insecure, "Accept invalid TLS certificates (a staging server); the report still notes them");
  cmd->add_option("--cacert", o.cacert, "Extra CA certificates (PEM) to trust, e.g. a staging server's private CA");
}

void setup_audit(CLI::App& app, AuditOptions& o) {
  auto* cmd = app.add_subcommand("audit", "Audit a shop: an http(s) URL, a folder holding a built site, or one .html file");
  cmd->add_option("target", o.target, "http(s) URL, folder (entry: index.html) or .html file")->required();
  cmd->add_option("-f,--format", o.format, "Report format on stdout: text, json, html, markdown, sarif, junit")
      ->each([&o](const std::string&) { o.format_given = true; });
  cmd->add_option("-o,--output", o.outputs, "Write a report file (repeatable); format from the extension: .txt .json .html .md .sarif .xml (JUnit)");
  cmd->add_option("--fail-under", o.fail_under, "Exit 1 when the overall score is below N (0-100)")->check(CLI::Range(0, 100));
  add_crawl_options(cmd, o, "500", "16");
  cmd->add_option("-H,--header", o.headers, "Extra request header 'Name: value', sent to the start host only (repeatable)");
  cmd->add_option("--user", o.user, "Basic authentication 'user:password', start host only");
  cmd->add_option("--cookie", o.cookie, "Cookie header value, start host only");
  cmd->add_option("--jobs", o.jobs, "Parse threads (default: one per core)")->check(CLI::Range(1, 64));
  cmd->add_option("--render", o.render, "Pages built by scripts: never, auto (those that need it; default) or always rendered in headless Chromium")
      ->check(CLI::IsMember({"never", "auto", "always"}));
  cmd->add_option("--browser", o.browser, "Chromium to render with (default: chromium-headless-shell, else a Chromium on PATH)");
  cmd->add_option("--render-tabs", o.render_tabs, "Pages rendered at once (default 2)")->check(CLI::Range(1, 16));
  cmd->add_option("--render-timeout", o.render_timeout, "Seconds a page may run in the browser before its tab is closed and it is read as HTML (default 10)")
      ->check(CLI::Range(0.5, 600.0));
  cmd->add_option("--render-max-pages", o.render_max_pages, "Render at most N pages (default 200)")->check(CLI::Range(0, 1000000));
  cmd->add_option("--include", o.include, "Only URLs matching this ECMAScript regex (repeatable)");
  cmd->add_option("--exclude", o.exclude, "Skip URLs matching this ECMAScript regex (repeatable)");
  cmd->add_option("--lang", o.lang, "Force the content language (en, es, fr, de, it, pt) instead of detecting it")
      ->check(CLI::IsMember({"en", "es", "fr", "de", "it", "pt"}));
  cmd->add_option("--report-lang", o.report_lang, "Language of the report: auto (the shop's, when en or es), en or es (default auto)")
      ->check(CLI::IsMember({"auto", "en", "es"}));
  cmd->add_option("--baseline", o.baseline, "Known-issues file or JSON report: its problems are marked known and gate nothing; only new ones fail");
  cmd->add_option("--write-baseline", o.write_baseline, "Write every problem of this audit to a known-issues file (for --baseline)");
  cmd->add_option("--config", o.config, "JSON config file (default: amable.json in the working directory, if present)");
  cmd->add_option("--color", o.color, "Colour in the text report: auto, always, never")->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("-q,--quiet", o.quiet, "Nothing on stderr but errors");
  cmd->add_flag("-v,--verbose", o.verbose, "Each page on stderr as it is read");
  cmd->footer(
      "Examples:\n"
      "  amable audit https://shop.example/ --max-pages 200\n"
      "  amable audit examples/tienda-amable\n"
      "  amable audit dist/ -o report.json --fail-under 70\n"
      "  amable audit page.html -f json --report-lang es\n"
      "\nExit codes: 0 done, 1 a gate failed, 2 usage or config error, 3 nothing could be audited,\n130/143 interrupted (SIGINT/SIGTERM; the reports cover the pages read).");
}

engine::Config load_configuration(const AuditOptions& o, std::string& config_file) {
  engine::Config c;
  const fs::path file = !o.config.empty() ? fs::path(o.config) : fs::exists("amable.json") ? fs::path("amable.json") : fs::path();
  config_file = file.string();
  if (!file.empty()) {
    // Said out loud: a config picked up from the working directory changes gates and language.
    if (!o.quiet) std::cerr << "amable: config " << file.string() << (o.config.empty() ? " (found in the working directory)" : "") << "\n";
    auto loaded = engine::load_config(file, rules::rule_catalog());
    if (!loaded) throw CliError{k_exit_usage, loaded.error()};
    c = std::move(*loaded);
    // A baseline named in the config lives beside it, wherever the job runs from.
    if (c.baseline && fs::path(*c.baseline).is_relative()) c.baseline = (file.parent_path() / *c.baseline).lexically_normal().string();
  }
  // Flags override the file.
  auto& k = c.crawl;
  if (o.max_pages) k.max_pages = o.max_pages;
  if (o.max_depth) k.max_depth = o.max_depth;
  if (o.concurrency) k.concurrency = o.concurrency;
  if (o.per_host) k.per_host = o.per_host;
  if (o.timeout) k.timeout_s = o.timeout;
  if (o.delay) k.delay_ms = o.delay;
  if (o.user_agent) k.user_agent = o.user_agent;
  if (o.user) k.user = o.user;
  if (o.cookie) k.cookie = o.cookie;
  if (o.ignore_robots) k.ignore_robots = true;
  if (o.no_sitemap) k.sitemap = false;
  for (const auto& h : o.headers) k.headers.push_back(h);
  if (!o.include.empty()) k.include = o.include;
  if (!o.exclude.empty()) k.exclude = o.exclude;
  auto& r = c.render;
  if (o.render) r.mode = o.render;
  if (o.browser) r.browser = o.browser;
  if (o.render_tabs) r.tabs = o.render_tabs;
  if (o.render_timeout) r.timeout_s = o.render_timeout;
  if (o.render_max_pages) r.max_pages = o.render_max_pages;
  if (o.fail_under) c.fail_under = o.fail_under;
  if (!o.report_lang.empty()) c.report_lang = o.report_lang;
  if (!o.lang.empty()) c.lang = o.lang;
  if (!o.baseline.empty()) c.baseline = o.baseline;
  return c;
}

namespace {

void evaluate_gates(model::Report& r, const engine::Config& c) {
  const bool es = r.report_language == "es";
  if (c.fail_under && (!r.score || *r.score < *c.fail_under))
    r.failed_gates.push_back(es ? "La puntuación " + (r.score ? std::to_string(*r.score) : std::string("-")) +
                                      " está por debajo de --fail-under " + std::to_string(*c.fail_under)
                                : "Score " + (r.score ? std::to_string(*r.score) : std::string("-")) +
                                      " is below --fail-under " + std::to_string(*c.fail_under));
  for (const auto& rule : r.rules) {
    if (rule.severity != model::Severity::error || (rule.status != model::Status::fail && rule.status != model::Status::error)) continue;
    // With a baseline, a failing rule gates only on problems the baseline does not know.
    if (r.baseline && rule.status == model::Status::fail && !engine::has_new_problem(rule)) continue;
    r.failed_gates.push_back(es ? "La regla " + rule.id + " (severidad error) falló" + (r.baseline ? " con problemas nuevos" : "")
                                : "Rule " + rule.id + " (severity error) failed" + (r.baseline ? " with new problems" : ""));
  }
}

}  // namespace

int run_audit(const AuditOptions& o) {
  const OutputOptions out{o.format, o.outputs, o.color, o.quiet, o.format_given};
  check_outputs(out);
  if (!o.write_baseline.empty())
    if (auto ok = util::check_writable(o.write_baseline); !ok) throw CliError{k_exit_usage, ok.error()};

  std::string config_file;
  engine::Config config = load_configuration(o, config_file);
  std::optional<engine::Baseline> baseline;
  if (config.baseline) {  // read before the crawl: a typo in its name should not cost an audit
    auto loaded = engine::load_baseline(*config.baseline);
    if (!loaded) throw CliError{k_exit_usage, loaded.error()};
    baseline = std::move(*loaded);
  }
  engine::AuditOptions ao;
  ao.target = o.target;
  ao.forced_lang = config.lang.value_or("");
  ao.report_lang = config.report_lang.value_or("auto");
  ao.config_file = config_file;
  ao.config = config;
  ao.quiet = o.quiet;
  ao.verbose = o.verbose;
  ao.jobs = o.jobs;
  ao.insecure = o.insecure;
  ao.ca_file = o.cacert;
  const bool progress = !o.quiet && ::isatty(STDERR_FILENO) == 1;
  if (o.verbose || progress) {
    ao.on_page = [&o, progress](const engine::AuditOptions::Progress& p) {
      if (o.verbose) {
        std::cerr << "amable: read " << util::strip_control(p.url) << "\n";
      } else if (progress) {
        const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0.0;
        std::cerr << "\r\x1b[2Kamable: " << p.done << " pages done, " << p.queued << " queued, " << p.failed
                  << " failed, " << static_cast<int>(rate) << " pages/s" << std::flush;
      }
    };
  }
  catch_stop_signals();
  ao.interrupted = &stop_requested();
  auto report = engine::run_audit(ao, rules::all_rules());
  if (progress && !o.verbose) std::cerr << "\r\x1b[2K" << std::flush;
  const int stopped_by = stop_signal();
  if (!report) throw CliError{stopped_by ? 128 + stopped_by : report.error().exit_code, report.error().message};

  if (baseline) engine::apply_baseline(*report, *baseline);
  evaluate_gates(*report, config);
  if (!o.write_baseline.empty()) {
    auto written = util::write_file_atomically(o.write_baseline, engine::known_issues_json(*report));
    if (!written) throw CliError{k_exit_usage, written.error()};
    if (!o.quiet) std::cerr << "amable: wrote " << o.write_baseline << "\n";
  }

  emit_report(*report, out);
  if (stopped_by) {
    if (!o.quiet)
      std::cerr << "amable: interrupted: the report is partial (" << report->pages.size() << " pages read)\n";
    return 128 + stopped_by;
  }
  return report->failed_gates.empty() ? k_exit_ok : k_exit_gate;
}

}  // namespace amable::cli
