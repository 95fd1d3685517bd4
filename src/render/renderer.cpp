#include "render/renderer.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <list>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "render/browser_process.hpp"
#include "render/dom_snapshot.hpp"
#include "render/request_pool.hpp"
#include "util/base64.hpp"

namespace amable::render {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// What a page may load: its scripts and the data and partials they fetch. Pictures, sound,
// fonts and style sheets change nothing amable reads, so they are never fetched.
bool fetched_type(std::string_view type) {
  return type == "Document" || type == "Script" || type == "XHR" || type == "Fetch";
}

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct Tab {
  RenderJob job;
  Clock::time_point started, deadline;
  std::string target, session, main_frame;
  bool doc_served = false;
  size_t requests = 0, refused = 0;
};

}  // namespace

class Renderer::Impl {
 public:
  Impl(RenderOptions o, std::unique_ptr<fetch::ResourceFetcher> r, std::function<void()> w)
      : opt(std::move(o)), res(std::move(r)), wake(std::move(w)) {}

  ~Impl() {
    stopping = true;
    notify();
    if (thread.joinable()) thread.join();
    requests.reset();
    browser.reset();
    if (event_fd >= 0) close(event_fd);
  }

  std::expected<void, model::Message> launch() {
    const auto t0 = Clock::now();
    LaunchOptions lo;
    lo.browser = opt.browser;
    lo.js_heap_mb = opt.js_heap_mb;
    auto b = BrowserProcess::launch(lo);
    if (!b) return std::unexpected(model::Message{"error/render-no-browser", {{"detail", b.error()}}});
    browser = std::move(*b);
    event_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    // The browser answers a first command when it is ready (about 0.1 s warm, seconds cold).
    const int id = ++next_id;
    if (!browser->send(json{{"id", id}, {"method", "Browser.getVersion"}, {"params", json::object()}}.dump()))
      return std::unexpected(model::Message{"error/render-no-browser", {{"detail", "it exited before it took the first command"}}});
    const auto until = Clock::now() + std::chrono::milliseconds(static_cast<long long>(opt.start_timeout_s * 1000));
    while (Clock::now() < until) {
      pollfd p{browser->reply_fd(), POLLIN, 0};
      poll(&p, 1, 200);
      std::vector<std::string> msgs;
      const bool open = browser->read_available(msgs);
      for (const auto& m : msgs) {
        const auto j = json::parse(m, nullptr, false);
        if (j.is_discarded()) return std::unexpected(model::Message{"error/render-no-browser", {{"detail", "it does not speak the DevTools protocol"}}});
        if (j.value("id", 0) == id) {
          stats.startup_ms = ms_since(t0);
          launched = t0;
          requests = std::make_unique<RequestPool>(*res, static_cast<size_t>(std::max(2, opt.tabs * 2)), [this] { notify(); });
          thread = std::thread([this] { loop(); });
          return {};
        }
      }
      if (!open) break;
    }
    return std::unexpected(model::Message{"error/render-no-browser", {{"detail", "it exited or did not answer in time"}}});
  }

  void submit(RenderJob job) {
    {
      std::lock_guard lock(mutex);
      ++in_flight;
      if (is_broken) {
        ready.push_back(broken_result(job.ticket));
      } else {
        queue.push_back(std::move(job));
      }
    }
    notify();
    if (is_broken_flag) wake();
  }

  std::vector<RenderResult> take_ready() {
    std::lock_guard lock(mutex);
    std::vector<RenderResult> out = std::move(ready);
    ready.clear();
    in_flight -= out.size();
    return out;
  }

  size_t pending() const {
    std::lock_guard lock(mutex);
    return in_flight;
  }

  bool broken() const { return is_broken_flag; }

  RenderStats snapshot_stats() const {
    std::lock_guard lock(mutex);
    return stats;
  }

  RenderOptions opt;
  std::unique_ptr<fetch::ResourceFetcher> res;

 private:
  // ---- the renderer's thread -------------------------------------------------------------------

