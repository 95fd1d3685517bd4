#include "cli/batch_cmd.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "batch/batch_runner.hpp"
#include "batch/merge.hpp"
#include "batch/summary.hpp"
#include "cli/exit_codes.hpp"
#include "cli/stop_signals.hpp"
#include "rules/rule_list.hpp"
#include "util/atomic_file.hpp"
#include "util/text.hpp"

namespace amable::cli {
namespace fs = std::filesystem;

void setup_batch(CLI::App& app, BatchCliOptions& o, MergeOptions& m, SummarizeOptions& s) {
  auto* cmd = app.add_subcommand("batch", "Audit many shops, one JSON line each; shard a list over machines (Slurm, Kubernetes, GNU parallel)");
  cmd->add_option("input", o.input, "The shops: one host or URL a line (# comments), a CSV with a header, or - for stdin")->required();
  cmd->add_option("--shard", o.shard, "I/N: audit the shops whose key hashes to I of N (default 0/1); auto/N takes I from "
                                      "SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX or CLOUD_RUN_TASK_INDEX");
  cmd->add_option("--out", o.out, "The rows file (JSON lines; appended, restartable)");
  cmd->add_option("--out-dir", o.out_dir, "Write part-I-of-N.jsonl in this folder instead");
  cmd->add_option("--column", o.column, "CSV: the column naming the shop (default: url, domain, website, site or host, else the first)");
  cmd->add_option("--keep", o.keep, "CSV: copy this column into each row (repeatable)");
  cmd->add_option("--shops-in-flight", o.shops_in_flight, "Shops audited at once (default 8)")->check(CLI::Range(1, 512));
  cmd->add_option("--shop-timeout", o.shop_timeout, "Seconds one shop may take; then its row is partial (default 300)")->check(CLI::Range(1.0, 86400.0));
  cmd->add_option("--max-rate", o.max_rate, "Requests per second for the whole process, all shops together (default: no ceiling)")
      ->check(CLI::Range(0.1, 100000.0));
  cmd->add_option("--row-facts", o.row_facts, "counts (default) or values: e-mail addresses, numbers, names and addresses in rows (personal data)")
      ->check(CLI::IsMember({"counts", "values"}));
  cmd->add_option("--reports", o.reports, "Keep each shop's full JSON report in this folder (KEY.json.gz)");
  auto& a = o.audit;
  add_crawl_options(cmd, a, "100 in batch", "4 in batch");
  cmd->add_option("--render", a.render, "Pages built by scripts: never (default in batch), auto or always")->check(CLI::IsMember({"never", "auto", "always"}));
  cmd->add_option("--browser", a.browser, "Chromium to render with");
  cmd->add_option("--lang", a.lang, "Force the content language")->check(CLI::IsMember({"en", "es", "fr", "de", "it", "pt"}));
  cmd->add_option("--report-lang", a.report_lang, "Language of kept reports: auto, en or es")->check(CLI::IsMember({"auto", "en", "es"}));
  cmd->add_option("--config", a.config, "JSON config file (default: amable.json in the working directory, if present)");
  cmd->add_flag("-q,--quiet", a.quiet, "Nothing on stderr but errors");
  cmd->footer(
      "Examples:\n"
      "  amable batch shops.txt --out rows.jsonl\n"
      "  amable batch shops.csv --column domain --keep rank --shard auto/64 --out-dir parts/\n"
      "  amable merge parts/*.jsonl -o all.jsonl --expect shops.csv --missing missing.txt\n"
      "\nExit codes: 0 every shop of the shard has a row (an unreachable shop is a row), 2 usage or input error,\n"
      "4 the rows file could not be written, 130/143 stopped by SIGINT/SIGTERM (finished rows kept; run again to go on).");

  auto* merge = app.add_subcommand("merge", "Join batch rows into one file, one row per shop");
  merge->add_option("parts", m.parts, "Rows files (JSON lines)")->required();
  merge->add_option("-o,--output", m.output, "The merged file (written atomically)")->required();
  merge->add_option("--expect", m.expect, "The input list: shops without a row go to --missing");
  merge->add_option("--missing", m.missing, "Write the shops of --expect that have no row (a list to run again)");
  merge->add_option("--column", m.column, "CSV --expect: the column naming the shop");
  merge->add_flag("-q,--quiet", m.quiet, "Nothing on stderr but errors");

  auto* sum = app.add_subcommand("summarize", "What a batch's rows say: score percentiles, pass rates and shares, by group");
  sum->add_option("rows", s.rows, "A rows file (JSON lines), e.g. the output of merge")->required();
  sum->add_option("--by", s.by, "Group by tld (default), language, or a kept CSV column");
  sum->add_option("-f,--format", s.format, "text, markdown, json, csv or html")->check(CLI::IsMember({"text", "markdown", "json", "csv", "html"}));
  sum->add_option("-o,--output", s.outputs, "Write to a file instead of stdout (format from -f)");
}

namespace {

std::vector<batch::Shop> read_list(const std::string& input, const batch::ListOptions& lo) {
  std::expected<std::vector<batch::Shop>, std::string> shops;
  if (input == "-") {
    shops = batch::read_shop_list(std::cin, "stdin", lo);
  } else {
    std::ifstream in(input, std::ios::binary);
    if (!in) throw CliError{k_exit_usage, input + ": cannot be read"};
    shops = batch::read_shop_list(in, input, lo);
  }
  if (!shops) throw CliError{k_exit_usage, shops.error()};
  return std::move(*shops);
}

}  // namespace

int run_batch(const BatchCliOptions& o) {
  auto shard = batch::parse_shard(o.shard, [](const char* v) { return std::getenv(v); });
  if (!shard) throw CliError{k_exit_usage, shard.error()};
  if (o.out.empty() == o.out_dir.empty()) throw CliError{k_exit_usage, "give either --out FILE or --out-dir DIR"};
  fs::path out = o.out;
  if (!o.out_dir.empty()) {
    std::error_code ec;
    fs::create_directories(o.out_dir, ec);
    out = fs::path(o.out_dir) / ("part-" + std::to_string(shard->index) + "-of-" + std::to_string(shard->count) + ".jsonl");
  }
  if (!o.reports.empty()) {
    std::error_code ec;
    fs::create_directories(o.reports, ec);
    if (ec) throw CliError{k_exit_usage, o.reports + ": " + ec.message()};
  }

  // Batch defaults: fewer pages and requests per shop, no browser unless asked (a browser per
  // shop in flight would not fit); flags and the config file override them.
  AuditOptions a = o.audit;
  if (!a.max_pages) a.max_pages = 100;
  if (!a.concurrency) a.concurrency = 4;
  if (!a.render) a.render = "never";
  std::string config_file;
  engine::Config config = load_configuration(a, config_file);

  const auto all = read_list(o.input, {o.column, o.keep});
  auto rows = batch::RowFile::open(out);
  if (!rows) throw CliError{k_exit_usage, rows.error()};
  std::vector<batch::Shop> mine;
  size_t already = 0;
  for (const auto& s : all) {
    if (batch::shard_of(s.key, shard->count) != shard->index) continue;
    if (rows->done_keys().contains(s.key)) {
      ++already;
      continue;
    }
    mine.push_back(s);
  }
  if (!a.quiet) {
    std::cerr << "amable: shard " << shard->index << "/" << shard->count << (shard->from.empty() ? "" : " (from " + shard->from + ")") << ": "
              << mine.size() + already << " of " << all.size() << " shops, " << already << " already in " << out.string();
    if (rows->torn() > 0) std::cerr << " (a torn last line of " << rows->torn() << " bytes was cut)";
    std::cerr << "\n";
  }

  batch::BatchOptions bo;
  bo.audit.config = config;
  bo.audit.config_file = config_file;
  bo.audit.forced_lang = config.lang.value_or("");
  bo.audit.report_lang = config.report_lang.value_or("auto");
  bo.audit.quiet = true;
  // The shops in flight share one parse thread per core (batch/batch_runner.cpp).
  bo.audit.insecure = a.insecure;
  bo.audit.ca_file = a.cacert;
  if (o.max_rate > 0) bo.audit.rate = std::make_shared<fetch::RateLimit>(o.max_rate);
  bo.shops_in_flight = o.shops_in_flight;
  bo.shop_timeout_s = o.shop_timeout;
  bo.values = o.row_facts == "values";
  bo.reports_dir = o.reports;
  std::ostringstream settings;  // what changes an audit's result: rows made under other settings are told apart
  settings << config_file << "|" << (config_file.empty() ? "" : std::to_string(fs::exists(config_file) ? fs::file_size(config_file) : 0)) << "|"
           << *a.max_pages << "|" << a.max_depth.value_or(-1) << "|" << *a.render << "|" << a.ignore_robots << "|" << a.no_sitemap << "|"
           << a.lang << "|" << AMABLE_VERSION;
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(batch::fnv1a64(settings.str())));
  bo.row.config_hash = hash;
  bo.row.shard = shard->index;
  bo.row.shards = shard->count;
  catch_stop_signals();
  bo.stop = &stop_requested();
  if (!a.quiet)
    bo.on_shop = [](const batch::Shop& s, const std::string& status, size_t done, size_t total) {
      std::cerr << "amable: [" << done << "/" << total << "] " << util::strip_control(s.key) << " " << status << "\n";
    };
  const auto result = batch::run_batch(mine, *rows, bo, rules::all_rules());
  if (!result.write_error.empty()) {
    std::cerr << "amable: error: " << result.write_error << "\n";
    return 4;
  }
  if (stop_signal() != 0) {
    if (!a.quiet)
      std::cerr << "amable: stopped: " << result.written << " rows written, " << result.stopped
                << " shops left for the next run (the same command goes on where this one stopped)\n";
    return 128 + stop_signal();
  }
  if (!a.quiet) {
    std::cerr << "amable: " << result.written << (result.written == 1 ? " row" : " rows") << " written to " << out.string();
    if (result.requests > 0)
      std::cerr << " (" << result.requests << (result.requests == 1 ? " request" : " requests") << " on one network thread, up to "
                << result.most_shops_at_once << (result.most_shops_at_once == 1 ? " shop" : " shops") << " at once)";
    std::cerr << "\n";
  }
  return 0;
}

