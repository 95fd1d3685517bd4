#pragma once
// Where a crawler's libcurl transfers run. One audit drives its own multi handle from its own
// poll() (own_transfer_loop); the shops of a batch hand theirs to one NetworkThread, which runs
// one multi handle for all of them, so a process with many shops in flight waits on one socket
// set, with one DNS cache, one connection pool and one per-host connection cap, and each shop's
// audit thread only sleeps until its own transfers come back (a lane).
#include <curl/curl.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

namespace amable::fetch {

struct FinishedTransfer {
  CURL* easy = nullptr;
  CURLcode code = CURLE_OK;
};

class TransferLoop {
 public:
  virtual ~TransferLoop() = default;
  // Starts a transfer. The handle is libcurl's until it comes back from wait() or is cut.
  virtual void start(CURL* easy) = 0;
  // Cuts transfers that have not come back yet: when this returns libcurl no longer touches
  // them and wait() will not return them. The caller frees the handles.
  virtual void cut(const std::vector<CURL*>& easies) = 0;
  // The transfers finished since the last call, out of libcurl's hands; when there are none,
  // waits up to `wait` for one (or for wakeup()). A zero wait still lets transfers progress.
  virtual std::vector<FinishedTransfer> wait(std::chrono::milliseconds wait) = 0;
  // Ends a wait() in another thread early. Thread-safe.
  virtual void wakeup() = 0;
};

// A multi handle of the caller's own, driven inside wait(): at most `max_total` connections,
// `per_host` to one host.
std::unique_ptr<TransferLoop> own_transfer_loop(int max_total, int per_host);

// One thread running one multi handle for every lane; thread-safe. Destroy it after its lanes.
class NetworkThread {
 public:
  // `per_host`: connections to one host, across all lanes (politeness holds process-wide);
  // `max_open`: connections kept open, busy or idle, the oldest idle closed first (a shop
  // done leaves its keep-alive connections behind; this bounds them).
  NetworkThread(int per_host, int max_open);
  ~NetworkThread();
  NetworkThread(const NetworkThread&) = delete;
  NetworkThread& operator=(const NetworkThread&) = delete;

  // A crawler's way in: its transfers run on this thread, its finished ones come back to it.
  std::unique_ptr<TransferLoop> lane();

  struct Stats {
    uint64_t started = 0;   // transfers started, over all lanes
    uint64_t finished = 0;  // of which came back finished (not cut)
    size_t lanes = 0;       // lanes open now
    size_t most_lanes = 0;  // the most lanes open at once
  };
  Stats stats() const;

  struct State;

 private:
  std::shared_ptr<State> m_state;
};

}  // namespace amable::fetch