  void loop() {
    while (!stopping) {
      start_tabs();
      check_deadlines();
      int wait_ms = 100;
      for (const auto& t : tabs) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(t.deadline - Clock::now()).count();
        wait_ms = static_cast<int>(std::clamp<long long>(left + 1, 0, wait_ms));
      }
      pollfd fds[2] = {{browser ? browser->reply_fd() : -1, POLLIN, 0}, {event_fd, POLLIN, 0}};
      poll(fds, 2, wait_ms);
      if (fds[1].revents & POLLIN) {
        uint64_t n;
        while (read(event_fd, &n, sizeof n) > 0) {
        }
      }
      if (browser && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
        std::vector<std::string> msgs;
        const bool open = browser->read_available(msgs);
        for (const auto& m : msgs) {
          if (!browser) break;
          dispatch(m);
        }
        if (!open && browser) fail_browser({"error/render-browser-died"});
      }
      deliver_fetches();
    }
  }

  void notify() {
    if (event_fd < 0) return;
    const uint64_t one = 1;
    [[maybe_unused]] const auto n = write(event_fd, &one, sizeof one);
  }

  RenderResult broken_result(uint64_t ticket) const {
    RenderResult r;
    r.ticket = ticket;
    r.error = broken_reason;
    r.browser_failed = true;
    return r;
  }

  void start_tabs() {
    while (browser && static_cast<int>(tabs.size()) < opt.tabs) {
      RenderJob job;
      {
        std::lock_guard lock(mutex);
        if (queue.empty()) return;
        job = std::move(queue.front());
        queue.pop_front();
      }
      Tab& fresh = tabs.emplace_back();
      fresh.job = std::move(job);
      fresh.started = Clock::now();
      fresh.deadline = fresh.started + std::chrono::milliseconds(static_cast<long long>(opt.timeout_s * 1000));
      const uint64_t ticket = fresh.job.ticket;
      call("Target.createTarget", {{"url", "about:blank"}}, "", [this, ticket](const json& reply) {
        Tab* created = find(ticket);
        if (!created) return;
        if (reply.contains("error")) return finish(*created, {}, reply_error("error/render-tab", reply));
        created->target = reply["result"].value("targetId", "");
        call("Target.attachToTarget", {{"targetId", created->target}, {"flatten", true}}, "", [this, ticket](const json& r2) {
          Tab* attached = find(ticket);
          if (!attached) return;
          if (r2.contains("error")) return finish(*attached, {}, reply_error("error/render-tab", r2));
          attached->session = r2["result"].value("sessionId", "");
          set_up_and_load(*attached);
        });
      });
    }
  }

  // Commands on one session run in order, so they are sent at once: intercept every request,
  // dialogs, time paused until the document is in, then load.
  void set_up_and_load(Tab& t) {
    const uint64_t ticket = t.job.ticket;
    auto fail_on_error = [this, ticket](const json& reply) {
      if (!reply.contains("error")) return;
      if (Tab* tab = find(ticket)) finish(*tab, {}, reply_error("error/render-tab", reply));
    };
    call("Fetch.enable", {{"patterns", json::array({{{"urlPattern", "*"}}})}}, t.session, fail_on_error);
    call("Page.enable", json::object(), t.session, fail_on_error);
    call("Emulation.setVirtualTimePolicy", {{"policy", "pause"}}, t.session, fail_on_error);
    call("Page.navigate", {{"url", t.job.url}}, t.session, [this, ticket](const json& reply) {
      Tab* loaded = find(ticket);
      if (!loaded) return;
      if (reply.contains("error")) return finish(*loaded, {}, reply_error("error/render-load", reply));
      if (const auto e = reply["result"].value("errorText", ""); !e.empty())
        return finish(*loaded, {}, {"error/render-load", {{"detail", e}}});
      // Scripts run now, on virtual time that waits for pending requests; when the budget is
      // spent (or nothing is left to run) the page is taken.
      call("Emulation.setVirtualTimePolicy", {{"policy", "pauseIfNetworkFetchesPending"}, {"budget", opt.budget_ms}}, loaded->session,
           [this, ticket](const json& r2) {
             if (!r2.contains("error")) return;
             if (Tab* tab = find(ticket)) finish(*tab, {}, reply_error("error/render-tab", r2));
           });
    });
  }

  void snapshot(Tab& t) {
    const uint64_t ticket = t.job.ticket;
    call("Runtime.evaluate", {{"expression", std::string(dom_snapshot_script())}, {"returnByValue", true}}, t.session,
         [this, ticket](const json& reply) {
           Tab* taken = find(ticket);
           if (!taken) return;
           const auto& result = reply.value("result", json::object());
           if (reply.contains("error") || result.contains("exceptionDetails") || !result.contains("result") ||
               !result["result"].value("value", json()).is_string())
             return finish(*taken, {}, {"error/render-snapshot"});
           finish(*taken, result["result"]["value"].get<std::string>(), {});
         });
  }

  void on_request(Tab& t, const json& p) {
    const std::string id = p.value("requestId", "");
    const std::string type = p.value("resourceType", "");
    const std::string frame = p.value("frameId", "");
    const auto& request = p.value("request", json::object());
    ++t.requests;
    auto refuse = [&] {
      call("Fetch.failRequest", {{"requestId", id}, {"errorReason", "BlockedByClient"}}, t.session, nullptr);
    };
    if (type == "Document" && !t.doc_served) {
      t.doc_served = true;
      t.main_frame = frame;
      const std::string ct = t.job.content_type.empty() ? "text/html; charset=utf-8" : t.job.content_type;
      call("Fetch.fulfillRequest",
           {{"requestId", id}, {"responseCode", 200}, {"responseHeaders", json::array({{{"name", "Content-Type"}, {"value", ct}}})},
            {"body", util::base64_encode(t.job.body)}},
           t.session, nullptr);
      return;
    }
    if (type == "Document" && frame == t.main_frame) {  // a script redirect: the page is done
      ++t.refused;
      refuse();
      RenderResult moved;
      moved.navigated_to = request.value("url", "");
      return finish(t, std::move(moved));
    }
    if (!fetched_type(type)) return refuse();
    requests->submit({t.job.ticket, t.session, id, request.value("url", ""), request.value("method", "GET")});
  }

  void deliver_fetches() {
    if (!requests) return;
    for (auto& d : requests->take()) {
      Tab* t = find(d.job.ticket);
      if (!t || !browser) continue;  // the tab is closed: its requests went with it
      const auto& r = d.resource;
      if (!r.refused.empty() || r.status == 0) {
        ++t->refused;
        call("Fetch.failRequest", {{"requestId", d.job.request_id}, {"errorReason", "BlockedByClient"}}, d.job.session, nullptr);
        continue;
      }
      json headers = json::array();
      if (!r.content_type.empty()) headers.push_back({{"name", "Content-Type"}, {"value", r.content_type}});
      if (!r.location.empty()) headers.push_back({{"name", "Location"}, {"value", r.location}});
      json params = {{"requestId", d.job.request_id}, {"responseCode", r.status}, {"responseHeaders", headers}};
      if (d.job.method != "HEAD") params["body"] = util::base64_encode(r.body);
      call("Fetch.fulfillRequest", params, d.job.session, nullptr);
    }
  }

  void check_deadlines() {
    const auto now = Clock::now();
    std::vector<uint64_t> late;
    for (const auto& t : tabs)
      if (now >= t.deadline) late.push_back(t.job.ticket);
    for (const uint64_t ticket : late)
      if (Tab* t = find(ticket)) finish(*t, {}, {"error/render-timeout", {{"seconds", opt.timeout_s}}});
  }

  // ---- DevTools messages -----------------------------------------------------------------------

  void call(const std::string& method, json params, const std::string& session, std::function<void(const json&)> on_reply) {
    if (!browser) return;
    const int id = ++next_id;
    json msg = {{"id", id}, {"method", method}, {"params", std::move(params)}};
    if (!session.empty()) msg["sessionId"] = session;
    if (on_reply) replies[id] = std::move(on_reply);
    if (!browser->send(msg.dump())) fail_browser({"error/render-browser-died"});
  }

  void dispatch(const std::string& text) {
    const auto msg = json::parse(text, nullptr, false);
    if (msg.is_discarded() || !msg.is_object()) return fail_browser({"error/render-protocol"});
    if (msg.contains("id")) {
      if (!msg["id"].is_number_integer()) return fail_browser({"error/render-protocol"});
      const auto it = replies.find(msg["id"].get<int>());
      if (it == replies.end()) return;
      auto on_reply = std::move(it->second);
      replies.erase(it);
      on_reply(msg);
      return;
    }
    const std::string method = msg.value("method", "");
    const auto& params = msg.value("params", json::object());
    Tab* t = by_session(msg.value("sessionId", ""));
    if (method == "Fetch.requestPaused" && t) return on_request(*t, params);
    if (method == "Emulation.virtualTimeBudgetExpired" && t) return snapshot(*t);
    if (method == "Page.javascriptDialogOpening" && t)  // alert(), confirm(), prompt(): dismissed
      return call("Page.handleJavaScriptDialog", {{"accept", false}}, t->session, nullptr);
    if (method == "Inspector.targetCrashed" && t) return finish(*t, {}, {"error/render-crashed"});
    if (method == "Target.targetCrashed" || method == "Target.detachedFromTarget") {
      for (auto& tab : tabs)
        if ((!tab.target.empty() && tab.target == params.value("targetId", "")) ||
            (!tab.session.empty() && tab.session == params.value("sessionId", "")))
          return finish(tab, {}, {"error/render-crashed"});
    }
  }

  model::Message reply_error(const char* code, const json& reply) const {
    return {code, {{"detail", reply.value("error", json::object()).value("message", "")}}};
  }

  Tab* find(uint64_t ticket) {
    for (auto& t : tabs)
      if (t.job.ticket == ticket) return &t;
    return nullptr;
  }
  Tab* by_session(const std::string& session) {
    if (session.empty()) return nullptr;
    for (auto& t : tabs)
      if (t.session == session) return &t;
    return nullptr;
  }

  void finish(Tab& t, std::string html, model::Message error) {
    RenderResult r;
    r.html = std::move(html);
    r.error = std::move(error);
    finish(t, std::move(r));
  }
  void finish(Tab& t, RenderResult r) {
    r.ticket = t.job.ticket;
    r.ms = ms_since(t.started);
    r.requests = t.requests;
    r.refused = t.refused;
    const std::string target = t.target;
    const uint64_t ticket = t.job.ticket;
    tabs.remove_if([ticket](const Tab& x) { return x.job.ticket == ticket; });  // `t` is gone from here on
    {
      std::lock_guard lock(mutex);
      ++stats.pages;
      if (!r.error.empty()) ++stats.failed;
      stats.requests += r.requests;
      stats.refused += r.refused;
      stats.wall_ms += r.ms;
      stats.busy_ms = ms_since(launched);
      if (browser) stats.cpu_s = browser->cpu_seconds();
      ready.push_back(std::move(r));
    }
    wake();
    // Closing the tab ends whatever still runs in it (an endless loop included).
    if (!target.empty()) call("Target.closeTarget", {{"targetId", target}}, "", nullptr);
  }

  // The browser died or spoke garbage: every page in it fails (not by its own fault), and so
  // does every later one.
  void fail_browser(model::Message reason) {
    {
      std::lock_guard lock(mutex);
      if (browser) stats.cpu_s = browser->cpu_seconds();
      is_broken = true;
      broken_reason = std::move(reason);
      for (auto& t : tabs) {
        RenderResult r = broken_result(t.job.ticket);
        r.ms = ms_since(t.started);
        ready.push_back(std::move(r));
      }
      for (auto& j : queue) ready.push_back(broken_result(j.ticket));
      queue.clear();
    }
    is_broken_flag = true;
    tabs.clear();
    replies.clear();
    browser.reset();
    wake();
  }

  std::function<void()> wake;
  Clock::time_point launched;
  std::unique_ptr<BrowserProcess> browser;
  int event_fd = -1;
  std::thread thread;
  std::atomic<bool> stopping{false};
  std::atomic<bool> is_broken_flag{false};

  mutable std::mutex mutex;  // what the audit's thread shares: below
  std::deque<RenderJob> queue;
  std::vector<RenderResult> ready;
  size_t in_flight = 0;
  bool is_broken = false;
  model::Message broken_reason;
  RenderStats stats;

  int next_id = 0;  // the renderer's thread only: below
  std::unordered_map<int, std::function<void(const json&)>> replies;
  std::list<Tab> tabs;

  std::unique_ptr<RequestPool> requests;  // the browser's requests, answered off this thread
};

Renderer::Renderer(std::unique_ptr<Impl> impl) : m(std::move(impl)) {}
Renderer::~Renderer() = default;

std::expected<std::unique_ptr<Renderer>, model::Message> Renderer::start(const RenderOptions& options,
                                                                          std::unique_ptr<fetch::ResourceFetcher> resources,
                                                                          std::function<void()> wake) {
  auto impl = std::make_unique<Impl>(options, std::move(resources), std::move(wake));
  if (auto ok = impl->launch(); !ok) return std::unexpected(ok.error());
  return std::unique_ptr<Renderer>(new Renderer(std::move(impl)));
}

void Renderer::submit(RenderJob job) { m->submit(std::move(job)); }
std::vector<RenderResult> Renderer::take_ready() { return m->take_ready(); }
size_t Renderer::in_flight() const { return m->pending(); }
bool Renderer::broken() const { return m->broken(); }
RenderStats Renderer::stats() const { return m->snapshot_stats(); }
fetch::ResourceFetcher& Renderer::resources() { return *m->res; }

}  // namespace amable::render
