#pragma once
// What the report can say of the shop itself: its name (for the report's headline) and what
// advice may quote as examples (its domain, a number in its own format).
#include "engine/rule.hpp"
#include "model/site.hpp"

namespace amable::engine {

ShopWords shop_words(const model::Site& site);

}  // namespace amable::engine
