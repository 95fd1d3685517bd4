// "Why not 100" adds up: every point a rule loses is carried by one of its problems, so the
// score line a consultant reads explains the whole score.
#include <doctest/doctest.h>

#include "engine/audit.hpp"
#include "helpers.hpp"
#include "rules/rule_list.hpp"

using namespace amable;

TEST_CASE("score notes: every lost point sits on a problem, for both example shops and a half-done shop") {
  test::TempDir tmp;
  const auto& dir = tmp.path();
  // A shop that gets many rules half right: contact channels on some pages only, a PDF privacy
  // policy, a muted autoplaying video, a contact link in different places.
  test::write_file(dir / "index.html", test::html_page("en", "Shop",
      R"(<header><a href="about.html">About</a> <a href="contact.html">Contact</a></header><h1>Welcome</h1>
         <video src="v.mp4" autoplay muted></video><p>We sell things. We love our things. Our team is great.</p>
         <footer><a href="privacy.pdf">Privacy policy</a> Call 020 7183 8750</footer>)"));
  test::write_file(dir / "about.html", test::html_page("en", "About", R"(<footer><a href="contact.html">Contact</a></footer><p>We started in 1990. We grew. Our shop is ours.</p>)"));
  test::write_file(dir / "contact.html", test::html_page("en", "Contact", "<p>Write to us.</p>"));
  for (const auto& target : {test::source_dir() / "examples" / "unfriendly-shop", test::source_dir() / "examples" / "tienda-amable", dir}) {
    CAPTURE(target.string());
    engine::AuditOptions o;
    o.target = target.string();
    const auto r = engine::run_audit(o, rules::all_rules());
    REQUIRE(r.has_value());
    CHECK(test::unexplained_scores(*r) == "");
    for (const auto& rule : r->rules)
      if (rule.score && *rule.score < 100) CHECK_MESSAGE(!rule.score_note.empty(), rule.id);
  }
}
