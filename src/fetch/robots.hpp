#pragma once
// robots.txt (RFC 9309), with Google's documented behaviour where the RFC leaves room:
// groups by user agent (product token up to the first space), rules of repeated groups merged,
// longest match between allow and disallow (allow wins a tie), '*' and '$' in patterns,
// non-ASCII in patterns percent-encoded, lines cut at 16,664 bytes, a missing ':' accepted
// when a space separates key and value, "index.html" in an allow rule also allowing the folder.
// Checked against google/robotstxt's test suite (tests/fetch/test_robots.cpp).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace amable::fetch {

struct RobotsRule {
  bool allow = false;
  std::string pattern;  // percent-escaped as Google's MaybeEscapePattern does
};

class Robots {
 public:
  // Parses a robots.txt body (callers cap it at 500 KiB, RFC 9309 §2.5).
  static Robots parse(std::string_view body);
  // A robots.txt that allows everything (4xx) or nothing (5xx, unreachable).
  static Robots allow_all();
  static Robots disallow_all();

  // Is `url` (absolute, percent-encoded) allowed for the crawler whose product token is `agent`?
  bool allowed(std::string_view agent, std::string_view url) const;
  // Crawl-delay in seconds of the group that applies to `agent`, if any.
  std::optional<double> crawl_delay(std::string_view agent) const;
  const std::vector<std::string>& sitemaps() const { return m_sitemaps; }

 private:
  struct Group {
    std::vector<std::string> agents;  // lower-cased product tokens; "*" for the global group
    std::vector<RobotsRule> rules;
    std::optional<double> crawl_delay;
  };
  std::vector<Group> m_groups;
  std::vector<std::string> m_sitemaps;
  bool m_disallow_all = false;
};

// The parts of robots.txt parsing the conformance suite checks on their own.
struct RobotsParseStats {
  int valid_directives = 0;    // user-agent, allow, disallow, sitemap lines
  int unknown_directives = 0;  // other key: value lines
  int last_line_seen = 0;      // 1-based number of the last line that produced a directive
  std::vector<std::string> sitemaps;
};
RobotsParseStats robots_parse_stats(std::string_view body);

// The path, params and query of a URL, as the rules are matched against ("/" when none).
std::string robots_path(std::string_view url);
// Percent-encodes bytes >= 0x80 and upper-cases existing %xx escapes.
std::string robots_escape_pattern(std::string_view pattern);
// A product token a crawler may use: letters, '-' and '_' only.
bool robots_valid_agent(std::string_view agent);
// Does `path` match `pattern` (with '*' and a final '$')?
bool robots_match(std::string_view path, std::string_view pattern);
// The product token of a User-Agent header value: "amable/0.1 (+url)" -> "amable".
std::string robots_product_token(std::string_view user_agent);

}  // namespace amable::fetch
