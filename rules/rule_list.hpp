#pragma once
// The registry of rules: every rule the build contains, in id order.
#include <string>
#include <string_view>
#include <vector>

#include "engine/config.hpp"
#include "engine/rule.hpp"

namespace amable::rules {

const std::vector<engine::Rule>& all_rules();
std::vector<std::string> rule_ids();
// Every rule id with the options it takes: what a config file may name.
engine::RuleCatalog rule_catalog();
const engine::Rule* find_rule(std::string_view id);
// The user documentation of a rule (rules/docs/<id>.md), or "" when it has none.
std::string_view rule_doc(std::string_view id);

// One factory per rule file.
engine::Rule clear_purpose_rule();
engine::Rule contact_email_rule();
engine::Rule contact_page_rule();
engine::Rule contact_phone_rule();
engine::Rule https_rule();
engine::Rule intro_clutter_rule();
engine::Rule named_contact_rule();
engine::Rule office_hours_rule();
engine::Rule order_follow_up_rule();
engine::Rule postal_address_rule();
engine::Rule privacy_policy_rule();
engine::Rule readability_rule();
engine::Rule response_time_rule();
engine::Rule return_policy_rule();
engine::Rule self_service_rule();
engine::Rule visitor_centric_copy_rule();

}  // namespace amable::rules
