#include "batch/shop_list.hpp"

#include <charconv>
#include <functional>
#include <iterator>
#include <set>
#include <sstream>

#include "fetch/scope.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::batch {
namespace {

// One CSV record (RFC 4180: quotes, doubled quotes, commas and newlines inside quotes).
bool read_csv_record(std::istream& in, std::vector<std::string>& fields, size_t& line) {
  fields.clear();
  std::string field, text;
  if (!std::getline(in, text)) return false;
  ++line;
  bool quoted = false;
  for (size_t i = 0;; ++i) {
    if (i == text.size()) {
      if (quoted) {  // a newline inside quotes: the record goes on
        std::string more;
        if (!std::getline(in, more)) break;
        ++line;
        field += '\n';
        text = std::move(more);
        i = static_cast<size_t>(-1);
        continue;
      }
      break;
    }
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  fields.push_back(std::move(field));
  return true;
}

bool looks_like_csv_header(std::string_view first_line) {
  return first_line.find(',') != std::string_view::npos;
}

}  // namespace

uint64_t fnv1a64(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

size_t shard_of(std::string_view key, size_t n) { return n == 0 ? 0 : static_cast<size_t>(fnv1a64(key) % n); }

std::string shop_url(std::string_view s) {
  const std::string t(util::trim(s));
  if (t.find("://") != std::string::npos) return t;  // a URL (other schemes are refused by shop_key)
  return "https://" + t + (t.find('/') == std::string::npos ? "/" : "");
}

std::optional<std::string> shop_key(std::string_view url_or_host) {
  const auto p = url::parse(shop_url(url_or_host));
  if (!p || p->host.empty() || (p->scheme != "http" && p->scheme != "https")) return std::nullopt;
  std::string key = fetch::registrable_domain(p->host);
  if (key.empty()) key = p->host + (p->port.empty() ? "" : ":" + p->port);
  return key;
}

std::expected<std::vector<Shop>, std::string> read_shop_list(std::istream& in, const std::string& name, const ListOptions& o) {
  std::vector<Shop> out;
  std::set<std::string> seen;
  auto add = [&](std::string_view written, size_t line, nlohmann::json kept) -> std::expected<void, std::string> {
    const std::string input(util::trim(written));
    const auto key = shop_key(input);
    if (!key) return std::unexpected(name + ": line " + std::to_string(line) + ": \"" + input + "\" is not a host or an http(s) URL");
    if (!seen.insert(*key).second) return {};
    out.push_back({input, shop_url(input), *key, std::move(kept), line});
    return {};
  };

  // The whole list is read first (a million lines is tens of MB): a pipe cannot be read twice.
  std::ostringstream whole;
  whole << in.rdbuf();
  const std::string all = whole.str();
  const std::string first = all.substr(0, all.find('\n'));
  std::istringstream list(all);
  const bool csv = !o.column.empty() || !o.keep.empty() || looks_like_csv_header(first);
  if (!csv) {
    std::string text;
    size_t line = 0;
    while (std::getline(list, text)) {
      ++line;
      const auto t = util::trim(text);
      if (t.empty() || t.front() == '#') continue;
      if (auto ok = add(t, line, nlohmann::json::object()); !ok) return std::unexpected(ok.error());
    }
    return out;
  }

  std::vector<std::string> header, fields;
  size_t line = 0;
  if (!read_csv_record(list, header, line)) return out;
  for (auto& h : header) h = std::string(util::trim(h));
  auto column_of = [&](const std::string& wanted) -> std::optional<size_t> {
    for (size_t i = 0; i < header.size(); ++i)
      if (util::iequals(header[i], wanted)) return i;
    return std::nullopt;
  };
  std::optional<size_t> shop_col;
  if (!o.column.empty()) {
    shop_col = column_of(o.column);
    if (!shop_col) return std::unexpected(name + ": no column \"" + o.column + "\" in the header (" + util::join(header, ", ") + ")");
  } else {
    for (const char* c : {"url", "domain", "website", "site", "host", "shop"})
      if ((shop_col = column_of(c))) break;
    if (!shop_col) shop_col = 0;
  }
  std::vector<std::pair<std::string, size_t>> keep;
  for (const auto& k : o.keep) {
    const auto c = column_of(k);
    if (!c) return std::unexpected(name + ": --keep " + k + ": no such column in the header (" + util::join(header, ", ") + ")");
    keep.emplace_back(header[*c], *c);
  }
  while (true) {
    const size_t at = line + 1;
    if (!read_csv_record(list, fields, line)) break;
    if (fields.size() == 1 && util::trim(fields[0]).empty()) continue;
    if (*shop_col >= fields.size() || util::trim(fields[*shop_col]).empty())
      return std::unexpected(name + ": line " + std::to_string(at) + ": no shop in column \"" + header[*shop_col] + "\"");
    nlohmann::json kept = nlohmann::json::object();
    for (const auto& [col, i] : keep) kept[col] = i < fields.size() ? fields[i] : "";
    if (auto ok = add(fields[*shop_col], at, std::move(kept)); !ok) return std::unexpected(ok.error());
  }
  return out;
}

std::expected<ShardSpec, std::string> parse_shard(std::string_view spec, const std::function<const char*(const char*)>& getenv) {
  const auto slash = spec.find('/');
  auto number = [](std::string_view s) -> std::optional<size_t> {
    size_t v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
  };
  const std::string bad = "--shard " + std::string(spec) + ": expected I/N (0 <= I < N) or auto/N";
  if (slash == std::string_view::npos) return std::unexpected(bad);
  const auto n = number(spec.substr(slash + 1));
  if (!n || *n == 0) return std::unexpected(bad);
  ShardSpec s;
  s.count = *n;
  const auto first = spec.substr(0, slash);
  if (first == "auto") {
    for (const char* var : {"SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX", "CLOUD_RUN_TASK_INDEX"}) {
      const char* v = getenv(var);
      if (!v || !*v) continue;
      const auto i = number(v);
      if (!i) return std::unexpected(std::string(var) + "=" + v + ": not a shard index");
      s.index = *i;
      s.from = var;
      break;
    }
    if (s.from.empty())
      return std::unexpected("--shard auto/" + std::to_string(*n) +
                             ": none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX, CLOUD_RUN_TASK_INDEX is set");
  } else {
    const auto i = number(first);
    if (!i) return std::unexpected(bad);
    s.index = *i;
  }
  if (s.index >= s.count)
    return std::unexpected("--shard: index " + std::to_string(s.index) + " is not below the shard count " + std::to_string(s.count));
  return s;
}

}  // namespace amable::batch
