#include "util/url.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <idn2.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "util/memo.hpp"
#include "util/url_plain.hpp"
#include "util/text.hpp"

// An href goes through the WHATWG URL Standard's steps that curl (RFC 3986) does not take:
// white space and control characters trimmed, "\" read as "/", slashes after "http:"
// forgiven, percent-encoding by the standard's sets, "%2e" dot segments, and host parsing
// (IDNA with libidn2, IPv4 numbers in any base, IPv6 serialisation, forbidden characters).
// libcurl's URL API then resolves it against the base and normalises the path.

namespace amable::url {
namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

struct CurlString {
  char* p = nullptr;
  ~CurlString() { curl_free(p); }
};

std::optional<std::string> get_part(CURLU* u, CURLUPart part, unsigned flags = 0) {
  CurlString s;
  if (curl_url_get(u, part, &s.p, flags) != CURLUE_OK || !s.p) return std::nullopt;
  return std::string(s.p);
}

bool is_special(std::string_view scheme) { return scheme == "http" || scheme == "https"; }
bool is_local(std::string_view scheme) { return scheme == "file"; }

// ---- percent-encoding (URL Standard §1.3) ---------------------------------------------------

bool c0_or_high(unsigned char c) { return c < 0x20 || c >= 0x7F; }
bool in_path_set(unsigned char c) {
  return c0_or_high(c) || c == ' ' || c == '"' || c == '#' || c == '<' || c == '>' || c == '?' || c == '`' ||
         c == '{' || c == '}';
}
bool in_query_set(unsigned char c) {  // special-query set
  return c0_or_high(c) || c == ' ' || c == '"' || c == '#' || c == '<' || c == '>' || c == '\'';
}
bool in_userinfo_set(unsigned char c) {
  return in_path_set(c) || c == '/' || c == ':' || c == ';' || c == '=' || c == '@' || (c >= '[' && c <= '^') || c == '|';
}

template <typename InSet>
std::string encode(std::string_view s, InSet in_set) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (in_set(c)) {
      out.push_back('%');
      out.push_back(k_hex[c >> 4]);
      out.push_back(k_hex[c & 15]);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

// "%2e" and "%2E" spell "." in a path segment that is only dots.
std::string decode_dot_segments(std::string_view path) {
  std::string out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string seg(path.substr(start, end - start));
    std::string plain;
    bool dots_only = !seg.empty();
    for (size_t i = 0; i < seg.size() && dots_only;) {
      if (seg[i] == '.') {
        plain.push_back('.');
        ++i;
      } else if (seg.compare(i, 3, "%2e") == 0 || seg.compare(i, 3, "%2E") == 0) {
        plain.push_back('.');
        i += 3;
      } else {
        dots_only = false;
      }
    }
    out += (dots_only && (plain == "." || plain == "..")) ? plain : seg;
    if (end == path.size()) break;
    out.push_back('/');
    start = end + 1;
  }
  return out;
}

// Path and query of a reference, each encoded by its set.
std::string encode_path_query(std::string_view rest) {
  const auto q = rest.find('?');
  std::string path(rest.substr(0, q));
  for (char& c : path)
    if (c == '\\') c = '/';
  std::string out = encode(decode_dot_segments(path), in_path_set);
  if (q != std::string_view::npos) out += "?" + encode(rest.substr(q + 1), in_query_set);
  return out;
}

// ---- hosts (URL Standard §3.5) ------------------------------------------------------------------

bool forbidden_domain_char(unsigned char c) {
  return c <= 0x20 || c == '#' || c == '/' || c == ':' || c == '<' || c == '>' || c == '?' || c == '@' || c == '[' ||
         c == '\\' || c == ']' || c == '^' || c == '|' || c == '%' || c == 0x7F;
}

std::optional<uint64_t> ipv4_number(std::string_view part) {
  if (part.empty()) return std::nullopt;
  int base = 10;
  if (part.size() >= 2 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X')) {
    base = 16;
    part.remove_prefix(2);
  } else if (part.size() >= 2 && part[0] == '0') {
    base = 8;
    part.remove_prefix(1);
  }
  if (part.empty()) return 0;
  uint64_t v = 0;
  for (char c : part) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (base == 16 && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (base == 16 && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return std::nullopt;
    if (d >= base) return std::nullopt;
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
    if (v > 0xFFFFFFFFFFull) return v;  // large enough to fail the range check
  }
  return v;
}

bool ends_in_number(std::string_view host) {
  auto parts = util::split(host, '.');
  if (parts.size() > 1 && parts.back().empty()) parts.pop_back();
  const auto last = parts.back();
  if (!last.empty() && std::all_of(last.begin(), last.end(), [](char c) { return util::is_ascii_digit(c); })) return true;
  return ipv4_number(last).has_value() && last.size() >= 2 && (last[1] == 'x' || last[1] == 'X');
}

// nullopt: not an IPv4 address; "" : invalid (a failure); else the dotted form.
std::optional<std::string> parse_ipv4(std::string_view host) {
  auto parts = util::split(host, '.');
  if (parts.size() > 1 && parts.back().empty()) parts.pop_back();
  if (parts.size() > 4) return std::string();
  std::vector<uint64_t> nums;
  for (auto p : parts) {
    auto n = ipv4_number(p);
    if (!n) return std::string();
    nums.push_back(*n);
  }
  for (size_t i = 0; i + 1 < nums.size(); ++i)
    if (nums[i] > 255) return std::string();
  const uint64_t limit = 1ull << (8 * (5 - nums.size()));
  if (nums.back() >= limit) return std::string();
  uint64_t v = nums.back();
  for (size_t i = 0; i + 1 < nums.size(); ++i) v += nums[i] << (8 * (3 - i));
  return std::to_string((v >> 24) & 255) + "." + std::to_string((v >> 16) & 255) + "." +
         std::to_string((v >> 8) & 255) + "." + std::to_string(v & 255);
}

std::optional<std::string> parse_ipv6(std::string_view inside) {
  const std::string s(inside);
  unsigned char buf[16];
  if (inet_pton(AF_INET6, s.c_str(), buf) != 1) return std::nullopt;
  uint16_t pieces[8];
  for (int i = 0; i < 8; ++i) pieces[i] = static_cast<uint16_t>((buf[2 * i] << 8) | buf[2 * i + 1]);
  // The longest run of two or more zero pieces is compressed (the first of equal runs).
  int best = -1, best_len = 1;
  for (int i = 0; i < 8;) {
    if (pieces[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && pieces[j] == 0) ++j;
    if (j - i > best_len) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  std::string out = "[";
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += (i == 0) ? "::" : ":";
      i += best_len - 1;
      continue;
    }
    char hex[8];
    std::snprintf(hex, sizeof hex, "%x", pieces[i]);
    out += hex;
    if (i != 7) out += ":";
  }
  return out + "]";
}

std::optional<std::string> parse_host(std::string_view raw) {
  if (raw.empty()) return std::nullopt;
  if (raw.front() == '[') {
    if (raw.back() != ']') return std::nullopt;
    return parse_ipv6(raw.substr(1, raw.size() - 2));
  }
  const std::string decoded = util::percent_decode(raw);
  if (!util::is_valid_utf8(decoded)) return std::nullopt;
  bool ascii = true;
  for (unsigned char c : decoded) ascii = ascii && c < 0x80;
  std::string host;
  if (ascii) {
    host = util::to_lower_ascii(decoded);
  } else {
    char* out = nullptr;
    if (idn2_to_ascii_8z(decoded.c_str(), &out, IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT) != IDN2_OK || !out)
      return std::nullopt;
    host = util::to_lower_ascii(out);
    idn2_free(out);
  }
  if (host.empty()) return std::nullopt;
  for (unsigned char c : host)
    if (forbidden_domain_char(c)) return std::nullopt;
  if (ends_in_number(host)) {
    auto v4 = parse_ipv4(host);
    if (!v4 || v4->empty()) return std::nullopt;
    return v4;
  }
  return host;
}

// "scheme://userinfo@host:port/path?query" with every part cleaned; nullopt on failure.
std::optional<std::string> clean_absolute(const std::string& scheme, std::string_view after_slashes) {
  const size_t end = after_slashes.find_first_of("/?\\");
  std::string_view authority = after_slashes.substr(0, end);
  const std::string_view rest = end == std::string_view::npos ? std::string_view() : after_slashes.substr(end);
  std::string userinfo;
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    const auto info = authority.substr(0, at);
    authority = authority.substr(at + 1);
    const auto colon = info.find(':');
    const std::string user = encode(info.substr(0, colon), in_userinfo_set);
    const std::string pass = colon == std::string_view::npos ? std::string() : encode(info.substr(colon + 1), in_userinfo_set);
    if (!user.empty() || !pass.empty()) userinfo = user + (pass.empty() ? "" : ":" + pass) + "@";
  }
  std::string_view host_part = authority, port_part;
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host_part = authority.substr(0, close + 1);
    const auto after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::nullopt;
      port_part = after.substr(1);
    }
  } else if (const auto colon = authority.find(':'); colon != std::string_view::npos) {
    host_part = authority.substr(0, colon);
    port_part = authority.substr(colon + 1);
  }
  auto host = parse_host(host_part);
  if (!host) return std::nullopt;
  std::string port;
  if (!port_part.empty()) {
    uint64_t p = 0;
    for (char c : port_part) {
      if (!util::is_ascii_digit(c)) return std::nullopt;
      p = p * 10 + static_cast<uint64_t>(c - '0');
      if (p > 65535) return std::nullopt;
    }
    if (!((scheme == "http" && p == 80) || (scheme == "https" && p == 443))) port = ":" + std::to_string(p);
  }
  return scheme + "://" + userinfo + *host + port + encode_path_query(rest.empty() ? std::string_view("/") : rest);
}

