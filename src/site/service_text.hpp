#pragma once
// Service promises in running text: how fast the shop answers (RULES.md R7) and what happens
// after an order (R8: confirmation, tracking, delivery times).
#include <optional>
#include <string_view>
#include <vector>

#include "model/facts.hpp"
#include "model/page.hpp"
#include "text/tokens.hpp"

namespace amable::site {

// Sentences with a reply verb and a time ("We answer every e-mail the same day"), not
// delivery or refund times.
std::vector<model::ResponsePromise> find_response_promises(const model::Page& page, std::string_view lang);

// `policy_page`: a privacy or legal page, where "tracking" means cookies.
model::FollowUpFacts find_follow_up(const model::Page& page, std::string_view lang, bool policy_page);

}  // namespace amable::site