int run_merge(const MergeOptions& o) {
  std::vector<fs::path> parts(o.parts.begin(), o.parts.end());
  auto merged = batch::merge_rows(parts);
  if (!merged) throw CliError{k_exit_usage, merged.error()};
  std::string text;
  for (const auto& [key, line] : merged->rows) text += line + "\n";
  if (auto ok = util::write_file_atomically(o.output, text); !ok) throw CliError{k_exit_usage, ok.error()};
  size_t missing = 0;
  if (!o.expect.empty()) {
    const auto expected = read_list(o.expect, {o.column, {}});
    std::string list;
    for (const auto& s : expected)
      if (!merged->rows.contains(s.key)) {
        ++missing;
        list += s.input + "\n";
      }
    if (!o.missing.empty())
      if (auto ok = util::write_file_atomically(o.missing, list); !ok) throw CliError{k_exit_usage, ok.error()};
  }
  if (!o.quiet) {
    std::cerr << "amable: " << merged->rows.size() << " shops in " << o.output << " (" << merged->read << " rows read from " << parts.size()
              << (parts.size() == 1 ? " file" : " files") << "; " << merged->duplicates << " duplicates and " << merged->bad
              << " torn or foreign lines dropped)";
    if (!o.expect.empty()) std::cerr << "; " << missing << " of the expected shops have no row" << (o.missing.empty() ? "" : " (listed in " + o.missing + ")");
    std::cerr << "\n";
  }
  return 0;
}

int run_summarize(const SummarizeOptions& o) {
  auto s = batch::summarize_rows(o.rows, o.by);
  if (!s) throw CliError{k_exit_usage, s.error()};
  const std::string text = batch::render_summary(*s, o.format);
  if (o.outputs.empty()) {
    std::cout << text;
  } else {
    for (const auto& path : o.outputs)
      if (auto ok = util::write_file_atomically(path, text); !ok) throw CliError{k_exit_usage, ok.error()};
  }
  if (s->bad_lines > 0) std::cerr << "amable: " << s->bad_lines << " torn or foreign lines in " << o.rows << " were skipped\n";
  return 0;
}

}  // namespace amable::cli
