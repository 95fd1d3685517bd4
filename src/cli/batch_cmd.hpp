#pragma once
// `amable batch`, `amable merge`, `amable summarize`: many shops, sharded, one JSON line each
// (README "Auditing many shops").
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/audit_cmd.hpp"

namespace amable::cli {

struct BatchCliOptions {
  std::string input;
  std::string shard = "0/1";
  std::string out, out_dir;
  std::string column;
  std::vector<std::string> keep;
  size_t shops_in_flight = 8;
  double shop_timeout = 300;
  double max_rate = 0;  // requests/s for the whole process; 0 = no ceiling
  std::string row_facts = "counts";
  std::string reports;
  AuditOptions audit;  // crawl and render flags, config, languages (as for `audit`)
};

struct MergeOptions {
  std::vector<std::string> parts;
  std::string output, expect, missing;
  std::string column;
  bool quiet = false;
};

struct SummarizeOptions {
  std::string rows;
  std::string by = "tld";
  std::string format = "text";
  std::vector<std::string> outputs;
};

void setup_batch(CLI::App& app, BatchCliOptions& o, MergeOptions& m, SummarizeOptions& s);
int run_batch(const BatchCliOptions& o);
int run_merge(const MergeOptions& o);
int run_summarize(const SummarizeOptions& o);

}  // namespace amable::cli
