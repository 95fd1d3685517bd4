// Parse pools on their own threads or on threads several audits share (src/engine/parse_pool.cpp).
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "engine/parse_pool.hpp"

using namespace amable;

namespace {

engine::ParsePool::Job job(const std::string& name, int sleep_us) {
  return [name, sleep_us] {
    std::this_thread::sleep_for(std::chrono::microseconds(sleep_us));
    engine::ParsedPage p;
    p.raw.url = name;
    return p;
  };
}

std::vector<std::string> drain(engine::ParsePool& pool, size_t n) {
  std::vector<std::string> out;
  while (out.size() < n) {
    pool.wait(std::chrono::milliseconds(10));
    for (auto& r : pool.take_ready()) out.push_back(r.raw.url);
  }
  return out;
}

}  // namespace

TEST_CASE("parse pool: audits sharing worker threads each get their own results, in their own order") {
  engine::SharedParseWorkers workers(3);
  std::atomic<int> woken{0};
  engine::ParsePool a(workers, [&woken] { ++woken; });
  engine::ParsePool b(workers, [&woken] { ++woken; });
  std::vector<std::string> want_a, want_b;
  for (int i = 0; i < 40; ++i) {
    // Later jobs finish first at times: the order comes from submission, not completion.
    a.submit(job("a" + std::to_string(i), (40 - i) * 20));
    b.submit(job("b" + std::to_string(i), (i % 3) * 50));
    want_a.push_back("a" + std::to_string(i));
    want_b.push_back("b" + std::to_string(i));
  }
  CHECK(drain(a, 40) == want_a);
  CHECK(drain(b, 40) == want_b);
  CHECK(a.pending() == 0);
  CHECK(woken.load() == 80);
}

TEST_CASE("parse pool: a pool on shared workers waits for its running jobs before it goes") {
  engine::SharedParseWorkers workers(2);
  std::atomic<int> finished{0};
  {
    engine::ParsePool pool(workers, [&finished] { ++finished; });
    for (int i = 0; i < 6; ++i) pool.submit(job("x" + std::to_string(i), 20000));
  }  // destroyed with jobs queued and running: nothing may write into it afterwards
  CHECK(finished.load() == 6);
}
