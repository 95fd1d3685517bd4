#include "fetch/transfer_loop.hpp"

#include "fetch/curl_setup.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace amable::fetch {
namespace {

// ---- one audit: its own multi handle, driven by its own poll ---------------------------------

class OwnLoop final : public TransferLoop {
 public:
  OwnLoop(int max_total, int per_host) : m_multi((init_curl_once(), curl_multi_init())) {
    curl_multi_setopt(m_multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(max_total));
    curl_multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(per_host));
    curl_multi_setopt(m_multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  }
  ~OwnLoop() override { curl_multi_cleanup(m_multi); }

  void start(CURL* easy) override { curl_multi_add_handle(m_multi, easy); }
  void cut(const std::vector<CURL*>& easies) override {
    for (CURL* e : easies) curl_multi_remove_handle(m_multi, e);
  }
  std::vector<FinishedTransfer> wait(std::chrono::milliseconds wait) override {
    if (wait.count() > 0) curl_multi_poll(m_multi, nullptr, 0, static_cast<int>(wait.count()), nullptr);
    int running = 0;
    curl_multi_perform(m_multi, &running);
    std::vector<FinishedTransfer> done;
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(m_multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      // The message dies with the removal: read it first.
      const FinishedTransfer f{msg->easy_handle, msg->data.result};
      curl_multi_remove_handle(m_multi, f.easy);
      done.push_back(f);
    }
    return done;
  }
  void wakeup() override { curl_multi_wakeup(m_multi); }

 private:
  CURLM* m_multi;
};

}  // namespace

std::unique_ptr<TransferLoop> own_transfer_loop(int max_total, int per_host) {
  return std::make_unique<OwnLoop>(max_total, per_host);
}

// ---- many audits: one network thread, a lane each ---------------------------------------------

namespace {
class Lane;
}

struct NetworkThread::State {
  CURLM* multi = nullptr;
  mutable std::mutex mutex;
  std::condition_variable cut_done_cv;
  // Handed over by lanes, taken by the thread (under `mutex`).
  std::vector<std::pair<Lane*, CURL*>> to_start;
  struct Cut {
    Lane* lane = nullptr;
    std::vector<CURL*> easies;  // none: every transfer of the lane (it is closing)
    bool whole_lane = false;
  };
  std::vector<Cut> to_cut;
  uint64_t cuts_asked = 0, cuts_done = 0;
  bool quit = false;
  bool ended = false;  // the thread is gone: nothing is in its multi handle any more
  Stats stats;
  // The thread's own: which lane each transfer in the multi handle belongs to.
  std::unordered_map<CURL*, Lane*> owner;
  std::thread thread;

  void run();
  void take_handovers();
  void hand_back_finished();
};

namespace {

class Lane final : public TransferLoop {
 public:
  explicit Lane(std::shared_ptr<NetworkThread::State> s) : m_s(std::move(s)) {
    std::lock_guard lock(m_s->mutex);
    ++m_s->stats.lanes;
    m_s->stats.most_lanes = std::max(m_s->stats.most_lanes, m_s->stats.lanes);
  }
  ~Lane() override {
    ask_cut({}, true);
    std::lock_guard lock(m_s->mutex);
    --m_s->stats.lanes;
  }

  void start(CURL* easy) override {
    {
      std::lock_guard lock(m_s->mutex);
      m_s->to_start.emplace_back(this, easy);
      ++m_s->stats.started;
    }
    curl_multi_wakeup(m_s->multi);
  }
  void cut(const std::vector<CURL*>& easies) override {
    if (easies.empty()) return;
    ask_cut(easies, false);
    // A transfer may have finished before the thread saw the cut: it is not handed back.
    std::lock_guard lock(m_mutex);
    std::erase_if(m_done, [&](const FinishedTransfer& f) { return std::find(easies.begin(), easies.end(), f.easy) != easies.end(); });
  }
  std::vector<FinishedTransfer> wait(std::chrono::milliseconds wait) override {
    std::unique_lock lock(m_mutex);
    if (m_done.empty() && !m_woken && wait.count() > 0)
      m_cv.wait_for(lock, wait, [&] { return !m_done.empty() || m_woken; });
    m_woken = false;
    std::vector<FinishedTransfer> out;
    out.swap(m_done);
    return out;
  }
  void wakeup() override {
    {
      std::lock_guard lock(m_mutex);
      m_woken = true;
    }
    m_cv.notify_all();
  }
  // From the network thread.
  void hand_back(FinishedTransfer f) {
    {
      std::lock_guard lock(m_mutex);
      m_done.push_back(f);
    }
    m_cv.notify_all();
  }

