#pragma once
// E-mail addresses on a page (RULES.md R1): visible text (plain or obfuscated with [at] and
// (arroba)), Cloudflare-protected addresses, mailto: links, and structured data.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

// Every address on the page, one entry per address (visible if any occurrence is).
std::vector<model::EmailHit> find_emails(const model::Page& page, std::string_view lang,
                                         const model::StructuredFacts& structured);

// All addresses in free text, as they appear: "info@shop.es", validated.
struct EmailMatch {
  std::string value;
  size_t begin = 0, end = 0;  // bytes in the scanned text
};
std::vector<EmailMatch> scan_emails(std::string_view text);

// Lower-cased address when `candidate` is a plausible e-mail address (RFC 5322-lite, known TLD).
std::optional<std::string> validate_email(std::string_view candidate);

// Cloudflare e-mail obfuscation: hex string, first byte is the XOR key.
std::optional<std::string> decode_cfemail(std::string_view hex);

bool is_role_mailbox(std::string_view address);   // info@, ventas@, support@ ...
bool is_noreply(std::string_view address);
bool is_placeholder_email(std::string_view address);  // info@example.com, name@yourdomain.com

}  // namespace amable::site
