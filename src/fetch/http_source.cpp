#include "fetch/http_source.hpp"

#include "fetch/curl_setup.hpp"
#include "fetch/http_resources.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <mutex>

#include "fetch/local_source.hpp"
#include "fetch/sitemap.hpp"
#include "parse/encoding.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::fetch {

using Clock = std::chrono::steady_clock;

struct HttpSource::Job {
  enum class Kind { page, robots, sitemap, https_check };
  Kind kind = Kind::page;
  std::string url;                 // what to request now
  std::vector<std::string> chain;  // redirect hops before `url`
  int depth = 0;
  std::string via = "link";
  int band = 0;                    // 0: found by links; 1: found in a sitemap (fetched after)
  int attempt = 0;
  Clock::time_point not_before{};
  uint64_t seq = 0;
};

namespace {

struct JobAfter {
  bool operator()(const HttpSource::Job& a, const HttpSource::Job& b) const {
    return std::tie(a.band, a.depth, a.seq) > std::tie(b.band, b.depth, b.seq);
  }
};

constexpr size_t k_robots_cap = 500 * 1024;       // RFC 9309 §2.5
constexpr size_t k_sitemap_cap = 50u << 20;       // sitemaps.org: 50 MB uncompressed
constexpr size_t k_header_cap = 64 * 1024;        // what is kept of response headers
constexpr size_t k_max_sitemaps = 50;

std::string origin_of(std::string_view url) {
  auto p = url::parse(url);
  if (!p) return {};
  return p->scheme + "://" + p->host + (p->port.empty() ? "" : ":" + p->port);
}

bool is_html_type(std::string_view ct) {
  const std::string t = util::to_lower_ascii(util::trim(ct.substr(0, ct.find(';'))));
  return t == "text/html" || t == "application/xhtml+xml";
}

std::string reason_phrase(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 410: return "Gone";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return {};
  }
}

model::Message http_error(int status) { return {"error/http", {{"status", status}, {"phrase", reason_phrase(status)}}}; }

// Looks like a page, not an asset (by the path's extension).
bool page_like(std::string_view url) {
  auto p = url::parse(url);
  return p && looks_like_page_path(p->path);
}

std::once_flag g_curl_init;

}  // namespace

struct HttpSource::Host {
  std::string origin;
  enum class RobotsState { unknown, fetching, ready } robots_state = RobotsState::unknown;
  Robots robots;
  int in_flight = 0;
  Clock::time_point next_start{};
  double delay_s = 0;
  std::priority_queue<Job, std::vector<Job>, JobAfter> queue;
  std::vector<Job> parked;  // waiting for robots.txt
  model::Message robots_problem;  // why robots.txt could not be read, if it could not
  model::Message unreachable;     // the network error when the host could not be reached at all
};

struct HttpSource::Transfer {
  CURL* easy = nullptr;
  curl_slist* header_list = nullptr;
  Job job;
  Host* host = nullptr;
  std::string body;
  uint64_t received = 0;
  size_t cap = 0;
  bool truncated = false;
  bool skip_body = false;  // not HTML: status and type are enough
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  size_t header_bytes = 0;
  char errbuf[CURL_ERROR_SIZE] = {};

  std::string header(std::string_view name) const {
    for (auto it = headers.rbegin(); it != headers.rend(); ++it)
      if (it->first == name) return it->second;
    return {};
  }
};

namespace {

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<HttpSource::Transfer*>(user);
  const size_t len = size * n;
  std::string_view line(data, len);
  line = util::trim(line);
  if (util::istarts_with(line, "HTTP/")) {  // a new response (after 100 Continue): start over
    t->headers.clear();
    t->header_bytes = 0;
    const auto sp = line.find(' ');
    t->status = sp == std::string_view::npos ? 0 : std::atoi(std::string(line.substr(sp + 1, 3)).c_str());
    return len;
  }
  const auto colon = line.find(':');
  if (colon != std::string_view::npos && t->header_bytes + len <= k_header_cap) {
    t->header_bytes += len;
    t->headers.emplace_back(util::to_lower_ascii(util::trim(line.substr(0, colon))),
                            std::string(util::trim(line.substr(colon + 1))));
  }
  return len;
}

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<HttpSource::Transfer*>(user);
  const size_t len = size * n;
  if (t->received == 0 && t->job.kind == HttpSource::Job::Kind::page && t->status >= 200 && t->status < 300) {
    const std::string ct = t->header("content-type");
    if (!ct.empty() && !is_html_type(ct)) t->skip_body = true;
  }
  if (t->job.kind == HttpSource::Job::Kind::https_check) t->skip_body = true;
  t->received += len;
  if (t->skip_body) return 0;  // abort: recorded with status and type, body not needed
  if (t->body.size() + len > t->cap) {
    t->body.append(data, t->cap - t->body.size());
    t->truncated = true;
    return 0;  // stop reading: the page is cut at the limit
  }
  t->body.append(data, len);
  return len;
}

