#pragma once
// Return-policy terms in a page's text (RULES.md R9 "clear"): the window in days, item
// conditions, who pays return shipping, the refund method, how to start a return, exceptions,
// red flags ("no returns") and the EU right of withdrawal.
#include <optional>
#include <string_view>

#include "model/facts.hpp"
#include "model/page.hpp"
#include "text/tokens.hpp"

namespace amable::site {

model::ReturnsText analyze_returns(const model::Page& page, std::string_view lang);

// A return window stated in `t` ("30 days", "treinta días", "un mes", "two weeks"), in days.
// `near` (a token index) picks the closest when there are several.
std::optional<int> find_window_days(const text::Tokens& t, size_t near = 0);

}  // namespace amable::site