struct Prepared {
  std::string text;    // what curl receives
  bool absolute = false;
  bool empty_query = false;  // "x?" keeps its "?" (curl drops an empty query)
};

// WHATWG pre-processing of an href; nullopt when it cannot be a valid URL.
std::optional<Prepared> prepare(std::string_view href, std::string_view base_scheme) {
  std::string h = clean_href(href);
  if (const auto hash = h.find('#'); hash != std::string::npos) h.resize(hash);  // fragments are dropped
  Prepared out;
  {
    const auto q = h.find('?');
    out.empty_query = q != std::string::npos && q + 1 == h.size();
  }
  std::string scheme = scheme_of(h);
  std::string_view rest(h);
  if (!scheme.empty()) {
    rest.remove_prefix(scheme.size() + 1);
    if (is_special(scheme) || is_local(scheme)) {
      size_t slashes = 0;
      while (slashes < rest.size() && (rest[slashes] == '/' || rest[slashes] == '\\')) ++slashes;
      // "http:foo" or "http:/foo" against an http base is relative; otherwise any number of
      // slashes (or none) introduces the host.
      if (slashes < 2 && scheme == base_scheme) {
        scheme.clear();
      } else if (is_local(scheme)) {
        out.text = "file:///" + encode_path_query(rest.substr(slashes));
        out.absolute = true;
        return out;
      } else {
        auto abs = clean_absolute(scheme, rest.substr(slashes));
        if (!abs) return std::nullopt;
        out.text = *abs;
        out.absolute = true;
        return out;
      }
    }
  }
  // A relative reference: "//host/path" keeps the base's scheme, the rest is path and query.
  if ((rest.starts_with("//") || rest.starts_with("\\\\") || rest.starts_with("/\\") || rest.starts_with("\\/")) &&
      is_special(base_scheme)) {
    size_t slashes = 0;
    while (slashes < rest.size() && (rest[slashes] == '/' || rest[slashes] == '\\')) ++slashes;
    auto abs = clean_absolute(std::string(base_scheme), rest.substr(slashes));
    if (!abs) return std::nullopt;
    out.text = *abs;
    out.absolute = true;
    return out;
  }
  out.text = encode_path_query(rest);
  return out;
}

