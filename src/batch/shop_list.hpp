#pragma once
// The shops of a batch: one a line (a host or a URL, `#` comments and blank lines skipped), or
// a CSV with a header whose `--column` names the shop (else the first column called url,
// domain, website, site or host; else the first), `--keep` columns copied into each row. Each
// shop gets a key (its registrable domain by the Public Suffix List, private suffixes included:
// two *.myshopify.com shops stay two) and a shard: FNV-1a 64 of the key, mod N.
#include <cstdint>
#include <expected>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace amable::batch {

struct Shop {
  std::string input;        // as written in the list
  std::string url;          // what is audited: the input, with https:// when it had no scheme
  std::string key;          // registrable domain, or host[:port] when there is none
  nlohmann::json kept = nlohmann::json::object();  // --keep columns, by name
  size_t line = 0;          // where it is in the list (1-based)
};

struct ListOptions {
  std::string column;                 // CSV: the column naming the shop
  std::vector<std::string> keep;      // CSV: columns copied into each row
};

// Reads a list; `name` names it in errors ("shops.csv: line 4: ..."). A line that is not a
// shop is an error naming it; the same key twice is audited once.
std::expected<std::vector<Shop>, std::string> read_shop_list(std::istream& in, const std::string& name, const ListOptions& options);

// The key of a shop's URL or host ("https://www.Shop.co.uk/x" -> "shop.co.uk").
std::optional<std::string> shop_key(std::string_view url_or_host);
// "shop.example" -> "https://shop.example/"; URLs are kept.
std::string shop_url(std::string_view url_or_host);

// FNV-1a, 64 bits (offset basis 14695981039346656037, prime 1099511628211), over the key's bytes.
uint64_t fnv1a64(std::string_view bytes);
// The shard (0..n-1) of a key: fnv1a64(key) mod n.
size_t shard_of(std::string_view key, size_t n);

// "3/16" -> {3, 16}; "auto/16" takes the index from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX,
// AWS_BATCH_JOB_ARRAY_INDEX or CLOUD_RUN_TASK_INDEX (the first one set).
struct ShardSpec {
  size_t index = 0, count = 1;
  std::string from;  // the variable the index came from, or ""
};
std::expected<ShardSpec, std::string> parse_shard(std::string_view spec, const std::function<const char*(const char*)>& getenv);

}  // namespace amable::batch
