#pragma once
// A live shop over HTTP: libcurl's multi interface with many transfers in flight, breadth-first
// from the start URL, robots.txt and sitemaps, per-host politeness, bounded bodies, retries,
// redirects followed by hand so that scope, schemes and credentials are checked on every hop.
#include <chrono>
#include <deque>
#include <expected>
#include <map>
#include <memory>
#include <optional>
#include <queue>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "fetch/robots.hpp"
#include "fetch/scope.hpp"
#include "fetch/rate_limit.hpp"
#include "fetch/source.hpp"

namespace amable::fetch {

class NetworkThread;  // fetch/transfer_loop.hpp
class TransferLoop;

struct HttpOptions {
  size_t max_pages = 500;
  int max_depth = 10;
  int concurrency = 16;
  int per_host = 4;
  double timeout_s = 20;
  double delay_ms = 0;
  std::string user_agent;  // default "amable/VERSION"
  std::vector<std::string> headers;  // "Name: value", start host only
  std::string user;                  // "user:password", start host only
  std::string cookie;                // start host only
  bool ignore_robots = false;
  bool sitemap = true;
  std::vector<std::string> include, exclude;
  size_t max_bytes = 10u << 20;
  int max_redirects = 10;
  double max_retry_after_s = 60;
  bool insecure = false;             // accept invalid TLS certificates (reported)
  std::string ca_file;               // extra CA bundle (tests with a local TLS server)
  std::shared_ptr<RateLimit> rate;   // requests per second for the whole process (batch), or none
  NetworkThread* network = nullptr;  // the batch's one network thread; none: the source's own multi handle
};

class HttpSource final : public Source {
 public:
  static std::expected<std::unique_ptr<HttpSource>, std::string> open(std::string_view start_url, HttpOptions options);
  ~HttpSource() override;

  std::vector<RawPage> poll(std::chrono::milliseconds wait) override;
  bool idle() const override;
  void add_links(const RawPage& from, const std::vector<model::RawLink>& links) override;
  std::string key_of(std::string_view resolved_url) const override { return std::string(resolved_url); }
  SiteFetchInfo info() const override;
  size_t queued() const override;
  void wakeup() override;
  void stop() override;
  void finished() override;
  std::unique_ptr<ResourceFetcher> resources() const override;

  struct Job;
  struct Transfer;
  struct Host;

 private:
  using Clock = std::chrono::steady_clock;
  HttpSource(std::string start, HttpOptions options, Scope scope);

  bool accept(const std::string& url, int depth, const std::string& via, bool force);
  void enqueue(Job job);
  void start_ready_transfers();
  void start_transfer(Job job, Host& host);
  void finish_transfer(Transfer* t, int curl_code);
  void on_robots(Transfer& t, int curl_code);
  void on_sitemap(Transfer& t, int curl_code);
  void on_page(Transfer& t, int curl_code);
  void fetch_robots(const std::string& origin, Host& host);
  void release_parked(Host& host);
  bool retry_later(Transfer& t, double after_s);
  void cut_active();
  void emit_failure(const Job& job, int status, model::Message error);
  Host& host_for(const std::string& url);
  std::chrono::milliseconds time_to_next_start() const;

  std::string m_start;
  HttpOptions m_opt;
  Scope m_scope;
  Scope m_identity;     // the host the user named: the only one that gets headers and credentials
  std::string m_agent;  // robots.txt product token
  std::unique_ptr<TransferLoop> m_loop;  // where the transfers run
  std::map<std::string, std::unique_ptr<Host>> m_hosts;  // by origin (scheme://host:port)
  std::set<Transfer*> m_active;
  std::unordered_set<std::string> m_seen;  // every URL accepted or fetched once
  // Hash of each HTML body read -> its URL: "/" and "/index.html" are one page.
  std::unordered_map<size_t, std::string> m_bodies;
  std::vector<RawPage> m_ready;
  size_t m_accepted_pages = 0;
  size_t m_over_limit = 0;
  size_t m_sitemaps_fetched = 0;
  size_t m_robots_blocked = 0;
  std::vector<std::string> m_robots_examples;
  bool m_stopped = false;
  bool m_started_check = false;
  uint64_t m_seq = 0;
  SiteFetchInfo m_info;
};

}  // namespace amable::fetch
