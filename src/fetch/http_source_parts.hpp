#pragma once
// What the two halves of HttpSource share (http_source.cpp: the frontier, transfers and loop;
// http_responses.cpp: what each finished transfer means): jobs, hosts, transfers, limits.
#include <curl/curl.h>

#include <chrono>
#include <queue>
#include <string>
#include <tuple>
#include <vector>

#include "fetch/http_source.hpp"
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

struct JobAfter {
  bool operator()(const HttpSource::Job& a, const HttpSource::Job& b) const {
    return std::tie(a.band, a.depth, a.seq) > std::tie(b.band, b.depth, b.seq);
  }
};

inline constexpr size_t k_robots_cap = 500 * 1024;  // RFC 9309 §2.5
inline constexpr size_t k_sitemap_cap = 50u << 20;  // sitemaps.org: 50 MB uncompressed
inline constexpr size_t k_header_cap = 64 * 1024;   // what is kept of response headers
inline constexpr size_t k_max_sitemaps = 50;

inline std::string origin_of(std::string_view url) {
  auto p = url::parse(url);
  if (!p) return {};
  return p->scheme + "://" + p->host + (p->port.empty() ? "" : ":" + p->port);
}

inline bool is_html_type(std::string_view ct) {
  const std::string t = util::to_lower_ascii(util::trim(ct.substr(0, ct.find(';'))));
  return t == "text/html" || t == "application/xhtml+xml";
}

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

}  // namespace amable::fetch
