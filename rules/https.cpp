// https (RULES.md R11): every page on valid HTTPS, http:// redirecting to https://, no mixed
// content, HSTS. Judged on live audits only; a folder or file has no transport.
// score = 0.5 × share on HTTPS + 0.2 × redirect + 0.2 × no mixed active content + 0.1 × HSTS.
// Texts: rules/messages/https.json.
#include <algorithm>
#include <cstdlib>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"
#include "util/text.hpp"

namespace amable::rules {
namespace {

using model::Site;

long hsts_max_age(std::string_view hsts) {
  const std::string lower = util::to_lower_ascii(hsts);
  const auto at = lower.find("max-age=");
  if (at == std::string::npos) return 0;
  return std::atol(lower.c_str() + at + 8);
}

bool on_https(const model::PageRecord& p) { return util::istarts_with(p.final_url.empty() ? p.url : p.final_url, "https:"); }

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  // Mixed content found in a built site will be mixed once it is served over HTTPS.
  auto report_mixed = [&](std::string_view kind, double cost) {
    size_t n = 0;
    for (const auto& p : site.pages)
      for (const auto& m : p.facts.security.mixed_active)
        if (n++ < 3) {
          auto& f = o.problem(ctx, "https/mixed", {{"value", m.snippet.str()}}, m, n == 1 ? cost : 0);
          f.kind = std::string(kind);
        }
  };
  if (site.kind != "http") {
    o = engine::RuleOutcome::not_applicable(ctx.say("https/not-applicable"));
    report_mixed("info", 0);
    return o;
  }
  const auto* home = site.home();
  const bool home_https = home && on_https(*home);
  size_t pages = 0, secure = 0;
  bool form_http = false, secrets_http = false, mixed = false;
  for (const auto& p : site.pages) {
    if (p.status == 0 && p.error.code == "error/tls") {
      ++pages;  // a page that failed on its certificate is not on valid HTTPS
      o.problem_on(ctx, "https/tls-error", {{"reason", p.error.nested()}}, p.url, 0, false);
      continue;
    }
    if (!p.ok()) continue;
    ++pages;
    if (on_https(p)) ++secure;
    const auto& sec = p.facts.security;
    form_http = form_http || sec.form_posts_http;
    if (!on_https(p) && (sec.password_field || sec.card_field)) secrets_http = true;
    if (on_https(p) && !sec.mixed_active.empty() && !sec.upgrade_insecure) mixed = true;
  }
  const double share = pages ? static_cast<double>(secure) / static_cast<double>(pages) : 0;
  const bool redirect = site.fetch.http_redirects_to_https;
  const bool hsts = hsts_max_age(site.fetch.hsts) >= 15552000;
  if (secrets_http) o.problem_on(ctx, "https/secrets-over-http", {}, site.start, 0);
  if (!home_https && !redirect) {
    o.score = 0;
    o.problem_on(ctx, "https/no-https", {}, site.start, 1.0);
    o.caps.push_back({50, ctx.both("https/cap-no-https"), ""});
    o.lack(ctx, "https/lacks-https");
    return o;
  }
  const double redirect_part = redirect || !site.fetch.checked_http_redirect ? 1 : 0;
  double s = 0.5 * share + 0.2 * redirect_part + 0.2 * (mixed ? 0 : 1) + 0.1 * (hsts ? 1 : 0);
  o.hold(ctx, "https/holds-share", {{"share", share}});
  if (share < 1) {
    o.problem_on(ctx, "https/pages-not-secure", pages_without(site, on_https), site.start, 0.5 * (1 - share));
    o.lack(ctx, "https/lacks-https");
  }
  if (site.fetch.checked_http_redirect && !redirect) {
    o.problem_on(ctx, "https/no-redirect", {}, site.start, 0.2);
    o.lack(ctx, "https/lacks-redirect");
  } else if (redirect) {
    o.hold(ctx, "https/holds-redirect");
  }
  if (!hsts) {
    o.problem_on(ctx, "https/no-hsts", {}, site.start, 0.1);
    o.lack(ctx, "https/lacks-hsts");
  } else {
    o.hold(ctx, "https/holds-hsts");
  }
  if (mixed) {
    report_mixed("problem", 0.2);
    o.lack(ctx, "https/lacks-mixed");
  }
  if (form_http) {
    o.problem_on(ctx, "https/form-over-http", {}, site.start, std::max(0.0, s - 0.3));
    s = std::min(s, 0.3);
    o.caps.push_back({50, ctx.both("https/cap-form"), ""});
  }
  o.score = s;
  return o;
}

}  // namespace

engine::Rule https_rule() {
  engine::Rule r;
  r.meta.id = "https";
  r.meta.title = {"Every page is served securely over HTTPS", "Todas las páginas se sirven de forma segura por HTTPS"};
  r.meta.warn_title = {"The shop is on HTTPS, with gaps", "La tienda usa HTTPS, con huecos"};
  r.meta.failure_title = {"The shop is not fully on HTTPS", "La tienda no está del todo en HTTPS"};
  r.meta.description = {"Browsers label HTTP pages \"Not secure\" and block insecure scripts; about one shopper in five abandons when they do not trust the site with their card.",
                        "Los navegadores marcan las páginas HTTP como \"No seguras\" y bloquean scripts inseguros; uno de cada cinco clientes abandona si no confía en la web con su tarjeta."};
  r.meta.fix = {"Serve every page over HTTPS, redirect HTTP to HTTPS with a 301, enable HSTS, and remove insecure (http://) scripts, images and form actions.",
                "Sirve todas las páginas por HTTPS, redirige HTTP a HTTPS con un 301, activa HSTS y elimina scripts, imágenes y formularios http://."};
  r.meta.category = model::Category::trust;
  r.meta.weight = 8;
  r.meta.importance = "critical";
  r.meta.languages = {};
  r.meta.needs_text = false;
  r.check = &check;
  return r;
}

}  // namespace amable::rules
