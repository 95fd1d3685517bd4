// Tokens::slice() and the token cache: a sentence's tokens cut from its block's are the tokens
// the sentence alone would give, on hand-written edge cases and on every block of the corpus.
#include <doctest/doctest.h>


#include "helpers.hpp"
#include "text/sentences.hpp"
#include "text/tokens.hpp"

using namespace amable;

namespace {

std::string dump(const text::Tokens& t) {
  std::string out;
  for (size_t i = 0; i < t.size(); ++i)
    out += std::string(t.folded(i)) + "@" + std::to_string(t.begin(i)) + "-" + std::to_string(t.end(i)) + "#" + std::to_string(t.hash(i)) + " ";
  return out;
}

// Every sentence of `text`, and a few ranges that cut words in two.
void check_slices(const std::string& text) {
  const text::Tokens all(text);
  std::vector<text::Range> ranges = text::sentences(text);
  if (text.size() > 4) ranges.push_back({1, text.size() - 1});
  ranges.push_back({0, text.size() / 2});
  for (const auto& r : ranges) {
    const std::string_view part = std::string_view(text).substr(r.begin, r.end - r.begin);
    CAPTURE(text);
    CAPTURE(part);
    const text::Tokens cut = all.slice(r.begin, r.end);
    CHECK(cut.source() == part);
    CHECK(dump(cut) == dump(text::Tokens(part)));
  }
}

}  // namespace

TEST_CASE("token slices: equal to reading the part again") {
  for (const char* s : {"Hello. World!", "We ship in 2-3 days. You'll get an e-mail.", "Devolución gratuita… ¿Dudas? Llámanos",
                        "Days7am-5pm. Sr. García atiende de L a V.", "", "one", "Price 1.299,00 €. Envío 24h.", "you’ll see. it’s"})
    check_slices(s);
}

TEST_CASE("token slices: the cache gives a sentence the same tokens, shared by every reader") {
  const std::string block = "Order by 2pm. We ship the same day! Questions? Call us.";
  const text::TokenCache cache;
  for (const auto& r : text::sentences(block)) {
    const auto a = text::TokensOf::sentence(block, r);
    const auto b = text::TokensOf::sentence(block, r);
    CHECK(&*a == &*b);
    CHECK(dump(*a) == dump(text::Tokens(std::string_view(block).substr(r.begin, r.end - r.begin))));
  }
}

TEST_CASE("token slices: every sentence of every corpus block") {
  const auto blocks = test::corpus_block_texts();
  if (blocks.empty()) {
    MESSAGE("../shared/corpus is absent: corpus comparison skipped");
    return;
  }
  for (const auto& b : blocks) check_slices(b);
  CHECK(blocks.size() > 1000);
}

TEST_CASE("token cache: a sentence read before its block is kept, even when reading the block grows the cache") {
  // A cache sized for one text: reading each block inside of_sentence() makes the table grow
  // while the sentence's entry is being made.
  std::vector<std::string> blocks;
  for (int i = 0; i < 300; ++i)
    blocks.push_back("Block " + std::to_string(i) + " says hello. It has a second sentence number " + std::to_string(i) + ".");
  text::TokenCache cache(1);
  // One text read first, so that the table grows on a block's entry (odd counts), not on a
  // sentence's: the table doubles when its ninth, seventeenth... entry comes.
  const std::string first = "A first text.";
  REQUIRE(text::TokenCache::of(first));
  std::vector<const text::Tokens*> got;
  for (const auto& b : blocks) {
    const auto sentences = text::sentences(b);
    REQUIRE(sentences.size() == 2);
    const text::Tokens* second = text::TokenCache::of_sentence(b, sentences[1]);
    REQUIRE(second);
    got.push_back(second);
  }
  for (size_t i = 0; i < blocks.size(); ++i) {
    const auto r = text::sentences(blocks[i])[1];
    const std::string_view part = std::string_view(blocks[i]).substr(r.begin, r.end - r.begin);
    CHECK(text::TokenCache::find(part) == got[i]);  // found again, not made a second time
    CHECK(dump(*got[i]) == dump(text::Tokens(part)));
    CHECK(text::TokenCache::find(blocks[i]) != nullptr);
  }
}

TEST_CASE("token cache: tokens live in the cache's arena; a cache inside another keeps its own, and the next page reuses the first's") {
  const std::string outer_text = "Free returns within 30 days of delivery.";
  const std::string inner_text = "Opening hours: Monday to Friday, 9am-5pm.";
  for (int page = 0; page < 3; ++page) {  // the outermost arena's memory is reused page after page
    const text::TokenCache outer;
    const text::Tokens* a = text::TokenCache::of(outer_text);
    REQUIRE(a);
    {
      const text::TokenCache inner;
      const text::Tokens* b = text::TokenCache::of(inner_text);
      REQUIRE(b);
      CHECK(dump(*b) == dump(text::Tokens(inner_text)));
      // Many texts: the inner arena grows past its first block.
      std::vector<std::string> many(2000, std::string(200, 'w'));
      for (auto& m : many) m[0] = static_cast<char>('a' + (&m - many.data()) % 26);
      for (const auto& m : many) CHECK(text::TokenCache::of(m)->size() == 1);
    }
    CHECK(dump(*a) == dump(text::Tokens(outer_text)));
    CHECK(text::TokenCache::of(outer_text) == a);
  }
}
