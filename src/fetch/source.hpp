#pragma once
// A Source yields the raw pages of one audit target, one at a time, and is told which links
// each page holds so that it can decide what to read next. Failures are data: a page that
// cannot be read comes back with `error` set and the audit goes on.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/page.hpp"
#include "model/site.hpp"
#include "fetch/resources.hpp"

namespace amable::fetch {

struct RawPage {
  std::string url;        // stable page key: absolute URL, or path inside the audited folder
  std::string final_url;  // after redirects
  std::string base_url;   // absolute URL that relative links resolve against
  int status = 0;         // HTTP status; 200 for a file that was read, 0 when nothing came back
  std::string content_type;
  std::string charset;    // charset parameter of Content-Type
  std::string body;
  uint64_t bytes = 0;     // bytes received, before any cut
  double fetch_ms = 0;
  int depth = 0;          // discovery depth (clicks from the start, as the crawl found it)
  std::string via = "link";  // "start", "link", "sitemap", "folder", "redirect", "chrome"
  // The start page: the start URL, or the page its redirects led to (via "redirect" then: an
  // http:// start that goes to https:// is still the home page).
  bool start = false;
  bool truncated = false;    // body cut at the size limit
  bool is_html = false;
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case names
  std::vector<std::string> redirects;  // URLs passed through, in order
  model::Message error;                 // why the page could not be read (rules/messages/errors.json)
  model::Message note;                  // a limit hit on a page that was still read
  // Set when this URL redirected to a page already read: no body, only the alias.
  std::string alias_of;
};

using SiteFetchInfo = model::FetchInfo;

class Source {
 public:
  virtual ~Source() = default;
  // Pages read (or failed) since the last call. Waits up to `wait` when nothing is ready yet
  // and something is in flight; returns at once when the source is idle.
  virtual std::vector<RawPage> poll(std::chrono::milliseconds wait) = 0;
  // Nothing queued and nothing in flight: no page comes unless links are added.
  virtual bool idle() const = 0;
  // The links found on `from` (targets are page keys or absolute URLs, see key_of).
  virtual void add_links(const RawPage& from, const std::vector<model::RawLink>& links) = 0;
  // The page key a resolved link URL refers to (a folder source maps file:///x to "x").
  // Called from parse workers: must be thread-safe.
  virtual std::string key_of(std::string_view resolved_url) const = 0;
  virtual SiteFetchInfo info() const { return {}; }
  // URLs waiting to be read (for progress output).
  virtual size_t queued() const { return 0; }
  // Interrupts a poll() waiting in another thread (a parse finished).
  virtual void wakeup() {}
  // Pages handed out are still being parsed, so add_links() may yet come: a folder source
  // must not take its unlinked files for unlinked while their links are unknown.
  virtual void links_pending(bool) {}
  // Stop reading new pages (Ctrl-C); what is in flight may still arrive.
  virtual void stop() {}
  // The crawl is over and info() was read: free what only the crawl needed (the URLs seen, the
  // queues), so that the report is built without it. Nothing is read after this.
  virtual void finished() {}
  // What pages rendered in a browser may load, answered the way this source reads pages
  // (fetch/resources.hpp); nothing when the source cannot answer.
  virtual std::unique_ptr<ResourceFetcher> resources() const { return nullptr; }
};

}  // namespace amable::fetch
