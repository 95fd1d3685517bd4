// THE registration point: one line per rule, alphabetical by id.
#include "rules/rule_list.hpp"

#include "util/embedded.hpp"

namespace amable::rules {

const std::vector<engine::Rule>& all_rules() {
  static const std::vector<engine::Rule> rules = {
      clear_purpose_rule(),
      contact_email_rule(),
      contact_page_rule(),
      contact_phone_rule(),
      https_rule(),
      intro_clutter_rule(),
      named_contact_rule(),
      office_hours_rule(),
      order_follow_up_rule(),
      postal_address_rule(),
      privacy_policy_rule(),
      readability_rule(),
      response_time_rule(),
      return_policy_rule(),
      self_service_rule(),
      visitor_centric_copy_rule(),
  };
  return rules;
}

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const auto& r : all_rules()) ids.push_back(r.meta.id);
  return ids;
}

engine::RuleCatalog rule_catalog() {
  engine::RuleCatalog c;
  for (const auto& r : all_rules()) c[r.meta.id] = r.meta.options;
  return c;
}

const engine::Rule* find_rule(std::string_view id) {
  for (const auto& r : all_rules())
    if (r.meta.id == id) return &r;
  return nullptr;
}

std::string_view rule_doc(std::string_view id) {
  return embedded::find(embedded::rule_docs(), std::string(id) + ".md");
}

}  // namespace amable::rules
