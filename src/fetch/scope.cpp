#include "fetch/scope.hpp"

#include <libpsl.h>

#include "text/lexicon.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::fetch {
namespace {

std::string strip_www(std::string_view host) {
  if (util::istarts_with(host, "www.")) host.remove_prefix(4);
  return std::string(host);
}

// A site key: the registrable domain, or host:port when there is none (IPs, localhost).
std::string site_key(const url::Parts& p) {
  std::string reg = registrable_domain(p.host);
  if (!reg.empty()) return reg;
  return p.host + ":" + (p.port.empty() ? (p.scheme == "https" ? "443" : "80") : p.port);
}

}  // namespace

std::string registrable_domain(std::string_view host) {
  if (host.empty() || host.front() == '[' || util::is_ascii_digit(host.back())) return {};  // IPv6, IPv4
  const std::string h(host);
  const char* reg = psl_registrable_domain(psl_builtin(), h.c_str());
  return reg ? std::string(reg) : std::string();
}

std::expected<Scope, std::string> Scope::make(std::string_view start_url, const std::vector<std::string>& include,
                                              const std::vector<std::string>& exclude) {
  auto p = url::parse(start_url);
  if (!p || (p->scheme != "http" && p->scheme != "https")) return std::unexpected(std::string(start_url) + ": not an http(s) URL");
  Scope s;
  s.m_site = site_key(*p);
  s.m_start_host = strip_www(p->host);
  s.m_start_port = p->port;
  auto compile = [](const std::vector<std::string>& in, std::vector<std::regex>& out, const char* opt) -> std::string {
    for (const auto& re : in) {
      try {
        out.emplace_back(re, std::regex::ECMAScript | std::regex::optimize);
      } catch (const std::regex_error& e) {
        return std::string(opt) + " '" + re + "': not a valid regular expression (" + e.what() + ")";
      }
    }
    return {};
  };
  if (auto err = compile(include, s.m_include, "--include"); !err.empty()) return std::unexpected(err);
  if (auto err = compile(exclude, s.m_exclude, "--exclude"); !err.empty()) return std::unexpected(err);
  return s;
}

namespace {

// "scheme://authority" of an http(s) URL: everything a host and port are parsed from (the
// authority ends at the first '/', '\\', '?' or '#'); "" for anything else.
std::string_view origin_part(std::string_view u) {
  size_t after = 0;
  if (util::istarts_with(u, "http://")) after = 7;
  else if (util::istarts_with(u, "https://")) after = 8;
  else return {};
  const size_t end = u.find_first_of("/\\?#", after);
  return u.substr(0, end == std::string_view::npos ? u.size() : end);
}

// The answer for `u`, computed from its origin alone (so that the memo is exact).
template <typename V, typename Compute>
V remembered(std::unordered_map<std::string, V>& memo, std::string_view u, Compute&& compute) {
  const std::string_view key = origin_part(u);
  if (key.empty()) return compute(u);
  std::string k(key);
  if (auto it = memo.find(k); it != memo.end()) return it->second;
  const V v = compute(k + "/");
  if (memo.size() >= 10000) memo.clear();
  memo.emplace(std::move(k), v);
  return v;
}

}  // namespace

Scope::Kind Scope::classify(std::string_view u) const {
  return remembered(m_kinds, u, [&](std::string_view x) { return classify_uncached(x); });
}

Scope::Kind Scope::classify_uncached(std::string_view u) const {
  auto p = url::parse(u);
  if (!p || (p->scheme != "http" && p->scheme != "https")) return Kind::outside;
  if (site_key(*p) == m_site) return Kind::site;
  for (const auto& desk : text::lexicon("widgets").lines("help-desks", "any"))
    if (p->host == desk || util::iends_with(p->host, "." + desk)) return Kind::help_desk;
  return Kind::outside;
}

bool Scope::passes_filters(std::string_view u) const {
  const std::string s(u);
  if (!m_include.empty()) {
    bool any = false;
    for (const auto& re : m_include) any = any || std::regex_search(s, re);
    if (!any) return false;
  }
  for (const auto& re : m_exclude)
    if (std::regex_search(s, re)) return false;
  return true;
}

bool Scope::is_start_host(std::string_view u) const {
  return remembered(m_start_hosts, u, [&](std::string_view x) {
    auto p = url::parse(x);
    return p && strip_www(p->host) == m_start_host && p->port == m_start_port;
  });
}


}  // namespace amable::fetch