double retry_after_seconds(const std::string& value) {
  if (value.empty()) return -1;
  if (util::is_ascii_digit(value[0])) return std::atof(value.c_str());
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return -1;
  return std::max(0.0, static_cast<double>(when - std::time(nullptr)));
}

// Why a transfer failed, as a message (rules/messages/errors.json); libcurl's own words ride
// along as `detail`.
model::Message curl_reason(CURLcode code, const char* errbuf, double timeout_s) {
  const std::string detail = errbuf && *errbuf ? errbuf : curl_easy_strerror(code);
  auto reason = [&](const char* what) { return model::Message{std::string("error/") + what, {{"detail", detail}}}; };
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return {"error/timeout", {{"seconds", timeout_s}}};
    case CURLE_COULDNT_RESOLVE_HOST: return reason("host-not-found");
    case CURLE_COULDNT_CONNECT: return reason("connect");
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR: return reason("tls");
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING: return reason("incomplete");
    case CURLE_BAD_CONTENT_ENCODING: return reason("bad-encoding");
    case CURLE_UNSUPPORTED_PROTOCOL: return reason("scheme");
    case CURLE_TOO_MANY_REDIRECTS: return {"error/redirects"};
    // libcurl (7.88) reports a header block over its 100 KB limit as out of memory.
    case CURLE_OUT_OF_MEMORY: return reason("headers-too-large");
    default: return reason("transfer");
  }
}

bool transient(CURLcode code) {
  return code == CURLE_OPERATION_TIMEDOUT || code == CURLE_COULDNT_CONNECT || code == CURLE_RECV_ERROR ||
         code == CURLE_SEND_ERROR || code == CURLE_GOT_NOTHING || code == CURLE_PARTIAL_FILE;
}

}  // namespace

// ---- set-up --------------------------------------------------------------------------------------

std::expected<std::unique_ptr<HttpSource>, std::string> HttpSource::open(std::string_view start_url, HttpOptions options) {
  std::call_once(g_curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  auto start = url::normalize(start_url);
  if (!start) return std::unexpected(std::string(start_url) + ": not a valid URL");
  auto scope = Scope::make(*start, options.include, options.exclude);
  if (!scope) return std::unexpected(scope.error());
  if (options.user_agent.empty()) options.user_agent = std::string("amable/") + AMABLE_VERSION;
  return std::unique_ptr<HttpSource>(new HttpSource(*start, std::move(options), std::move(*scope)));
}

HttpSource::HttpSource(std::string start, HttpOptions options, Scope scope)
    : m_start(std::move(start)), m_opt(std::move(options)), m_scope(scope), m_identity(std::move(scope)) {
  m_agent = robots_product_token(m_opt.user_agent);
  if (m_agent.empty()) m_agent = "amable";
  CURLM* multi = curl_multi_init();
  curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(m_opt.concurrency));
  curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(m_opt.per_host));
  curl_multi_setopt(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  m_multi = multi;
  m_info.start = m_start;
  accept(m_start, 0, "start", true);
}

namespace {

// A transfer out of the multi handle and gone, whether it finished or was cut.
void free_transfer(CURLM* multi, HttpSource::Transfer* t) {
  curl_multi_remove_handle(multi, t->easy);
  curl_easy_cleanup(t->easy);
  curl_slist_free_all(t->header_list);
  delete t;
}

}  // namespace

HttpSource::~HttpSource() {
  auto* multi = static_cast<CURLM*>(m_multi);
  for (Transfer* t : m_active) free_transfer(multi, t);
  curl_multi_cleanup(multi);
}

