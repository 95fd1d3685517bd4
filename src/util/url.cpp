#include "util/url.hpp"

#include <curl/curl.h>

#include <memory>

#include "util/text.hpp"

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

bool is_special(std::string_view scheme) {
  return scheme == "http" || scheme == "https" || scheme == "file";
}

// Backslashes count as slashes for special schemes (WHATWG); curl would reject them.
std::string slashes(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\\') c = '/';
  return out;
}

std::optional<std::string> finish(CURLU* u) {
  // No fragment: a URL is fetched once however many anchors point into it.
  curl_url_set(u, CURLUPART_FRAGMENT, nullptr, 0);
  auto scheme = get_part(u, CURLUPART_SCHEME);
  if (!scheme) return std::nullopt;
  auto port = get_part(u, CURLUPART_PORT);
  if ((*scheme == "http" && port == "80") || (*scheme == "https" && port == "443"))
    curl_url_set(u, CURLUPART_PORT, nullptr, 0);
  if (auto host = get_part(u, CURLUPART_HOST)) {
    const std::string lower = util::to_lower_ascii(*host);
    if (lower != *host) curl_url_set(u, CURLUPART_HOST, lower.c_str(), 0);
  }
  return get_part(u, CURLUPART_URL, CURLU_PUNYCODE);
}

constexpr unsigned k_set_flags = CURLU_URLENCODE | CURLU_ALLOW_SPACE;

}  // namespace

std::string clean_href(std::string_view href) {
  size_t b = 0, e = href.size();
  while (b < e && static_cast<unsigned char>(href[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(href[e - 1]) <= 0x20) --e;
  std::string out;
  out.reserve(e - b);
  for (size_t i = b; i < e; ++i)
    if (href[i] != '\t' && href[i] != '\n' && href[i] != '\r') out.push_back(href[i]);
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
  if (!is_special(scheme)) return std::nullopt;
  UrlHandle u(curl_url());
  const std::string cleaned = slashes(clean_href(absolute));
  if (curl_url_set(u.get(), CURLUPART_URL, cleaned.c_str(), k_set_flags) != CURLUE_OK)
    return std::nullopt;
  return finish(u.get());
}

std::optional<std::string> resolve(std::string_view base, std::string_view href) {
  std::string cleaned = clean_href(href);
  const std::string scheme = scheme_of(cleaned);
  if (!scheme.empty() && !is_special(scheme)) return cleaned;  // mailto:, tel:, javascript:
  UrlHandle u(curl_url());
  const std::string b = slashes(clean_href(base));
  if (curl_url_set(u.get(), CURLUPART_URL, b.c_str(), k_set_flags) != CURLUE_OK)
    return std::nullopt;
  cleaned = slashes(cleaned);
  if (cleaned.empty()) return finish(u.get());  // href="" is the page itself
  // "http:foo" with an http base is relative to the base (WHATWG); curl wants it absolute.
  if (!scheme.empty() && cleaned.compare(scheme.size() + 1, 2, "//") != 0) {
    auto base_scheme = get_part(u.get(), CURLUPART_SCHEME);
    if (base_scheme && *base_scheme == scheme) cleaned = cleaned.substr(scheme.size() + 1);
  }
  if (curl_url_set(u.get(), CURLUPART_URL, cleaned.c_str(), k_set_flags) != CURLUE_OK)
    return std::nullopt;
  return finish(u.get());
}

std::optional<Parts> parse(std::string_view absolute) {
  auto norm = normalize(absolute);
  if (!norm) return std::nullopt;
  UrlHandle u(curl_url());
  if (curl_url_set(u.get(), CURLUPART_URL, norm->c_str(), 0) != CURLUE_OK) return std::nullopt;
  Parts p;
  p.scheme = get_part(u.get(), CURLUPART_SCHEME).value_or("");
  p.host = get_part(u.get(), CURLUPART_HOST, CURLU_PUNYCODE).value_or("");
  p.port = get_part(u.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT).value_or("");
  p.path = get_part(u.get(), CURLUPART_PATH).value_or("/");
  p.query = get_part(u.get(), CURLUPART_QUERY).value_or("");
  return p;
}

std::string host_of(std::string_view absolute) {
  auto p = parse(absolute);
  return p ? p->host : std::string();
}

}  // namespace amable::url
