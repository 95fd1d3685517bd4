#pragma once
// The browser's intercepted requests, answered by threads of their own: a ResourceFetcher may
// block on the network for seconds, and the renderer's thread must keep reading the browser.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "fetch/resources.hpp"

namespace amable::render {

struct RequestJob {
  uint64_t ticket = 0;             // the page that asked
  std::string session, request_id, url, method;
};

struct RequestDone {
  RequestJob job;
  fetch::Resource resource;
};

class RequestPool {
 public:
  // `done` is called (from a worker) after each answer is queued.
  RequestPool(fetch::ResourceFetcher& fetcher, size_t threads, std::function<void()> done);
  ~RequestPool();  // waits for the requests being fetched; the queued ones are dropped
  RequestPool(const RequestPool&) = delete;
  RequestPool& operator=(const RequestPool&) = delete;

  void submit(RequestJob job);
  std::deque<RequestDone> take();

 private:
  void work();

  fetch::ResourceFetcher& m_fetcher;
  std::function<void()> m_done;
  std::mutex m_mutex;
  std::condition_variable m_cv;
  bool m_stop = false;
  std::deque<RequestJob> m_jobs;
  std::deque<RequestDone> m_answers;
  std::vector<std::thread> m_threads;
};

}  // namespace amable::render
