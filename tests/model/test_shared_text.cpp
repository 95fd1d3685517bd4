// SharedText: equal texts share one copy, and a text leaves the pool with its last user, also
// when threads create, copy and drop the same texts at once.
#include <doctest/doctest.h>

#include <thread>
#include <vector>

#include "model/shared_text.hpp"

using amable::model::SharedText;

TEST_CASE("shared text: equal texts are one copy; it is gone with its last user") {
  const size_t before = SharedText::pool_size();
  {
    const SharedText a("footer > p.contact"), b(std::string("footer > p.contact"));
    CHECK(a == b);
    CHECK(&a.str() == &b.str());
    CHECK(a == "footer > p.contact");
    CHECK(SharedText::pool_size() == before + 1);
    SharedText c = a;
    SharedText d = std::move(c);
    CHECK(d == a);
    CHECK(c.empty());
    const SharedText e("another");
    CHECK_FALSE(e == a);
    CHECK(SharedText::pool_size() == before + 2);
  }
  CHECK(SharedText::pool_size() == before);
  CHECK(SharedText().empty());
  CHECK(SharedText("") == SharedText());
}

TEST_CASE("shared text: threads sharing and dropping the same texts leave the pool as it was") {
  const size_t before = SharedText::pool_size();
  auto work = [](int seed) {
    std::vector<SharedText> kept;
    for (int i = 0; i < 20000; ++i) {
      SharedText t("text " + std::to_string((i * 7 + seed) % 50));
      SharedText copy = t;
      if (i % 3 == 0) kept.push_back(copy);
      if (kept.size() > 100) kept.erase(kept.begin(), kept.begin() + 50);
    }
  };
  std::thread a(work, 1), b(work, 2);
  a.join();
  b.join();
  CHECK(SharedText::pool_size() == before);
}