 private:
  // Asks the thread to take transfers out of the multi handle and waits until it has.
  void ask_cut(std::vector<CURL*> easies, bool whole_lane) {
    std::unique_lock lock(m_s->mutex);
    const uint64_t id = ++m_s->cuts_asked;
    m_s->to_cut.push_back({this, std::move(easies), whole_lane});
    lock.unlock();
    curl_multi_wakeup(m_s->multi);
    lock.lock();
    m_s->cut_done_cv.wait(lock, [&] { return m_s->cuts_done >= id || m_s->ended; });
  }

  std::shared_ptr<NetworkThread::State> m_s;
  std::mutex m_mutex;
  std::condition_variable m_cv;
  std::vector<FinishedTransfer> m_done;
  bool m_woken = false;
};

}  // namespace

void NetworkThread::State::take_handovers() {
  std::vector<std::pair<Lane*, CURL*>> starts;
  std::vector<Cut> cuts;
  uint64_t cut_id = 0;
  {
    std::lock_guard lock(mutex);
    starts.swap(to_start);
    cuts.swap(to_cut);
    cut_id = cuts_asked;
  }
  // Starts first: a transfer started and cut before the thread woke is added, then removed.
  for (auto [lane, easy] : starts) {
    curl_multi_add_handle(multi, easy);
    owner.emplace(easy, lane);
  }
  for (const auto& c : cuts) {
    if (c.whole_lane) {
      for (auto it = owner.begin(); it != owner.end();) {
        if (it->second != c.lane) {
          ++it;
          continue;
        }
        curl_multi_remove_handle(multi, it->first);
        it = owner.erase(it);
      }
      continue;
    }
    for (CURL* e : c.easies)
      if (owner.erase(e) > 0) curl_multi_remove_handle(multi, e);
  }
  if (cuts.empty()) return;
  std::lock_guard lock(mutex);
  cuts_done = cut_id;
  cut_done_cv.notify_all();
}

void NetworkThread::State::hand_back_finished() {
  int left = 0;
  uint64_t finished = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    const FinishedTransfer f{msg->easy_handle, msg->data.result};
    curl_multi_remove_handle(multi, f.easy);
    auto it = owner.find(f.easy);
    if (it == owner.end()) continue;
    Lane* lane = it->second;
    owner.erase(it);
    // The lane is alive: a closing lane waits for its cut, which this thread answers only
    // between rounds, never while handing back.
    lane->hand_back(f);
    ++finished;
  }
  if (finished == 0) return;
  std::lock_guard lock(mutex);
  stats.finished += finished;
}

void NetworkThread::State::run() {
  while (true) {
    take_handovers();
    {
      std::lock_guard lock(mutex);
      if (quit) break;
    }
    int running = 0;
    curl_multi_perform(multi, &running);
    hand_back_finished();
    // Woken early by a lane's start or cut (curl_multi_wakeup), or by libcurl's own timers.
    curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
  }
  for (auto& [easy, lane] : owner) curl_multi_remove_handle(multi, easy);
  owner.clear();
  std::lock_guard lock(mutex);
  ended = true;
  cut_done_cv.notify_all();
}

NetworkThread::NetworkThread(int per_host, int max_open) : m_state(std::make_shared<State>()) {
  init_curl_once();
  m_state->multi = curl_multi_init();
  // The shops' own limits bound the transfers in flight; this caps connections to one host
  // across shops (two shops on one help-desk host).
  curl_multi_setopt(m_state->multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(per_host));
  curl_multi_setopt(m_state->multi, CURLMOPT_MAXCONNECTS, static_cast<long>(max_open));
  curl_multi_setopt(m_state->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  m_state->thread = std::thread([s = m_state.get()] { s->run(); });
}

NetworkThread::~NetworkThread() {
  {
    std::lock_guard lock(m_state->mutex);
    m_state->quit = true;
  }
  curl_multi_wakeup(m_state->multi);
  m_state->thread.join();
  curl_multi_cleanup(m_state->multi);
}

std::unique_ptr<TransferLoop> NetworkThread::lane() { return std::make_unique<Lane>(m_state); }

NetworkThread::Stats NetworkThread::stats() const {
  std::lock_guard lock(m_state->mutex);
  return m_state->stats;
}

}  // namespace amable::fetch
