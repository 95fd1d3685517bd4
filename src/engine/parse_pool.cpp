#include "engine/parse_pool.hpp"

namespace amable::engine {

ParsePool::ParsePool(size_t threads, std::function<void()> notify) : m_notify(std::move(notify)) {
  for (size_t i = 0; i < threads; ++i) m_threads.emplace_back([this] { work(); });
}

ParsePool::~ParsePool() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_jobs_cv.notify_all();
  for (auto& t : m_threads) t.join();
}

void ParsePool::submit(Job job) {
  if (m_threads.empty()) {
    ParsedPage done = job();
    std::lock_guard lock(m_mutex);
    m_done.emplace(m_next_submit++, std::move(done));
    return;
  }
  {
    std::lock_guard lock(m_mutex);
    m_jobs.emplace_back(m_next_submit++, std::move(job));
  }
  m_jobs_cv.notify_one();
}

void ParsePool::work() {
  while (true) {
    std::pair<uint64_t, Job> item;
    {
      std::unique_lock lock(m_mutex);
      m_jobs_cv.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
      if (m_stop && m_jobs.empty()) return;
      item = std::move(m_jobs.front());
      m_jobs.pop_front();
    }
    ParsedPage result = item.second();
    {
      std::lock_guard lock(m_mutex);
      m_done.emplace(item.first, std::move(result));
    }
    m_done_cv.notify_all();
    if (m_notify) m_notify();
  }
}

std::vector<ParsedPage> ParsePool::take_ready() {
  std::vector<ParsedPage> out;
  std::lock_guard lock(m_mutex);
  for (auto it = m_done.find(m_next_take); it != m_done.end(); it = m_done.find(m_next_take)) {
    out.push_back(std::move(it->second));
    m_done.erase(it);
    ++m_next_take;
  }
  return out;
}

size_t ParsePool::pending() const {
  std::lock_guard lock(m_mutex);
  return static_cast<size_t>(m_next_submit - m_next_take);
}

void ParsePool::wait(std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  m_done_cv.wait_for(lock, timeout, [this] { return m_done.contains(m_next_take); });
}

}  // namespace amable::engine
