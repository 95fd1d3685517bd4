// Scope: which URLs are the shop's, a help desk's or another site's; the answers remembered by
// origin equal those worked out from each whole URL.
#include <doctest/doctest.h>

#include "fetch/scope.hpp"

using namespace amable;

TEST_CASE("scope: the same site, subdomains, help desks and other sites; remembered answers equal fresh ones") {
  const auto scope = fetch::Scope::make("https://www.shop.example/", {}, {});
  REQUIRE(scope.has_value());
  const std::vector<std::pair<std::string, fetch::Scope::Kind>> cases = {
      {"https://www.shop.example/a/b.html", fetch::Scope::Kind::site},
      {"http://shop.example/x?y=1", fetch::Scope::Kind::site},
      {"https://blog.shop.example/post", fetch::Scope::Kind::site},
      {"HTTPS://WWW.SHOP.EXAMPLE:443/upper", fetch::Scope::Kind::site},
      {"https://user:pw@shop.example/secret", fetch::Scope::Kind::site},
      {"https://shop.example\\evil.example/", fetch::Scope::Kind::site},
      {"https://help.zendesk.com/hc/es", fetch::Scope::Kind::help_desk},
      {"https://other.example/", fetch::Scope::Kind::outside},
      {"https://shop.example.evil.example/", fetch::Scope::Kind::outside},
      {"ftp://shop.example/file", fetch::Scope::Kind::outside},
      {"mailto:ana@shop.example", fetch::Scope::Kind::outside},
  };
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& [u, kind] : cases) {
      CAPTURE(u);
      CHECK(scope->classify(u) == kind);
      CHECK(scope->classify(u) == scope->classify_uncached(u));
    }
}
