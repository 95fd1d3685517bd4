// THE registration point: one line per rule, alphabetical by id.
#include "rules/rule_list.hpp"

#include "util/embedded.hpp"

namespace amable::rules {

const std::vector<engine::Rule>& all_rules() {
  static const std::vector<engine::Rule> rules = {
      contact_email_rule(),
      return_policy_rule(),
  };
  return rules;
}

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const auto& r : all_rules()) ids.push_back(r.meta.id);
  return ids;
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
