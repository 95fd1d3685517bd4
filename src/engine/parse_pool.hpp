#pragma once
// Parsing is the cost of an audit (Gumbo), so it runs on worker threads while the main thread
// keeps transfers moving. Results come back in submission order, so that a folder audit reads
// pages in the same order, and gives the same report, whatever the number of threads.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "fetch/source.hpp"
#include "model/facts.hpp"
#include "render/render_need.hpp"

namespace amable::engine {

struct ParsedPage {
  fetch::RawPage raw;  // body dropped once parsed (kept while the page waits for a browser)
  std::optional<model::PageFacts> facts;
  std::optional<render::Need> need;          // a raw page that needs a browser
  std::string rendered;                      // a rendered page: why it was rendered
  std::optional<model::PageFacts> raw_facts; // a rendered page: what its raw HTML showed
};

// Parse threads several audits share (`amable batch`: the shops in flight use the cores, not a
// thread each). Tasks run in the order they come, whichever audit sent them.
class SharedParseWorkers {
 public:
  explicit SharedParseWorkers(size_t threads);
  ~SharedParseWorkers();
  SharedParseWorkers(const SharedParseWorkers&) = delete;
  SharedParseWorkers& operator=(const SharedParseWorkers&) = delete;
  void run(std::function<void()> task);
  size_t threads() const { return m_threads.size(); }

 private:
  std::mutex m_mutex;
  std::condition_variable m_cv;
  std::deque<std::function<void()>> m_tasks;
  bool m_stop = false;
  std::vector<std::thread> m_threads;
};

class ParsePool {
 public:
  using Job = std::function<ParsedPage()>;

  // `threads` = 0 runs every job at once on the caller's thread. `notify` is called from a
  // worker whenever a result is ready (to wake the main loop).
  ParsePool(size_t threads, std::function<void()> notify);
  // The same on threads shared with other audits; results still come back in this pool's
  // submission order.
  ParsePool(SharedParseWorkers& shared, std::function<void()> notify);
  ~ParsePool();
  ParsePool(const ParsePool&) = delete;
  ParsePool& operator=(const ParsePool&) = delete;

  void submit(Job job);
  // Finished results that are next in submission order.
  std::vector<ParsedPage> take_ready();
  // Submitted and not yet taken.
  size_t pending() const;
  // Waits until a result can be taken, or `timeout`.
  void wait(std::chrono::milliseconds timeout);

 private:
  void work();
  void finished(uint64_t seq, ParsedPage result);

  SharedParseWorkers* m_shared = nullptr;
  size_t m_in_shared = 0;  // jobs given to the shared workers and not finished
  std::function<void()> m_notify;
  mutable std::mutex m_mutex;
  std::condition_variable m_jobs_cv, m_done_cv;
  std::deque<std::pair<uint64_t, Job>> m_jobs;
  std::map<uint64_t, ParsedPage> m_done;
  uint64_t m_next_submit = 0, m_next_take = 0;
  bool m_stop = false;
  std::vector<std::thread> m_threads;
};

}  // namespace amable::engine
