#pragma once
// One shop's line in a batch file (reports/schema/batch-row.schema.json, `amable_row` 1): who
// it is, how the audit went, its score and each rule's, and its facts as counts and booleans.
// Contact values (e-mail addresses, numbers, names, addresses) go in only with --row-facts
// values: a country's list of shop contacts is personal data.
#include <string>

#include <nlohmann/json.hpp>

#include "batch/shop_list.hpp"
#include "model/report.hpp"

namespace amable::batch {

inline constexpr int k_row_version = 1;

struct RowContext {
  std::string config_hash;   // of the effective config, so rows of different settings are told apart
  size_t shard = 0, shards = 1;
  bool values = false;       // --row-facts values
  bool timed_out = false;    // the shop's budget ended the audit
  std::string started_at;    // ISO 8601
  double seconds = 0;
};

// The row of an audit that produced a report.
nlohmann::ordered_json row_of_report(const Shop& shop, const model::Report& report, const RowContext& ctx);
// The row of a shop that could not be audited: `status` unreachable, blocked, timeout or error.
nlohmann::ordered_json row_of_failure(const Shop& shop, const std::string& status, const std::string& error, const RowContext& ctx);
// unreachable (DNS, connection), blocked (robots.txt, 401/403/429), timeout, or error: from
// the message of an audit that read nothing.
std::string failure_status(const std::string& error);

}  // namespace amable::batch