HttpSource::Host& HttpSource::host_for(const std::string& url) {
  const std::string origin = origin_of(url);
  auto& h = m_hosts[origin];
  if (!h) {
    h = std::make_unique<Host>();
    h->origin = origin;
    h->delay_s = m_opt.delay_ms / 1000.0;
    if (m_opt.ignore_robots) h->robots_state = Host::RobotsState::ready;
  }
  return *h;
}

// ---- the frontier ---------------------------------------------------------------------------------

bool HttpSource::accept(const std::string& u, int depth, const std::string& via, bool force) {
  if (m_stopped) return false;
  if (m_seen.contains(u)) return false;
  const Scope::Kind kind = m_scope.classify(u);
  if (kind == Scope::Kind::outside) return false;
  if (via != "start" && (!m_scope.passes_filters(u) || !page_like(u))) return false;
  if (!force && depth > m_opt.max_depth) return false;
  if (m_accepted_pages >= m_opt.max_pages) {
    ++m_over_limit;
    return false;
  }
  m_seen.insert(u);
  ++m_accepted_pages;
  Job job;
  job.url = u;
  job.depth = depth;
  job.via = via;
  job.band = via == "sitemap" ? 1 : 0;
  enqueue(std::move(job));
  return true;
}

void HttpSource::enqueue(Job job) {
  job.seq = m_seq++;
  Host& h = host_for(job.url);
  if (job.kind == Job::Kind::page) {
    h.parked.push_back(std::move(job));
    if (h.robots_state == Host::RobotsState::unknown) fetch_robots(h.origin, h);
    if (h.robots_state == Host::RobotsState::ready) release_parked(h);
    return;
  }
  h.queue.push(std::move(job));
}

void HttpSource::add_links(const RawPage& from, const std::vector<model::RawLink>& links) {
  // Help-desk pages are read, their links are not followed.
  if (m_scope.classify(from.url) != Scope::Kind::site) return;
  const bool from_start = from.url == m_info.start;
  for (const auto& l : links) {
    if (!util::istarts_with(l.target, "http://") && !util::istarts_with(l.target, "https://")) continue;
    if (m_seen.contains(l.target)) continue;  // most links of a page were seen on the pages before
    const Scope::Kind kind = m_scope.classify(l.target);
    if (kind == Scope::Kind::outside) continue;
    if (kind == Scope::Kind::help_desk) {
      accept(l.target, 1, "link", true);  // linked from the shop: fetched at depth 1
      continue;
    }
    // Contact and policy pages live in the start page's header, nav and footer: always read.
    const bool chrome = from_start && model::is_chrome(l.region);
    const std::string via = (l.flags & model::k_link_refresh) ? "redirect" : "link";
    accept(l.target, from.depth + 1, via, chrome);
  }
}

void HttpSource::fetch_robots(const std::string& origin, Host& h) {
  h.robots_state = Host::RobotsState::fetching;
  Job job;
  job.kind = Job::Kind::robots;
  job.url = origin + "/robots.txt";
  job.seq = m_seq++;
  h.queue.push(std::move(job));
}

void HttpSource::release_parked(Host& h) {
  std::vector<Job> parked = std::move(h.parked);
  h.parked.clear();
  for (auto& job : parked) {
    if (!h.robots.allowed(m_agent, job.url)) {
      ++m_robots_blocked;
      if (m_robots_examples.size() < 5) m_robots_examples.push_back(job.url);
      if (job.via == "start" && !h.unreachable.empty())
        emit_failure(job, 0, h.unreachable);
      else if (job.via == "start")
        emit_failure(job, 0, h.robots_problem.empty() ? model::Message{"error/robots-disallowed", {{"agent", m_agent}}} : h.robots_problem);
      continue;
    }
    h.queue.push(std::move(job));
  }
}

// ---- transfers --------------------------------------------------------------------------------------

std::chrono::milliseconds HttpSource::time_to_next_start() const {
  auto best = std::chrono::milliseconds(1000);
  const auto now = Clock::now();
  for (const auto& [origin, h] : m_hosts) {
    if (h->queue.empty()) continue;
    const auto at = std::max(h->next_start, h->queue.top().not_before);
    const auto d = std::chrono::duration_cast<std::chrono::milliseconds>(at - now);
    best = std::min(best, std::max(d, std::chrono::milliseconds(0)));
  }
  if (m_opt.rate) best = std::max(best, std::min(m_opt.rate->wait(), std::chrono::milliseconds(1000)));
  return best;
}

