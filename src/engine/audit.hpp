#pragma once
// One audit, end to end: source -> parse -> page facts -> site -> rules -> report.
#include <atomic>
#include <expected>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/config.hpp"
#include "fetch/rate_limit.hpp"
#include "engine/rule.hpp"
#include "model/report.hpp"

namespace amable::engine {

class SharedParseWorkers;  // engine/parse_pool.hpp
}  // namespace amable::engine
namespace amable::fetch {
class NetworkThread;  // fetch/transfer_loop.hpp
}  // namespace amable::fetch
namespace amable::engine {

struct AuditOptions {
  std::string target;
  std::string forced_lang;         // --lang
  std::string report_lang = "auto";  // --report-lang: en, es, or auto (the shop's language when it is one of them)
  std::string config_file;           // the config read, for the report ("" when none)
  Config config;                   // amable.json merged with the command line
  bool verbose = false;
  bool quiet = false;
  size_t jobs = 0;                 // parse threads; 0 = one per core
  std::string ca_file;             // extra CA bundle for https (tests)
  bool insecure = false;           // accept invalid TLS certificates
  std::shared_ptr<fetch::RateLimit> rate;  // shared by the shops of a batch (--max-rate)
  SharedParseWorkers* parse_workers = nullptr;  // parse threads shared by a batch's shops
  fetch::NetworkThread* network = nullptr;      // the one curl multi loop of a batch's shops
  // Set (e.g. by a signal handler) to stop reading new pages and report what was read.
  const std::atomic<bool>* interrupted = nullptr;
  struct Progress {
    size_t done = 0, failed = 0, queued = 0;
    double seconds = 0;
    std::string url;
  };
  // Called after each page; for progress output.
  std::function<void(const Progress&)> on_page;
};

struct AuditError {
  int exit_code = 3;
  std::string message;
};

std::expected<model::Report, AuditError> run_audit(const AuditOptions& options, const std::vector<Rule>& rules);

// The report's clock: now, or SOURCE_DATE_EPOCH when set (reproducible output).
std::string now_iso8601();
bool fixed_clock();

}  // namespace amable::engine
