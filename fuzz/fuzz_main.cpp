// One libFuzzer binary per target: scripts/fuzz builds this file with -DAMABLE_FUZZ_TARGET=n.
#include <cstddef>
#include <cstdint>

#include "fuzz/targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return amable::fuzz::k_targets[AMABLE_FUZZ_TARGET].run(data, size);
}