void HttpSource::start_ready_transfers() {
  const auto now = Clock::now();
  bool progress = true;
  // Round-robin over hosts, one job each per pass, so one slow host does not starve another.
  while (progress && static_cast<int>(m_active.size()) < m_opt.concurrency) {
    progress = false;
    for (auto& [origin, h] : m_hosts) {
      if (static_cast<int>(m_active.size()) >= m_opt.concurrency) break;
      if (h->queue.empty() || h->in_flight >= m_opt.per_host) continue;
      const Job& top = h->queue.top();
      const bool bookkeeping = top.kind != Job::Kind::page;  // robots.txt and sitemaps go first
      if (!bookkeeping && (now < h->next_start || now < top.not_before)) continue;
      if (m_opt.rate && !m_opt.rate->try_take()) return;  // the process's rate: wait for a token
      Job job = top;
      h->queue.pop();
      start_transfer(std::move(job), *h);
      progress = true;
    }
  }
}

void HttpSource::start_transfer(Job job, Host& host) {
  auto* t = new Transfer;
  t->job = std::move(job);
  t->host = &host;
  t->cap = t->job.kind == Job::Kind::robots ? k_robots_cap : t->job.kind == Job::Kind::sitemap ? k_sitemap_cap : m_opt.max_bytes;
  CURL* e = curl_easy_init();
  t->easy = e;
  curl_easy_setopt(e, CURLOPT_URL, t->job.url.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, t);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
  set_request_options(e, m_opt);  // redirects by hand: every hop is checked
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
  // Identity goes to the start host only, never to another host a redirect points at.
  if (m_identity.is_start_host(t->job.url)) t->header_list = set_start_host_identity(e, m_opt);
  ++host.in_flight;
  if (t->job.kind == Job::Kind::page) {
    const auto gap = std::chrono::duration<double>(host.delay_s);
    host.next_start = Clock::now() + std::chrono::duration_cast<Clock::duration>(gap);
  }
  m_active.insert(t);
  curl_multi_add_handle(static_cast<CURLM*>(m_multi), e);
}

bool HttpSource::retry_later(Transfer& t, double after_s) {
  Job job = t.job;
  ++job.attempt;
  job.not_before = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(after_s));
  job.seq = m_seq++;
  t.host->queue.push(std::move(job));
  return true;
}

std::unique_ptr<ResourceFetcher> HttpSource::resources() const { return http_resources(m_info.start, m_opt); }

void HttpSource::emit_failure(const Job& job, int status, model::Message error) {
  RawPage p;
  // A failure along a redirect chain belongs to the URL that was linked.
  p.url = job.chain.empty() ? job.url : job.chain.front();
  p.final_url = job.url;
  p.status = status;
  p.depth = job.depth;
  p.via = job.chain.empty() ? job.via : "redirect";
  p.redirects = job.chain;
  p.error = std::move(error);
  m_ready.push_back(std::move(p));
}

void HttpSource::finish_transfer(Transfer* t, int curl_code) {
  --t->host->in_flight;
  switch (t->job.kind) {
    case Job::Kind::robots: on_robots(*t, curl_code); break;
    case Job::Kind::sitemap: on_sitemap(*t, curl_code); break;
    case Job::Kind::https_check: {
      const std::string location = t->header("location");
      m_info.checked_http_redirect = true;
      m_info.http_redirects_to_https =
          t->status >= 300 && t->status < 400 && util::istarts_with(location, "https://");
      break;
    }
    case Job::Kind::page: on_page(*t, curl_code); break;
  }
}

