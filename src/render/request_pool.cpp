#include "render/request_pool.hpp"

namespace amable::render {

RequestPool::RequestPool(fetch::ResourceFetcher& fetcher, size_t threads, std::function<void()> done)
    : m_fetcher(fetcher), m_done(std::move(done)) {
  for (size_t i = 0; i < threads; ++i) m_threads.emplace_back([this] { work(); });
}

RequestPool::~RequestPool() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_cv.notify_all();
  for (auto& t : m_threads) t.join();
}

void RequestPool::submit(RequestJob job) {
  {
    std::lock_guard lock(m_mutex);
    m_jobs.push_back(std::move(job));
  }
  m_cv.notify_one();
}

std::deque<RequestDone> RequestPool::take() {
  std::deque<RequestDone> out;
  std::lock_guard lock(m_mutex);
  out.swap(m_answers);
  return out;
}

void RequestPool::work() {
  while (true) {
    RequestJob job;
    {
      std::unique_lock lock(m_mutex);
      m_cv.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
      if (m_stop) return;
      job = std::move(m_jobs.front());
      m_jobs.pop_front();
    }
    fetch::Resource r = m_fetcher.fetch(job.url, job.method);
    {
      std::lock_guard lock(m_mutex);
      m_answers.push_back({std::move(job), std::move(r)});
    }
    m_done();
  }
}

}  // namespace amable::render
