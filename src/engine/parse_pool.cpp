#include "engine/parse_pool.hpp"

#include <algorithm>

namespace amable::engine {

SharedParseWorkers::SharedParseWorkers(size_t threads) {
  for (size_t i = 0; i < std::max<size_t>(1, threads); ++i)
    m_threads.emplace_back([this] {
      while (true) {
        std::function<void()> task;
        {
          std::unique_lock lock(m_mutex);
          m_cv.wait(lock, [this] { return m_stop || !m_tasks.empty(); });
          if (m_stop && m_tasks.empty()) return;
          task = std::move(m_tasks.front());
          m_tasks.pop_front();
        }
        task();
      }
    });
}

SharedParseWorkers::~SharedParseWorkers() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_cv.notify_all();
  for (auto& t : m_threads) t.join();
}

void SharedParseWorkers::run(std::function<void()> task) {
  {
    std::lock_guard lock(m_mutex);
    m_tasks.push_back(std::move(task));
  }
  m_cv.notify_one();
}

ParsePool::ParsePool(size_t threads, std::function<void()> notify) : m_notify(std::move(notify)) {
  for (size_t i = 0; i < threads; ++i) m_threads.emplace_back([this] { work(); });
}

ParsePool::ParsePool(SharedParseWorkers& shared, std::function<void()> notify) : m_shared(&shared), m_notify(std::move(notify)) {}

ParsePool::~ParsePool() {
  {
    std::unique_lock lock(m_mutex);
    m_stop = true;
    // Jobs on shared workers write into this pool: wait for them before it goes.
    m_done_cv.wait(lock, [this] { return m_in_shared == 0; });
  }
  m_jobs_cv.notify_all();
  for (auto& t : m_threads) t.join();
}

void ParsePool::finished(uint64_t seq, ParsedPage result) {
  {
    std::lock_guard lock(m_mutex);
    m_done.emplace(seq, std::move(result));
  }
  if (m_notify) m_notify();
  if (!m_shared) {
    m_done_cv.notify_all();
    return;
  }
  // On a shared worker the pool may be destroyed as soon as its last job is counted out: that
  // is the last thing done here, under the lock the destructor waits for.
  std::lock_guard lock(m_mutex);
  --m_in_shared;
  m_done_cv.notify_all();
}

void ParsePool::submit(Job job) {
  if (m_shared) {
    uint64_t seq;
    {
      std::lock_guard lock(m_mutex);
      seq = m_next_submit++;
      ++m_in_shared;
    }
    m_shared->run([this, seq, job = std::move(job)] { finished(seq, job()); });
    return;
  }
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
    finished(item.first, item.second());
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
