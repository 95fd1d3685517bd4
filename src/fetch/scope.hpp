#pragma once
// What belongs to the audited site: the start URL's registrable domain and its subdomains
// (www. and the bare host are one site), or the exact host and port for an IP address or
// localhost; hosted help desks the shop links to (RULES.md §0.1); --include/--exclude filters.
#include <expected>
#include <regex>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

namespace amable::fetch {

class Scope {
 public:
  enum class Kind { site, help_desk, outside };

  static std::expected<Scope, std::string> make(std::string_view start_url, const std::vector<std::string>& include,
                                                const std::vector<std::string>& exclude);
  Kind classify(std::string_view url) const;
  Kind classify_uncached(std::string_view url) const;  // without the memo, for tests
  // False when --include does not match or --exclude does.
  bool passes_filters(std::string_view url) const;
  // The start host itself or its www. twin: where credentials and custom headers may go.
  bool is_start_host(std::string_view url) const;

 private:
  std::string m_site;        // registrable domain, or host:port
  std::string m_start_host;  // without a leading "www."
  std::string m_start_port;
  std::vector<std::regex> m_include, m_exclude;
  // Kind and start-host answers by "scheme://authority" (all they depend on): the crawler asks
  // for every link of every page. Used from the crawl's thread only.
  mutable std::unordered_map<std::string, Kind> m_kinds;
  mutable std::unordered_map<std::string, bool> m_start_hosts;
};

// "shop.example.co.uk" -> "example.co.uk" (Public Suffix List, via libpsl); "" for an IP
// address, localhost or a bare public suffix.
std::string registrable_domain(std::string_view host);

}  // namespace amable::fetch
