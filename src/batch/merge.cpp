#include "batch/merge.hpp"

#include <nlohmann/json.hpp>

#include "batch/row_file.hpp"

namespace amable::batch {
namespace {

struct Rank {
  int completed = 0;
  std::string started_at;
  bool operator<(const Rank& o) const { return completed != o.completed ? completed < o.completed : started_at < o.started_at; }
};

Rank rank_of(const nlohmann::json& row) {
  const std::string status = row.value("status", "");
  return {status == "ok" ? 2 : status == "partial" ? 1 : 0, row.value("started_at", "")};
}

}  // namespace

std::expected<Merged, std::string> merge_rows(const std::vector<std::filesystem::path>& parts) {
  Merged m;
  std::map<std::string, Rank> ranks;
  for (const auto& part : parts) {
    auto counted = read_rows(part, [&](const std::string& line) {
      const auto row = nlohmann::json::parse(line);
      const std::string key = row["key"].get<std::string>();
      const Rank r = rank_of(row);
      auto it = ranks.find(key);
      if (it == ranks.end()) {
        ranks.emplace(key, r);
        m.rows.emplace(key, line);
        return;
      }
      ++m.duplicates;
      if (it->second < r) {
        it->second = r;
        m.rows[key] = line;
      }
    });
    if (!counted) return std::unexpected(counted.error());
    m.read += counted->rows;
    m.bad += counted->bad;
  }
  return m;
}

}  // namespace amable::batch
