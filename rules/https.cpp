// https (RULES.md R11): every page on valid HTTPS, http:// redirecting to https://, no mixed
// content, HSTS. Judged on live audits only; a folder or file has no transport.
// score = 0.5 × share on HTTPS + 0.2 × redirect + 0.2 × no mixed active content + 0.1 × HSTS.
#include <fmt/format.h>

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

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  // Mixed content found in a built site will be mixed once it is served over HTTPS.
  auto report_mixed = [&](std::string_view kind) {
    size_t n = 0;
    for (const auto& p : site.pages)
      for (const auto& m : p.facts.security.mixed_active)
        if (n++ < 3) o.findings.push_back(finding(m, ctx.t("Insecure (http:) resource or form: " + m.snippet, "Recurso o formulario inseguro (http:): " + m.snippet), std::string(kind)));
  };
  if (site.kind != "http") {
    o = engine::RuleOutcome::not_applicable(ctx.t("Read from disk: HTTPS is judged when auditing the live URL.",
                                                  "Leído del disco: HTTPS se valora al auditar la URL publicada."));
    report_mixed("info");
    return o;
  }
  const auto* home = site.home();
  const bool home_https = home && util::istarts_with(home->final_url.empty() ? home->url : home->final_url, "https:");
  size_t pages = 0, secure = 0;
  bool form_http = false, secrets_http = false, mixed = false;
  for (const auto& p : site.pages) {
    if (p.status == 0 && util::icontains(p.error, "TLS")) {
      ++pages;  // a page that failed on its certificate is not on valid HTTPS
      o.findings.push_back(page_finding(p.url, p.error));
      continue;
    }
    if (!p.ok()) continue;
    ++pages;
    const bool https = util::istarts_with(p.final_url.empty() ? p.url : p.final_url, "https:");
    if (https) ++secure;
    const auto& sec = p.facts.security;
    form_http = form_http || sec.form_posts_http;
    if (!https && (sec.password_field || sec.card_field)) secrets_http = true;
    if (https && !sec.mixed_active.empty() && !sec.upgrade_insecure) mixed = true;
  }
  const double share = pages ? static_cast<double>(secure) / static_cast<double>(pages) : 0;
  const bool redirect = site.fetch.http_redirects_to_https;
  const bool hsts = hsts_max_age(site.fetch.hsts) >= 15552000;
  if (secrets_http) o.findings.push_back(page_finding(site.start, ctx.t("A password or card field on a page served over HTTP.", "Un campo de contraseña o tarjeta en una página servida por HTTP.")));
  if (!home_https && !redirect) {
    o.score = 0;
    o.findings.push_back(page_finding(site.start, ctx.t("The home page is served over plain HTTP and does not redirect to HTTPS: browsers mark it \"Not secure\".",
                                                        "La página de inicio se sirve por HTTP sin redirigir a HTTPS: los navegadores la marcan como \"No segura\".")));
    o.caps.push_back({50, {"The home page is not on HTTPS: the score is capped at 50.", "La página de inicio no usa HTTPS: la puntuación se limita a 50."}, ""});
    o.summary = ctx.t("No HTTPS.", "Sin HTTPS.");
    return o;
  }
  double s = 0.5 * share + 0.2 * (redirect || !site.fetch.checked_http_redirect ? 1 : 0) + 0.2 * (mixed ? 0 : 1) + 0.1 * (hsts ? 1 : 0);
  if (share < 1) o.findings.push_back(page_finding(site.start, ctx.t(fmt::format("{} of the pages are not on valid HTTPS.", pages - secure), fmt::format("{} páginas no usan HTTPS válido.", pages - secure))));
  if (site.fetch.checked_http_redirect && !redirect)
    o.findings.push_back(page_finding(site.start, ctx.t("http:// does not redirect to https://: add a 301 redirect.", "http:// no redirige a https://: añade una redirección 301.")));
  if (!hsts) o.findings.push_back(page_finding(site.start, ctx.t("No HSTS header (Strict-Transport-Security with max-age of 180 days or more).", "Sin cabecera HSTS (Strict-Transport-Security con max-age de 180 días o más)."), "info"));
  if (mixed) report_mixed("problem");
  if (form_http) {
    s = std::min(s, 0.3);
    o.caps.push_back({50, {"A form posts to http: the score is capped at 50.", "Un formulario envía a http: la puntuación se limita a 50."}, ""});
  }
  o.score = s;
  o.summary = ctx.t(fmt::format("{} of the pages on HTTPS; http redirects: {}; HSTS: {}.", percent(share), redirect ? "yes" : "no", hsts ? "yes" : "no"),
                    fmt::format("{} de las páginas en HTTPS; redirección desde http: {}; HSTS: {}.", percent(share), redirect ? "sí" : "no", hsts ? "sí" : "no"));
  return o;
}

}  // namespace

engine::Rule https_rule() {
  engine::Rule r;
  r.meta.id = "https";
  r.meta.title = {"Every page is served securely over HTTPS", "Todas las páginas se sirven de forma segura por HTTPS"};
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