void HttpSource::on_robots(Transfer& t, int curl_code) {
  Host& h = *t.host;
  const auto code = static_cast<CURLcode>(curl_code);
  const bool ok = code == CURLE_OK || (code == CURLE_WRITE_ERROR && t.truncated);
  if (ok && t.status >= 200 && t.status < 300) {
    h.robots = Robots::parse(t.body);
    if (h.origin == origin_of(m_info.start)) {
      m_info.robots_found = true;
      for (const auto& s : h.robots.sitemaps()) m_info.sitemaps.push_back(s);
    }
    if (auto delay = h.robots.crawl_delay(m_agent); delay && *delay > h.delay_s) {
      h.delay_s = std::min(*delay, 60.0);
      m_info.notes.push_back({*delay > 60 ? "note/crawl-delay-capped" : "note/crawl-delay",
                              {{"origin", h.origin}, {"seconds", static_cast<int>(*delay)}}});
    }
  } else if (ok && t.status >= 400 && t.status < 500) {
    h.robots = Robots::allow_all();  // RFC 9309 §2.3.1.3: unavailable means allowed
  } else if (ok && t.status >= 300 && t.status < 400) {
    h.robots = Robots::allow_all();  // redirect chains are not followed for robots.txt
  } else {
    h.robots = Robots::disallow_all();  // 5xx or unreachable: complete disallow (§2.3.1.4)
    // A host that could not be reached at all is the start page's error; a robots.txt that
    // answered too slowly is robots.txt's (the page itself was never asked for).
    if (!ok && code != CURLE_OPERATION_TIMEDOUT) h.unreachable = curl_reason(code, t.errbuf, m_opt.timeout_s);
    const auto reason = (ok ? http_error(t.status) : curl_reason(code, t.errbuf, m_opt.timeout_s)).nested();
    h.robots_problem = {"error/robots-unreadable", {{"origin", h.origin}, {"reason", reason}}};
    m_info.notes.push_back({"note/robots-unreadable", {{"origin", h.origin}, {"reason", reason}}});
  }
  h.robots_state = Host::RobotsState::ready;
  // Sitemaps of the start host: from robots.txt, else /sitemap.xml.
  if (m_opt.sitemap && h.origin == origin_of(m_info.start) && m_sitemaps_fetched == 0) {
    std::vector<std::string> maps = h.robots.sitemaps();
    if (maps.empty()) maps.push_back(h.origin + "/sitemap.xml");
    for (const auto& m : maps) {
      if (m_sitemaps_fetched >= k_max_sitemaps || m_seen.contains(m)) continue;
      m_seen.insert(m);
      ++m_sitemaps_fetched;
      Job job;
      job.kind = Job::Kind::sitemap;
      job.url = m;
      job.seq = m_seq++;
      host_for(m).queue.push(std::move(job));
    }
  }
  release_parked(h);
}

void HttpSource::on_sitemap(Transfer& t, int curl_code) {
  const auto code = static_cast<CURLcode>(curl_code);
  if (!(code == CURLE_OK || (code == CURLE_WRITE_ERROR && t.truncated)) || t.status < 200 || t.status >= 300) {
    // A missing /sitemap.xml is normal; one named in robots.txt is worth a note.
    if (!(t.status == 404 && util::iends_with(t.job.url, "/sitemap.xml")))
      m_info.notes.push_back({"note/sitemap-unreadable",
                              {{"url", t.job.url},
                               {"reason", (code == CURLE_OK ? http_error(t.status) : curl_reason(code, t.errbuf, m_opt.timeout_s)).nested()}}});
    return;
  }
  auto map = parse_sitemap(t.body, 50000, k_sitemap_cap);
  if (!map) {
    m_info.notes.push_back({"note/sitemap-invalid", {{"url", t.job.url}, {"reason", map.error()}}});
    return;
  }
  if (map->index) {
    for (const auto& u : map->urls) {
      auto norm = url::normalize(u);
      if (!norm || m_seen.contains(*norm) || m_sitemaps_fetched >= k_max_sitemaps) continue;  // a self-listing index ends here
      if (m_scope.classify(*norm) != Scope::Kind::site) continue;
      m_seen.insert(*norm);
      ++m_sitemaps_fetched;
      Job job;
      job.kind = Job::Kind::sitemap;
      job.url = *norm;
      job.seq = m_seq++;
      host_for(*norm).queue.push(std::move(job));
    }
  } else {
    for (const auto& u : map->urls)
      if (auto norm = url::normalize(u)) accept(*norm, 1, "sitemap", false);
  }
  if (map->truncated) m_info.notes.push_back({"note/sitemap-cut", {{"url", t.job.url}}});
}

