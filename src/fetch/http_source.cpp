#include "fetch/http_source.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>

#include "fetch/curl_setup.hpp"
#include "fetch/http_resources.hpp"
#include "fetch/http_source_parts.hpp"
#include "fetch/local_source.hpp"
#include "fetch/transfer_loop.hpp"

namespace amable::fetch {

namespace {

// Looks like a page, not an asset (by the path's extension).
bool page_like(std::string_view url) {
  auto p = url::parse(url);
  return p && looks_like_page_path(p->path);
}

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

}  // namespace

// ---- set-up --------------------------------------------------------------------------------------

std::expected<std::unique_ptr<HttpSource>, std::string> HttpSource::open(std::string_view start_url, HttpOptions options) {
  init_curl_once();
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
  m_loop = m_opt.network ? m_opt.network->lane() : own_transfer_loop(m_opt.concurrency, m_opt.per_host);
  m_info.start = m_start;
  accept(m_start, 0, "start", true);
}

namespace {

// A transfer gone, once libcurl no longer drives it (it finished or was cut).
void free_transfer(HttpSource::Transfer* t) {
  curl_easy_cleanup(t->easy);
  curl_slist_free_all(t->header_list);
  delete t;
}

}  // namespace

HttpSource::~HttpSource() {
  cut_active();
  for (Transfer* t : m_active) free_transfer(t);
}

void HttpSource::cut_active() {
  std::vector<CURL*> easies;
  for (const Transfer* t : m_active) easies.push_back(t->easy);
  m_loop->cut(easies);
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
  m_loop->start(e);
}


std::unique_ptr<ResourceFetcher> HttpSource::resources() const { return http_resources(m_info.start, m_opt); }


// ---- the loop -------------------------------------------------------------------------------------

std::vector<RawPage> HttpSource::poll(std::chrono::milliseconds wait) {
  start_ready_transfers();
  auto timeout = std::chrono::milliseconds(0);
  if (m_ready.empty() && !m_active.empty())
    timeout = std::min(wait, std::max(time_to_next_start(), std::chrono::milliseconds(1)));
  else if (m_ready.empty() && m_active.empty() && !idle())
    timeout = std::min(wait, time_to_next_start());  // only delayed jobs (politeness, back-off) remain
  for (const FinishedTransfer& f : m_loop->wait(timeout)) {
    Transfer* t = nullptr;
    curl_easy_getinfo(f.easy, CURLINFO_PRIVATE, &t);
    m_active.erase(t);
    finish_transfer(t, f.code);
    free_transfer(t);
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

void HttpSource::wakeup() { m_loop->wakeup(); }

void HttpSource::stop() {
  m_stopped = true;
  for (auto& [origin, h] : m_hosts) {
    while (!h->queue.empty()) h->queue.pop();
    h->parked.clear();
  }
  // Transfers in flight are cut too (a slow page would otherwise hold the stop for its whole
  // timeout); the pages they were reading are reported as not read.
  cut_active();
  for (Transfer* t : m_active) {
    if (t->job.kind == Job::Kind::page) emit_failure(t->job, 0, model::Message{"error/interrupted"});
    --t->host->in_flight;
    free_transfer(t);
  }
  m_active.clear();
}

void HttpSource::finished() {
  stop();  // nothing is queued or in flight any more; this cuts whatever would be
  m_ready.clear();
  std::unordered_set<std::string>().swap(m_seen);
  std::unordered_map<size_t, std::string>().swap(m_bodies);
  for (auto& [origin, h] : m_hosts) {
    decltype(h->queue)().swap(h->queue);
    std::vector<Job>().swap(h->parked);
  }
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
