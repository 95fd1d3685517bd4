#pragma once
// Ctrl-C or SIGTERM: the first one asks the command to stop (finish what it can, write what it
// has, exit 128 + the signal); a second one ends the process at once.
#include <atomic>

namespace amable::cli {

void catch_stop_signals();
const std::atomic<bool>& stop_requested();
int stop_signal();  // the signal that asked, 0 when none

}  // namespace amable::cli
