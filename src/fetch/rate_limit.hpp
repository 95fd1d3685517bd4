#pragma once
// A process-wide ceiling on requests per second (`amable batch --max-rate`), shared by every
// shop's crawler: a token bucket refilled at `per_second`, holding at most a quarter second's
// worth (so a pause does not become a burst). Thread-safe.
#include <algorithm>
#include <chrono>
#include <mutex>

namespace amable::fetch {

class RateLimit {
 public:
  explicit RateLimit(double per_second) : m_rate(per_second), m_capacity(std::max(1.0, per_second / 4)), m_tokens(m_capacity) {}

  // Takes one request's token when there is one.
  bool try_take() {
    std::lock_guard lock(m_mutex);
    refill();
    if (m_tokens < 1.0) return false;
    m_tokens -= 1.0;
    return true;
  }
  // How long until a token is there.
  std::chrono::milliseconds wait() {
    std::lock_guard lock(m_mutex);
    refill();
    if (m_tokens >= 1.0) return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(static_cast<long long>((1.0 - m_tokens) / m_rate * 1000.0) + 1);
  }

 private:
  void refill() {
    const auto now = std::chrono::steady_clock::now();
    m_tokens = std::min(m_capacity, m_tokens + std::chrono::duration<double>(now - m_last).count() * m_rate);
    m_last = now;
  }
  std::mutex m_mutex;
  double m_rate, m_capacity, m_tokens;
  std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

}  // namespace amable::fetch