void HttpSource::on_page(Transfer& t, int curl_code) {
  const auto code = static_cast<CURLcode>(curl_code);
  const bool cut = code == CURLE_WRITE_ERROR && (t.truncated || t.skip_body);
  Job& job = t.job;
  if (code != CURLE_OK && !cut) {
    if (transient(code) && job.attempt < 1) {
      retry_later(t, 1.0);
      return;
    }
    emit_failure(job, t.status, curl_reason(code, t.errbuf, m_opt.timeout_s));
    return;
  }
  // Too many requests / unavailable: back off and try again, twice at most.
  if ((t.status == 429 || t.status == 503) && job.attempt < 2) {
    double after = retry_after_seconds(t.header("retry-after"));
    if (after < 0) after = 1.0 * (1 << job.attempt);
    retry_later(t, std::min(after, m_opt.max_retry_after_s));
    return;
  }
  if ((t.status == 502 || t.status == 504) && job.attempt < 1) {
    retry_later(t, 1.0);
    return;
  }
  if (t.status >= 300 && t.status < 400 && !t.header("location").empty()) {
    const std::string location = t.header("location");
    auto target = url::resolve(job.url, location);
    const std::string scheme = target ? url::scheme_of(*target) : std::string();
    if (!target || (scheme != "http" && scheme != "https")) {
      emit_failure(job, t.status, {"error/redirect-scheme", {{"location", location}}});
      return;
    }
    if (*target == job.url || std::find(job.chain.begin(), job.chain.end(), *target) != job.chain.end()) {
      std::string loop;
      for (const auto& u : job.chain) loop += u + " -> ";
      emit_failure(job, t.status, {"error/redirect-loop", {{"chain", loop + job.url + " -> " + *target}}});
      return;
    }
    if (static_cast<int>(job.chain.size()) + 1 > m_opt.max_redirects) {
      emit_failure(job, t.status, {"error/too-many-redirects", {{"limit", m_opt.max_redirects}}});
      return;
    }
    const bool starting = job.via == "start";
    if (m_scope.classify(*target) == Scope::Kind::outside) {
      if (starting && job.chain.size() < static_cast<size_t>(m_opt.max_redirects)) {
        // The shop lives where its start URL leads: the site is the redirect's target.
        if (auto s = Scope::make(*target, m_opt.include, m_opt.exclude)) m_scope = std::move(*s);
      } else {
        emit_failure(job, t.status, {"error/redirect-offsite", {{"target", *target}}});
        return;
      }
    }
    if (m_seen.contains(*target) && !starting) {
      RawPage alias;
      alias.url = job.url;
      alias.alias_of = *target;
      alias.redirects = job.chain;
      m_ready.push_back(std::move(alias));
      return;
    }
    m_seen.insert(*target);
    Job next = job;
    next.chain.push_back(job.url);
    next.url = *target;
    next.attempt = 0;
    next.not_before = {};
    if (starting) m_info.start = *target;
    if (util::istarts_with(job.url, "http://") && util::istarts_with(*target, "https://") && starting) {
      m_info.checked_http_redirect = true;
      m_info.http_redirects_to_https = true;
    }
    enqueue(std::move(next));
    return;
  }

  RawPage p;
  p.url = job.url;
  p.final_url = job.url;
  p.status = t.status;
  p.depth = job.depth;
  p.via = job.chain.empty() ? job.via : "redirect";
  p.redirects = job.chain;
  p.bytes = t.received;
  curl_off_t total_us = 0;
  curl_easy_getinfo(t.easy, CURLINFO_TOTAL_TIME_T, &total_us);
  p.fetch_ms = static_cast<double>(total_us) / 1000.0;
  p.content_type = t.header("content-type");
  p.charset = parse::charset_from_content_type(p.content_type);
  p.headers = t.headers;
  p.truncated = t.truncated;
  if (t.truncated)
    p.note = {"note/page-too-large", {{"mb", m_opt.max_bytes >> 20}}};
  if (t.status < 200 || t.status >= 300) {
    p.error = http_error(t.status);
  } else {
    p.is_html = p.content_type.empty() ? (!t.body.empty() && util::icontains(t.body.substr(0, 2048), "<html"))
                                       : is_html_type(p.content_type);
    if (p.is_html) {
      // The same document under a second URL (x/ and x/index.html, tracking parameters) is
      // read once; the second URL becomes an alias.
      const size_t hash = std::hash<std::string>{}(t.body) ^ std::hash<std::string>{}(origin_of(p.url));
      if (auto [it, fresh] = m_bodies.emplace(hash, p.url); !fresh && job.via != "start") {
        RawPage alias;
        alias.url = p.url;
        alias.alias_of = it->second;
        alias.redirects = job.chain;
        m_ready.push_back(std::move(alias));
        return;
      }
      p.body = std::move(t.body);
    }
  }
  if (job.via == "start" || p.url == m_info.start) {
    m_info.hsts = t.header("strict-transport-security");
    // Does http:// redirect to https://? Asked once, for the start host.
    if (util::istarts_with(p.url, "https://") && !m_started_check && !m_info.checked_http_redirect) {
      m_started_check = true;
      auto parts = url::parse(p.url);
      if (parts) {
        Job check;
        check.kind = Job::Kind::https_check;
        check.url = "http://" + parts->host + "/";
        check.seq = m_seq++;
        host_for(check.url).queue.push(std::move(check));
      }
    }
  }
  m_ready.push_back(std::move(p));
}

