#pragma once
// The winner of a vote and its margin: the highest score, the key holding it, and the runner-up
// score, so that a caller can refuse a close race.
#include <string>

namespace amable::util {

template <typename Key, typename Score>
struct TopTwo {
  Key best{};
  Score first{}, second{};
};

// `scores` is a map-like range of (key, score) pairs.
template <typename Map>
auto top_two(const Map& scores) {
  using Key = typename Map::key_type;
  using Score = typename Map::mapped_type;
  TopTwo<Key, Score> t;
  for (const auto& [key, score] : scores) {
    if (score > t.first) {
      t.second = t.first;
      t.first = score;
      t.best = key;
    } else if (score > t.second) {
      t.second = score;
    }
  }
  return t;
}

}  // namespace amable::util
