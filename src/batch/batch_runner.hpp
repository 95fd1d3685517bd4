#pragma once
// Many shops audited at once in one process: `shops_in_flight` audits run side by side (a
// single shop is bound by the latency of its few requests in flight, so one machine audits many
// at once), each with the audit's own limits, politeness and time budget. Their transfers run
// on one network thread (one curl multi handle) and their pages are parsed by one set of parse
// threads, one per core. Each finished shop becomes one row, written at once.
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "batch/row.hpp"
#include "batch/row_file.hpp"
#include "batch/shop_list.hpp"
#include "engine/audit.hpp"

namespace amable::batch {

struct BatchOptions {
  engine::AuditOptions audit;         // target ignored; config, languages, TLS as for `audit`
  size_t shops_in_flight = 8;
  double shop_timeout_s = 300;        // past it the audit stops and the row is "partial"
  double stop_grace_s = 20;           // after SIGTERM, how long shops in flight may finish
  bool values = false;                // --row-facts values
  std::string reports_dir;            // keep each shop's full JSON report here (gzip), when set
  RowContext row;                     // config hash, shard
  const std::atomic<bool>* stop = nullptr;  // SIGINT/SIGTERM: start no shop, finish briefly
  std::function<void(const Shop&, const std::string& status, size_t done, size_t total)> on_shop;
};

struct BatchResult {
  size_t written = 0;      // rows written
  size_t stopped = 0;      // shops left without a row (stopped by a signal): a restart audits them
  std::string write_error; // the row file could not be written: the run stops
  uint64_t requests = 0;   // transfers started on the network thread, all shops together
  size_t most_shops_at_once = 0;  // the most shops whose transfers it carried at one time
};

BatchResult run_batch(const std::vector<Shop>& shops, RowFile& out, const BatchOptions& options, const std::vector<engine::Rule>& rules);

}  // namespace amable::batch
