#include "fetch/http_resources.hpp"

#include "fetch/curl_setup.hpp"

#include <curl/curl.h>
#include <netdb.h>

#include <mutex>
#include <unordered_map>

#include "fetch/address_class.hpp"
#include "fetch/robots.hpp"
#include "fetch/scope.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::fetch {
namespace {

struct Transfer {
  std::string body, content_type, location;
  long status_code = 0;
  int status = 0;
  size_t max_bytes = 0;
  bool too_big = false;
  AddressClass start = AddressClass::public_;
  std::optional<AddressClass> refused_address;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  if (t->body.size() + size * n > t->max_bytes) {
    t->too_big = true;
    return 0;
  }
  t->body.append(data, size * n);
  return size * n;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::string_view line(data, size * n);
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return size * n;
  const auto name = util::to_lower_ascii(util::trim(line.substr(0, colon)));
  const auto value = std::string(util::trim(line.substr(colon + 1)));
  if (name == "content-type") t->content_type = value;
  if (name == "location") t->location = value;
  return size * n;
}

// Every connection's address is checked before it is made: DNS may point a name of the site
// at an intranet address.
curl_socket_t open_checked(void* user, curlsocktype, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(user);
  const auto c = classify_address(&address->addr);
  if (!c || !address_allowed(*c, t->start)) {
    t->refused_address = c.value_or(AddressClass::reserved);
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

// The kind of address the start host has: an IP literal's own, else what it resolves to.
AddressClass start_class(std::string_view start_url) {
  const std::string host = url::host_of(start_url);
  if (const auto literal = classify_address(host)) return *literal;
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &res) != 0 || !res) return AddressClass::public_;
  AddressClass out = AddressClass::public_;
  for (auto* a = res; a; a = a->ai_next)
    if (auto c = classify_address(a->ai_addr); c && *c != AddressClass::public_) {
      out = *c;
      break;
    }
  freeaddrinfo(res);
  return out;
}

class HttpResources final : public ResourceFetcher {
 public:
  HttpResources(Scope scope, HttpOptions options, AddressClass start)
      : m_scope(std::move(scope)), m_opt(std::move(options)), m_start(start) {
    m_agent = robots_product_token(m_opt.user_agent);
    if (m_agent.empty()) m_agent = "amable";
  }

  std::string browser_url(std::string_view key) const override { return std::string(key); }
  std::string page_key(std::string_view browser_url) const override { return std::string(browser_url); }

  Resource fetch(std::string_view url, std::string_view method) override {
    Resource r;
    if (method != "GET" && method != "HEAD") {
      r.refused = {"error/render-method", {{"method", std::string(method)}}};
      return r;
    }
    const auto parts = url::parse(url);
    if (!parts || (parts->scheme != "http" && parts->scheme != "https")) {
      r.refused = {"error/render-off-site", {{"url", std::string(url)}}};
      return r;
    }
    bool start_host = false;
    {
      std::lock_guard lock(m_mutex);
      if (m_scope.classify(url) == Scope::Kind::outside) {
        r.refused = {"error/render-off-site", {{"url", std::string(url)}}};
        return r;
      }
      start_host = m_scope.is_start_host(url);
    }
    if (!m_opt.ignore_robots && !robots_allow(*parts, url)) {
      r.refused = {"error/render-robots", {{"url", std::string(url)}}};
      return r;
    }
    Transfer t;
    const CURLcode code = transfer(url, method == "HEAD", start_host, t);
    if (t.refused_address) {
      r.refused = {"error/render-address", {{"url", std::string(url)}, {"kind", std::string(to_string(*t.refused_address))}}};
      return r;
    }
    if (code != CURLE_OK && !t.too_big) {
      r.refused = {"error/render-fetch", {{"url", std::string(url)}, {"detail", curl_easy_strerror(code)}}};
      return r;
    }
    r.status = t.status;
    r.content_type = std::move(t.content_type);
    if (!t.location.empty())
      if (auto abs = url::resolve(url, t.location)) r.location = *abs;
    r.body = std::move(t.body);
    return r;
  }

 private:
  CURLcode transfer(std::string_view url, bool head, bool start_host, Transfer& t) {
    t.max_bytes = m_opt.max_bytes;
    t.start = m_start;
    CURL* e = curl_easy_init();
    if (!e) return CURLE_OUT_OF_MEMORY;
    const std::string u(url);
    curl_slist* headers = nullptr;
    curl_easy_setopt(e, CURLOPT_URL, u.c_str());
    curl_easy_setopt(e, CURLOPT_NOBODY, head ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &open_checked);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, &t);
    set_request_options(e, m_opt);  // redirects: the browser asks again, and is checked again
    if (start_host) headers = set_start_host_identity(e, m_opt);
    const CURLcode code = curl_easy_perform(e);
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &t.status_code);
    t.status = static_cast<int>(t.status_code);
    curl_slist_free_all(headers);
    curl_easy_cleanup(e);
    return code;
  }

  // robots.txt of the URL's origin, read once: 2xx parsed, 4xx allows all, anything else
  // disallows all (RFC 9309 §2.3.1).
  bool robots_allow(const url::Parts& parts, std::string_view url) {
    const std::string origin = parts.scheme + "://" + parts.host + (parts.port.empty() ? "" : ":" + parts.port);
    std::lock_guard lock(m_robots_mutex);
    auto it = m_robots.find(origin);
    if (it == m_robots.end()) {
      Transfer t;
      t.max_bytes = 500 * 1024;
      bool start_host = false;
      {
        std::lock_guard scope_lock(m_mutex);
        start_host = m_scope.is_start_host(origin + "/");
      }
      const CURLcode code = transfer(origin + "/robots.txt", false, start_host, t);
      Robots robots = code == CURLE_OK && t.status >= 200 && t.status < 300 ? Robots::parse(t.body)
                      : code == CURLE_OK && t.status >= 400 && t.status < 500 ? Robots::allow_all()
                                                                                  : Robots::disallow_all();
      it = m_robots.emplace(origin, std::move(robots)).first;
    }
    return it->second.allowed(m_agent, url);
  }

  std::mutex m_mutex;  // the scope's memo
  Scope m_scope;
  HttpOptions m_opt;
  AddressClass m_start;
  std::string m_agent;
  std::mutex m_robots_mutex;
  std::unordered_map<std::string, Robots> m_robots;
};

}  // namespace

std::unique_ptr<ResourceFetcher> http_resources(std::string_view start_url, const HttpOptions& options) {
  auto scope = Scope::make(start_url, options.include, options.exclude);
  if (!scope) return nullptr;
  HttpOptions o = options;
  if (o.user_agent.empty()) o.user_agent = std::string("amable/") + AMABLE_VERSION;
  return std::make_unique<HttpResources>(std::move(*scope), std::move(o), start_class(start_url));
}

}  // namespace amable::fetch