// A host fit for a request line: ASCII (IDNs were converted to punycode) with no escape left
// in it. curl accepts "%EF%BF%B" half-decoded (found by fuzz_url); such a URL is no URL.
bool clean_host(std::string_view host) {
  for (const char ch : host) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F || ch == '%' || ch == '/' || ch == '\\' || ch == '?' || ch == '#' || ch == '@') return false;
  }
  return true;
}

std::optional<std::string> finish(CURLU* u, bool empty_query) {
  if (auto host = get_part(u, CURLUPART_HOST); host && !clean_host(*host)) return std::nullopt;
  curl_url_set(u, CURLUPART_FRAGMENT, nullptr, 0);
  auto result = get_part(u, CURLUPART_URL);
  if (result && empty_query && result->find('?') == std::string::npos) *result += "?";
  return result;
}

}  // namespace

namespace {

// clean_href(href) into `out`, reusing its memory: this runs for every link of every page.
void clean_href_to(std::string_view href, std::string& out) {
  size_t b = 0, e = href.size();
  while (b < e && static_cast<unsigned char>(href[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(href[e - 1]) <= 0x20) --e;
  out.clear();
  for (size_t i = b; i < e; ++i)
    if (href[i] != '\t' && href[i] != '\n' && href[i] != '\r') out.push_back(href[i]);
}

}  // namespace

std::string clean_href(std::string_view href) {
  std::string out;
  clean_href_to(href, out);
  return out;
}

std::string scheme_of(std::string_view href) {
  const std::string h = clean_href(href);
  if (h.empty() || !util::is_ascii_alpha(h[0])) return {};
  for (size_t i = 1; i < h.size(); ++i) {
    const char c = h[i];
    if (c == ':') return util::to_lower_ascii(std::string_view(h).substr(0, i));
    if (!util::is_ascii_alnum(c) && c != '+' && c != '-' && c != '.') return {};
  }
  return {};
}

std::optional<std::string> normalize(std::string_view absolute) {
  const std::string scheme = scheme_of(absolute);
  if (!is_special(scheme) && !is_local(scheme)) return std::nullopt;
  auto prepared = prepare(absolute, "");
  if (!prepared || !prepared->absolute) return std::nullopt;
  UrlHandle u(curl_url());
  if (curl_url_set(u.get(), CURLUPART_URL, prepared->text.c_str(), 0) != CURLUE_OK) return std::nullopt;
  return finish(u.get(), prepared->empty_query);
}

namespace {

std::optional<std::string> resolve_with_curl(std::string_view base, std::string_view href) {
  const std::string scheme = scheme_of(href);
  if (!scheme.empty() && !is_special(scheme) && !is_local(scheme)) return clean_href(href);  // mailto:, tel:
  const std::string base_scheme = scheme_of(base);
  UrlHandle u(curl_url());
  auto prepared_base = prepare(base, "");
  if (!prepared_base || !prepared_base->absolute ||
      curl_url_set(u.get(), CURLUPART_URL, prepared_base->text.c_str(), 0) != CURLUE_OK)
    return std::nullopt;
  auto prepared = prepare(href, base_scheme);
  if (!prepared) return std::nullopt;
  if (prepared->text.empty()) {
    // "", "#x" or "http:" with an http base: the base itself ("?" keeps its query empty).
    if (prepared->empty_query) curl_url_set(u.get(), CURLUPART_QUERY, nullptr, 0);
    return finish(u.get(), prepared->empty_query);
  }
  if (prepared->text.front() == '?') {
    // A query alone replaces the base's query and keeps its path.
    curl_url_set(u.get(), CURLUPART_QUERY, prepared->text.size() > 1 ? prepared->text.c_str() + 1 : nullptr, 0);
    return finish(u.get(), prepared->empty_query);
  }
  if (curl_url_set(u.get(), CURLUPART_URL, prepared->text.c_str(), 0) != CURLUE_OK) return std::nullopt;
  return finish(u.get(), prepared->empty_query);
}

}  // namespace

// A resolved web URL must also stand on its own: curl resolves some hrefs to a URL whose host
// the WHATWG rules refuse ("http://..7030.1:10100/", found by fuzz_url), and the crawler would
// then hold a URL it cannot normalise.
std::optional<std::string> resolve_uncached(std::string_view base, std::string_view href) {
  auto r = resolve_with_curl(base, href);
  if (r && (util::istarts_with(*r, "http://") || util::istarts_with(*r, "https://")) && !normalize(*r)) return std::nullopt;
  return r;
}

namespace {

// What a resolution depends on, as a memo key: for "/path" the base's scheme and authority,
// for "http(s)://..." nothing, for "a/b.html" or "../x" the base up to its last '/' (RFC 3986
// §5.2.3); other hrefs ("?q", "#x", "", "http:x") the whole base.
// !scheme_of(clean).empty() for a cleaned href, without making the scheme.
bool has_scheme(std::string_view clean) {
  if (clean.empty() || !util::is_ascii_alpha(clean[0])) return false;
  for (size_t i = 1; i < clean.size(); ++i) {
    const char c = clean[i];
    if (c == ':') return true;
    if (!util::is_ascii_alnum(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

const std::string& memo_key(std::string_view base, std::string_view href) {
  thread_local std::string h, key;  // reused: a page resolves a hundred links
  clean_href_to(href, h);
  std::string_view prefix = base;
  const auto authority = base.find("://");
  if (util::istarts_with(h, "http://") || util::istarts_with(h, "https://")) {
    prefix = {};
  } else if (authority != std::string_view::npos && !h.empty() && h[0] == '/' && (h.size() == 1 || (h[1] != '/' && h[1] != '\\'))) {
    prefix = base.substr(0, std::min(base.size(), base.find('/', authority + 3)));
  } else if (authority != std::string_view::npos && !h.empty() && h[0] != '?' && h[0] != '#' && h[0] != '/' && h[0] != '\\' &&
             !has_scheme(h)) {
    const std::string_view path = base.substr(0, std::min(base.find('?'), base.find('#')));
    const auto slash = path.rfind('/');
    if (slash != std::string_view::npos && slash > authority + 2) prefix = path.substr(0, slash + 1);
  }
  key.assign(prefix);
  key += '\x1F';
  key += h;
  return key;
}

}  // namespace

// A page links to the same header, nav and footer URLs as every other page: resolutions are
// remembered per thread (curl_url parses the base and the href each time). Bounded: the memo
// is emptied when it holds 8,192 URLs.
std::optional<std::string> resolve(std::string_view base, std::string_view href) {
  // The memo key keeps only the part of the base a resolution depends on, read off the base as
  // curl parsed it ("http:///\\shop.example" has the authority "shop.example"); a base that does
  // not normalise goes the slow way. Both found by fuzz_url. A page resolves all its links
  // against one base: the last one is kept, without a copy per link.
  thread_local std::string last_base;
  thread_local std::optional<std::string> parsed;
  if (base != last_base) {  // an empty base matches the first time, and parses to nothing anyway
    last_base.assign(base);
    parsed = normalize(base);
  }
  if (!parsed) return resolve_uncached(base, href);
  if (auto plain = resolve_plain(*parsed, href)) return plain;  // most links: no libcurl, no memo
  thread_local util::Memo<std::optional<std::string>> memo(8192);
  return memo.get(memo_key(*parsed, href), [&] { return resolve_uncached(base, href); });
}

std::optional<Parts> parse(std::string_view absolute) {
  auto norm = normalize(absolute);
  if (!norm) return std::nullopt;
  UrlHandle u(curl_url());
  if (curl_url_set(u.get(), CURLUPART_URL, norm->c_str(), 0) != CURLUE_OK) return std::nullopt;
  Parts p;
  p.scheme = get_part(u.get(), CURLUPART_SCHEME).value_or("");
  p.host = get_part(u.get(), CURLUPART_HOST).value_or("");
  p.port = get_part(u.get(), CURLUPART_PORT).value_or("");
  p.path = get_part(u.get(), CURLUPART_PATH).value_or("/");
  p.query = get_part(u.get(), CURLUPART_QUERY).value_or("");
  return p;
}

std::string host_of(std::string_view absolute) {
  auto p = parse(absolute);
  return p ? p->host : std::string();
}

}  // namespace amable::url
