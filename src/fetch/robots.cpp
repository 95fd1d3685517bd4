#include "fetch/robots.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "util/text.hpp"

namespace amable::fetch {
namespace {

constexpr size_t k_max_line = 2083 * 8;  // Google's limit; longer lines are cut

enum class Key { user_agent, allow, disallow, sitemap, crawl_delay, unknown };

struct Directive {
  Key key;
  std::string value;
  int line;
};

bool is_white(char c) { return c == ' ' || c == '\t'; }

std::string_view strip(std::string_view s) {
  while (!s.empty() && util::is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && util::is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

// <key>[ \t]*:[ \t]*<value>, or "<key> <value>" with exactly two words (Google-specific).
bool key_and_value(std::string_view line, std::string_view& key, std::string_view& value) {
  if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
  line = strip(line);
  size_t sep = line.find(':');
  if (sep == std::string_view::npos) {
    const size_t ws = line.find_first_of(" \t");
    if (ws == std::string_view::npos) return false;
    size_t v = ws;
    while (v < line.size() && is_white(line[v])) ++v;
    if (line.find_first_of(" \t", v) != std::string_view::npos) return false;  // more than two words
    sep = ws;
  }
  key = strip(line.substr(0, sep));
  if (key.empty()) return false;
  value = strip(line.substr(sep + 1));
  return true;
}

Key classify(std::string_view key) {
  auto starts = [&](std::string_view p) { return util::istarts_with(key, p); };
  if (starts("user-agent") || starts("useragent") || starts("user agent")) return Key::user_agent;
  if (starts("allow")) return Key::allow;
  if (starts("disallow") || starts("dissallow") || starts("dissalow") || starts("disalow") ||
      starts("diasllow") || starts("disallaw"))
    return Key::disallow;
  if (starts("sitemap") || starts("site-map")) return Key::sitemap;
  if (starts("crawl-delay") || starts("crawldelay") || starts("crawl delay")) return Key::crawl_delay;
  return Key::unknown;
}

// Splits the body into lines (LF, CR, CRLF), skipping a leading UTF-8 BOM (or a prefix of
// one) and cutting long lines, and returns the directives with their 1-based line numbers.
std::vector<Directive> directives(std::string_view body, int* unknown = nullptr) {
  std::vector<Directive> out;
  static constexpr unsigned char k_bom[] = {0xEF, 0xBB, 0xBF};
  size_t bom_pos = 0;
  bool last_cr = false;
  int line_num = 0;
  std::string line;
  auto emit = [&]() {
    ++line_num;
    std::string_view key, value;
    if (!key_and_value(line, key, value)) return;
    const Key k = classify(key);
    if (k == Key::unknown) {
      if (unknown) ++*unknown;
      out.push_back({Key::unknown, std::string(value), line_num});
      return;
    }
    std::string v(value);
    if (k == Key::allow || k == Key::disallow) v = robots_escape_pattern(v);
    out.push_back({k, std::move(v), line_num});
  };
  for (const char c : body) {
    const auto ch = static_cast<unsigned char>(c);
    if (bom_pos < sizeof k_bom && ch == k_bom[bom_pos]) {
      ++bom_pos;
      continue;
    }
    bom_pos = sizeof k_bom;
    if (ch != '\n' && ch != '\r') {
      if (line.size() < k_max_line - 1) line.push_back(c);
      continue;
    }
    const bool crlf_continuation = line.empty() && last_cr && ch == '\n';
    if (!crlf_continuation) emit();
    line.clear();
    last_cr = ch == '\r';
  }
  emit();
  return out;
}

// Google's ExtractUserAgent: the leading run of letters, '-' and '_'.
std::string product_of(std::string_view ua) {
  size_t end = 0;
  while (end < ua.size() && (util::is_ascii_alpha(ua[end]) || ua[end] == '-' || ua[end] == '_')) ++end;
  return util::to_lower_ascii(ua.substr(0, end));
}

}  // namespace

std::string robots_escape_pattern(std::string_view pattern) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    const auto c = static_cast<unsigned char>(pattern[i]);
    if (c == '%' && i + 2 < pattern.size() &&
        std::isxdigit(static_cast<unsigned char>(pattern[i + 1])) && std::isxdigit(static_cast<unsigned char>(pattern[i + 2]))) {
      out.push_back('%');
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(pattern[i + 1]))));
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(pattern[i + 2]))));
      i += 2;
    } else if (c >= 0x80) {
      out.push_back('%');
      out.push_back(k_hex[c >> 4]);
      out.push_back(k_hex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string robots_path(std::string_view url) {
  size_t search_start = 0;
  if (url.size() >= 2 && url[0] == '/' && url[1] == '/') search_start = 2;
  const size_t early_path = url.find_first_of("/?;", search_start);
  size_t protocol_end = url.find("://", search_start);
  if (early_path < protocol_end) protocol_end = std::string_view::npos;  // "/a://b" has no scheme
  protocol_end = protocol_end == std::string_view::npos ? search_start : protocol_end + 3;
  const size_t path_start = url.find_first_of("/?;", protocol_end);
  if (path_start == std::string_view::npos) return "/";
  const size_t hash = url.find('#', search_start);
  if (hash < path_start) return "/";
  const size_t path_end = hash == std::string_view::npos ? url.size() : hash;
  std::string out(url.substr(path_start, path_end - path_start));
  if (out.front() != '/') out.insert(out.begin(), '/');
  return out;
}

bool robots_valid_agent(std::string_view agent) {
  return !agent.empty() && std::all_of(agent.begin(), agent.end(), [](char c) {
    return util::is_ascii_alpha(c) || c == '-' || c == '_';
  });
}

std::string robots_product_token(std::string_view user_agent) {
  size_t end = 0;
  while (end < user_agent.size() &&
         (util::is_ascii_alpha(user_agent[end]) || user_agent[end] == '-' || user_agent[end] == '_'))
    ++end;
  return std::string(user_agent.substr(0, end));
}

bool robots_match(std::string_view path, std::string_view pattern) {
  // The positions in `path` a prefix of `pattern` can end at (Google's algorithm).
  const size_t n = path.size();
  std::vector<size_t> pos(n + 1, 0);  // pos[0] = 0: the empty prefix ends at the start
  size_t count = 1;
  for (size_t p = 0; p < pattern.size(); ++p) {
    const char c = pattern[p];
    if (c == '$' && p + 1 == pattern.size()) return pos[count - 1] == n;
    if (c == '*') {
      count = n - pos[0] + 1;
      for (size_t i = 1; i < count; ++i) pos[i] = pos[i - 1] + 1;
    } else {
      size_t next = 0;
      for (size_t i = 0; i < count; ++i)
        if (pos[i] < n && path[pos[i]] == c) pos[next++] = pos[i] + 1;
      count = next;
      if (count == 0) return false;
    }
  }
  return true;
}

Robots Robots::parse(std::string_view body) {
  Robots r;
  bool separator = false;  // a rule line was seen since the last user-agent line
  bool in_group = false;
  for (auto& d : directives(body)) {
    switch (d.key) {
      case Key::user_agent: {
        if (separator || !in_group) {
          r.m_groups.emplace_back();
          separator = false;
          in_group = true;
        }
        // "* anything" is still the global group (Google-specific).
        const std::string_view v = d.value;
        if (!v.empty() && v[0] == '*' && (v.size() == 1 || util::is_ascii_space(v[1])))
          r.m_groups.back().agents.push_back("*");
        else
          r.m_groups.back().agents.push_back(product_of(v));
        break;
      }
      case Key::allow:
      case Key::disallow:
        if (!in_group) break;  // rules before any user-agent line belong to nobody
        separator = true;
        r.m_groups.back().rules.push_back({d.key == Key::allow, d.value});
        if (d.key == Key::allow) {
          // Google-specific: "/x/index.html" also allows "/x/".
          const size_t slash = d.value.rfind('/');
          if (slash != std::string::npos && std::string_view(d.value).substr(slash).starts_with("/index.htm"))
            r.m_groups.back().rules.push_back({true, d.value.substr(0, slash + 1) + "$"});
        }
        break;
      case Key::crawl_delay:
        if (in_group) {
          char* end = nullptr;
          const double v = std::strtod(d.value.c_str(), &end);
          if (end != d.value.c_str() && v >= 0) r.m_groups.back().crawl_delay = v;
        }
        break;
      case Key::sitemap:
        if (!d.value.empty()) r.m_sitemaps.push_back(d.value);
        break;
      case Key::unknown:
        break;
    }
  }
  return r;
}

Robots Robots::allow_all() { return Robots{}; }

Robots Robots::disallow_all() {
  Robots r;
  r.m_disallow_all = true;
  return r;
}

bool Robots::allowed(std::string_view agent, std::string_view url) const {
  if (m_disallow_all) return false;
  const std::string path = robots_path(url);
  const std::string me = util::to_lower_ascii(agent);
  // The groups naming this agent win over the global ones, even when they have no rules.
  bool specific = false;
  for (const auto& g : m_groups)
    if (std::find(g.agents.begin(), g.agents.end(), me) != g.agents.end()) specific = true;
  int allow = -1, disallow = -1;
  for (const auto& g : m_groups) {
    const bool names_me = std::find(g.agents.begin(), g.agents.end(), me) != g.agents.end();
    const bool global = std::find(g.agents.begin(), g.agents.end(), "*") != g.agents.end();
    if (specific ? !names_me : !global) continue;
    for (const auto& rule : g.rules) {
      if (!robots_match(path, rule.pattern)) continue;
      int& best = rule.allow ? allow : disallow;
      best = std::max(best, static_cast<int>(rule.pattern.size()));
    }
  }
  if (allow > 0 || disallow > 0) return disallow <= allow;  // the longest match; allow wins a tie
  return true;
}

std::optional<double> Robots::crawl_delay(std::string_view agent) const {
  const std::string me = util::to_lower_ascii(agent);
  std::optional<double> global;
  for (const auto& g : m_groups) {
    if (std::find(g.agents.begin(), g.agents.end(), me) != g.agents.end() && g.crawl_delay) return g.crawl_delay;
    if (std::find(g.agents.begin(), g.agents.end(), "*") != g.agents.end() && g.crawl_delay && !global)
      global = g.crawl_delay;
  }
  return global;
}

RobotsParseStats robots_parse_stats(std::string_view body) {
  RobotsParseStats s;
  for (const auto& d : directives(body, &s.unknown_directives)) {
    s.last_line_seen = d.line;
    if (d.key == Key::unknown || d.key == Key::crawl_delay) {
      if (d.key == Key::crawl_delay) ++s.unknown_directives;  // not a directive of RFC 9309
      continue;
    }
    ++s.valid_directives;
    if (d.key == Key::sitemap) s.sitemaps.push_back(d.value);
  }
  return s;
}

}  // namespace amable::fetch
