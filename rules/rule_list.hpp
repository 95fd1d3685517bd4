#pragma once
// The registry of rules: every rule the build contains, in id order.
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.hpp"

namespace amable::rules {

const std::vector<engine::Rule>& all_rules();
std::vector<std::string> rule_ids();
const engine::Rule* find_rule(std::string_view id);
// The user documentation of a rule (rules/docs/<id>.md), or "" when it has none.
std::string_view rule_doc(std::string_view id);

// One factory per rule file.
engine::Rule contact_email_rule();
engine::Rule return_policy_rule();

}  // namespace amable::rules
