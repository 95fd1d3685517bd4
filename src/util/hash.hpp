#pragma once
// FNV-1a, 64 bits (Fowler, Noll, Vo; offset basis 14695981039346656037, prime 1099511628211):
// a hash whose value is specified, so that every machine, compiler and version of amable agrees
// on it (SARIF fingerprints, batch shards). std::hash promises none of that.
#include <cstdint>
#include <string_view>

namespace amable::util {

constexpr uint64_t fnv1a64(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (const char c : s) {
    h ^= static_cast<uint8_t>(c);
    h *= 1099511628211ull;
  }
  return h;
}

static_assert(fnv1a64("") == 14695981039346656037ull);
static_assert(fnv1a64("a") == 0xaf63dc4c8601ec8cull);

}  // namespace amable::util