// ---- the loop -------------------------------------------------------------------------------------

std::vector<RawPage> HttpSource::poll(std::chrono::milliseconds wait) {
  auto* multi = static_cast<CURLM*>(m_multi);
  start_ready_transfers();
  if (m_ready.empty() && !m_active.empty()) {
    const auto timeout = std::min(wait, std::max(time_to_next_start(), std::chrono::milliseconds(1)));
    curl_multi_poll(multi, nullptr, 0, static_cast<int>(timeout.count()), nullptr);
  } else if (m_ready.empty() && m_active.empty() && !idle()) {
    // Only delayed jobs (politeness, back-off) remain: sleep until the first is due.
    const auto timeout = std::min(wait, time_to_next_start());
    curl_multi_poll(multi, nullptr, 0, static_cast<int>(timeout.count()), nullptr);
  }
  int running = 0;
  curl_multi_perform(multi, &running);
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    Transfer* t = nullptr;
    curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
    const int code = msg->data.result;
    m_active.erase(t);
    finish_transfer(t, code);
    free_transfer(multi, t);
  }
  start_ready_transfers();
  std::vector<RawPage> out = std::move(m_ready);
  m_ready.clear();
  return out;
}

bool HttpSource::idle() const {
  if (!m_active.empty() || !m_ready.empty()) return false;
  for (const auto& [origin, h] : m_hosts)
    if (!h->queue.empty() || !h->parked.empty()) return false;
  return true;
}

size_t HttpSource::queued() const {
  size_t n = 0;
  for (const auto& [origin, h] : m_hosts) n += h->queue.size() + h->parked.size();
  return n;
}

void HttpSource::wakeup() { curl_multi_wakeup(static_cast<CURLM*>(m_multi)); }

void HttpSource::stop() {
  m_stopped = true;
  for (auto& [origin, h] : m_hosts) {
    while (!h->queue.empty()) h->queue.pop();
    h->parked.clear();
  }
  // Transfers in flight are cut too (a slow page would otherwise hold the stop for its whole
  // timeout); the pages they were reading are reported as not read.
  auto* multi = static_cast<CURLM*>(m_multi);
  for (Transfer* t : m_active) {
    if (t->job.kind == Job::Kind::page) emit_failure(t->job, 0, model::Message{"error/interrupted"});
    --t->host->in_flight;
    free_transfer(multi, t);
  }
  m_active.clear();
}

SiteFetchInfo HttpSource::info() const {
  SiteFetchInfo info = m_info;
  if (m_robots_blocked > 0) {
    std::string ex;
    for (const auto& e : m_robots_examples) ex += (ex.empty() ? "" : ", ") + e;
    info.notes.push_back({"note/robots-blocked", {{"count", m_robots_blocked}, {"examples", ex}}});
  }
  if (m_opt.insecure) info.notes.push_back({"note/insecure", {}});
  if (m_over_limit > 0)
    info.notes.push_back({"note/page-limit-http", {{"limit", m_opt.max_pages}, {"count", m_over_limit}}});
  return info;
}

}  // namespace amable::fetch
