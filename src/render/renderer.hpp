#pragma once
// Pages rendered in one headless Chromium with several tabs. A page is loaded under its URL (a
// folder's pages under http://amable.invalid/), its own HTML answered from what amable already
// read; every other request the page makes is intercepted and answered by a ResourceFetcher
// (fetch/resources.hpp), refused, or failed: images, media, fonts and style sheets are never
// fetched. Time runs virtually ("virtual time budget"): timers fire at once and the page is
// taken when nothing is pending, so a footer injected after setTimeout(3000) or a slow fetch()
// is caught in tens of milliseconds. A page that outlives the wall-clock timeout, crashes its
// tab (a memory bomb meets the V8 heap cap) or opens popups is an error of that page only.
//
// The renderer runs on its own thread; the audit submits jobs and takes results.
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "fetch/resources.hpp"
#include "model/messages.hpp"

namespace amable::render {

struct RenderOptions {
  std::string browser;           // executable (render::find_browser)
  int tabs = 2;                  // pages rendered at once
  double timeout_s = 10;         // wall clock per page, then the tab is closed
  double budget_ms = 5000;       // virtual time a page may run
  size_t js_heap_mb = 192;
  double start_timeout_s = 20;   // a cold start of Chromium takes seconds
};

struct RenderJob {
  uint64_t ticket = 0;
  std::string url;               // what the browser loads (ResourceFetcher::browser_url)
  std::string body;              // the page's HTML as amable read it
  std::string content_type;
};

struct RenderResult {
  uint64_t ticket = 0;
  std::string html;              // the rendered DOM, when it worked
  model::Message error;          // why not: this page's fault (timeout, crash) ...
  bool browser_failed = false;   // ... or the browser's (it died, or spoke garbage)
  std::string navigated_to;      // a script sent the page elsewhere (location.href = ...): the
                                 // page is what its HTML says, and the target one more link
  double ms = 0;
  size_t requests = 0, refused = 0;
};

struct RenderStats {
  size_t pages = 0, failed = 0, requests = 0, refused = 0;
  double wall_ms = 0;            // summed over pages (tabs overlap)
  double busy_ms = 0;            // from the browser's launch to the last page done
  double cpu_s = 0;              // the browser's processes, all told
  double startup_ms = 0;
};

class Renderer {
 public:
  // Starts the browser and waits until it answers. `wake` is called (from the renderer's thread)
  // when a result is ready.
  static std::expected<std::unique_ptr<Renderer>, model::Message> start(const RenderOptions& options,
                                                                         std::unique_ptr<fetch::ResourceFetcher> resources,
                                                                         std::function<void()> wake);
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  void submit(RenderJob job);
  std::vector<RenderResult> take_ready();
  size_t in_flight() const;  // submitted and not yet taken
  // The browser is gone: later jobs fail at once, with this reason.
  bool broken() const;
  RenderStats stats() const;
  fetch::ResourceFetcher& resources();

  class Impl;

 private:
  explicit Renderer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m;
};

}  // namespace amable::render
