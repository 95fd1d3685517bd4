#pragma once
// `amable merge`: shards' rows into one file, one row per key. A completed audit (ok, partial)
// beats a failure, then the latest beats the older; duplicates and torn lines are counted and
// dropped.
#include <expected>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace amable::batch {

struct Merged {
  std::map<std::string, std::string> rows;  // key -> the row kept (a JSON line)
  size_t read = 0, duplicates = 0, bad = 0;
};

std::expected<Merged, std::string> merge_rows(const std::vector<std::filesystem::path>& parts);

}  // namespace amable::batch
