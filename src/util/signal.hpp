#pragma once
// A wake-up one thread sends another: notify() from any thread, wait() returns when notified
// (or after a timeout), and a notify() sent before the wait is not lost.
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace amable::util {

class Signal {
 public:
  void notify() {
    {
      std::lock_guard lock(m_mutex);
      m_set = true;
    }
    m_cv.notify_all();
  }
  // True when notified, false on timeout.
  bool wait(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    const bool set = m_cv.wait_for(lock, timeout, [this] { return m_set; });
    m_set = false;
    return set;
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_cv;
  bool m_set = false;
};

}  // namespace amable::util
