// What each finished transfer of HttpSource means: robots.txt read, sitemaps read, a page
// (or its redirect, retry or failure) handed to the audit.
#include <curl/curl.h>

#include <algorithm>
#include <ctime>

#include "fetch/http_source.hpp"
#include "fetch/http_source_parts.hpp"
#include "fetch/sitemap.hpp"
#include "parse/encoding.hpp"

namespace amable::fetch {
namespace {

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

bool HttpSource::retry_later(Transfer& t, double after_s) {
  Job job = t.job;
  ++job.attempt;
  job.not_before = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(after_s));
  job.seq = m_seq++;
  t.host->queue.push(std::move(job));
  return true;
}


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
  p.start = job.via == "start";  // a redirect keeps the job's via: the start's target is the start page
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


}  // namespace amable::fetch
