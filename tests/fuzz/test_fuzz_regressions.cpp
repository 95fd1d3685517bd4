// Every input a fuzzer once broke amable with (fuzz/regressions/<target>/), and every seed
// (fuzz/seeds/<target>/), goes through its fuzz target again: what was fixed stays fixed. A
// broken invariant aborts the test binary, which ctest reports as a failure.
#include <doctest/doctest.h>

#include <filesystem>

#include "fuzz/targets.hpp"
#include "helpers.hpp"

using namespace amable;
namespace fs = std::filesystem;

TEST_CASE("fuzz: saved crashers and seeds run clean through their targets") {
  size_t inputs = 0;
  for (const auto& target : fuzz::k_targets)
    for (const char* kind : {"regressions", "seeds"}) {
      const fs::path dir = test::source_dir() / "fuzz" / kind / std::string(target.name);
      if (!fs::exists(dir)) continue;
      for (const auto& entry : fs::directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().filename().string().starts_with(".")) continue;
        CAPTURE(entry.path().string());
        const std::string bytes = test::read_file(entry.path());
        CHECK(target.run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()) == 0);
        ++inputs;
      }
    }
  CHECK(inputs >= 10);
}
