#include "site/page_facts.hpp"

#include <algorithm>

#include "site/addresses.hpp"
#include "site/clutter.hpp"
#include "site/copy_stats.hpp"
#include "site/emails.hpp"
#include "site/office_hours.hpp"
#include "site/page_signals.hpp"
#include "site/people.hpp"
#include "site/phones.hpp"
#include "site/service_text.hpp"
#include "site/language.hpp"
#include "site/owner.hpp"
#include "site/page_classes.hpp"
#include "site/regions.hpp"
#include "site/returns_text.hpp"
#include "site/script_scan.hpp"
#include "site/shop_profile.hpp"
#include "site/snippet.hpp"
#include "site/structured.hpp"
#include "text/fold.hpp"
#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::site {
namespace {

bool mentions_javascript_needed(std::string_view noscript) {
  return util::icontains(noscript, "javascript") &&
         (util::icontains(noscript, "enable") || util::icontains(noscript, "habilit") ||
          util::icontains(noscript, "activ") || util::icontains(noscript, "need") ||
          util::icontains(noscript, "necesit") || util::icontains(noscript, "requir"));
}

bool is_email_field(const model::FormField& f) {
  if (f.type == "email") return true;
  for (const std::string* s : {&f.name, &f.id, &f.placeholder, &f.label})
    if (util::icontains(*s, "mail") || util::icontains(*s, "correo")) return true;
  return false;
}

void contact_form(const model::Page& page, model::PageFacts& f) {
  for (const auto& form : page.forms) {
    bool textarea = false, email = false;
    for (const auto& field : form.fields) {
      if (field.tag == "textarea") textarea = true;
      if (field.tag == "input" && is_email_field(field)) email = true;
    }
    if (textarea && email) {
      f.contact_form = true;
      f.contact_form_where = model::Evidence{page.url, form.selector, snippet_of(form.text), form.region};
      return;
    }
  }
}

// A chat widget's loader in a script (script_scan.cpp), else a visible link to a chat service.
void widgets(const model::Page& page, const ScriptScan& scripts, model::PageFacts& f) {
  f.chat_vendor = scripts.chat_vendor;
  for (const auto& l : page.links) {
    if (!f.chat_vendor.empty()) break;
    if (const std::string* vendor = l.hidden ? nullptr : chat_hosts().first_in_list(l.url)) f.chat_vendor = *vendor;
  }
  f.chat_widget = !f.chat_vendor.empty();
}

void email_signals(const model::Page& page, std::string_view lang, const ScriptScan& scripts, model::PageFacts& f) {
  const auto& words = text::lexicon("contact-email").phrases("email-image", lang);
  for (const auto& img : page.images) {
    std::string name = img.src.substr(img.src.rfind('/') == std::string::npos ? 0 : img.src.rfind('/') + 1);
    for (char& c : name)
      if (c == '_' || c == '-' || c == '.') c = ' ';
    if (words.matches(*text::TokensOf(img.alt), lang) || words.matches(name, lang)) {
      f.email_image = model::Evidence{page.url, "img", img.alt.empty() ? img.src : img.alt, img.region};
      break;
    }
  }
  f.js_email = scripts.email;
}

// A currency sign next to a digit: "89 €", "$1,299.99", "£3.50", "S/ 120".
bool has_price(std::string_view text) {
  static constexpr std::string_view k_signs[] = {"\xE2\x82\xAC", "$", "\xC2\xA3", "S/"};
  for (auto sign : k_signs)
    for (size_t p = text.find(sign); p != std::string_view::npos; p = text.find(sign, p + 1)) {
      const size_t after = p + sign.size();
      size_t i = after;
      while (i < text.size() && i < after + 2 && text[i] == ' ') ++i;
      if (i < text.size() && util::is_ascii_digit(text[i])) return true;
      size_t j = p;
      while (j > 0 && p - j < 2 && text[j - 1] == ' ') --j;
      if (j > 0 && util::is_ascii_digit(text[j - 1])) return true;
    }
  return false;
}

void commerce(const model::Page& page, std::string_view lang, model::PageFacts& f) {
  for (const auto& b : page.blocks)
    if (!f.prices && b.visible() && has_price(b.text)) f.prices = true;
  const auto& order = text::lexicon("self-service").phrases("order", lang);
  for (const auto& form : page.forms) {
    const std::string action = util::to_lower_ascii(form.action);
    if (action.find("cart") != std::string::npos || action.find("carrito") != std::string::npos ||
        action.find("cesta") != std::string::npos || action.find("basket") != std::string::npos)
      f.add_to_cart = true;
    for (const auto& field : form.fields)
      if ((field.tag == "button" || field.type == "submit") &&
          (order.matches(*text::TokensOf(field.label), lang) || order.matches(*text::TokensOf(field.value), lang)))
        f.add_to_cart = true;
  }
  for (const auto& l : page.links) {
    if (l.hidden) continue;
    if ((l.region != model::Region::main || l.text.size() < 40) && order.matches(*text::TokensOf(l.text), lang) &&
        ((site::classes_from_path(l.url, lang) & model::k_class_cart) != 0 || util::icontains(l.url, "cart") ||
         util::icontains(l.url, "carrito") || util::icontains(l.url, "cesta") || util::icontains(l.url, "basket"))) {
      f.cart_link = true;
      break;
    }
  }
}

}  // namespace

size_t count_words(std::string_view text) {
  size_t n = 0;
  bool in_word = false;
  for (char c : text) {
    const bool word = !util::is_ascii_space(c) && c != '|' && c != '-';
    if (word && !in_word) ++n;
    in_word = word;
  }
  return n;
}

int refresh_delay(std::string_view content) {
  content = util::trim(content);
  if (content.empty() || !util::is_ascii_digit(content[0])) return content.empty() ? -1 : 0;
  int v = 0;
  for (size_t i = 0; i < content.size() && util::is_ascii_digit(content[i]) && v < 1000000; ++i)
    v = v * 10 + (content[i] - '0');
  return v;
}

std::string refresh_target(std::string_view content) {
  const std::string lower = util::to_lower_ascii(content);
  const size_t at = lower.find("url");
  if (at == std::string::npos) return {};
  size_t i = at + 3;
  while (i < content.size() && util::is_ascii_space(content[i])) ++i;
  if (i >= content.size() || content[i] != '=') return {};
  ++i;
  while (i < content.size() && util::is_ascii_space(content[i])) ++i;
  std::string_view target = content.substr(i);
  if (!target.empty() && (target.front() == '\'' || target.front() == '"')) {
    const char q = target.front();
    target.remove_prefix(1);
    if (const auto end = target.find(q); end != std::string_view::npos) target = target.substr(0, end);
  }
  return std::string(util::trim(target));
}

// The shop's name, for counting how often the copy talks about itself: og:site_name, the
// organisation in structured data, else the title's last segment ("Mantas | Tienda Amable").
static std::vector<std::string> brand_words(const model::Page& page, const model::StructuredFacts& sd) {
  std::string brand(page.meta("og:site_name"));
  if (brand.empty()) brand = sd.organization_name;
  if (brand.empty())
    for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 "})
      if (const auto p = page.title.rfind(sep); p != std::string::npos) {
        brand = page.title.substr(p + sep.size());
        break;
      }
  std::vector<std::string> out;
  for (auto w : util::split_any(brand, " .-_|"))
    if (w.size() >= 3) out.emplace_back(w);
  return out;
}

// The same words folded, for telling the shop's name from a person's ("call Crystal Flow").
static std::vector<std::string> folded_brand(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.push_back(text::fold(w));
  return out;
}

model::PageFacts extract_facts(const model::Page& page, const FactOptions& options, bool start_page) {
  model::Page copy = page;
  return extract_facts(copy, options, start_page);
}

model::PageFacts extract_facts(model::Page&& page, const FactOptions& options, bool start_page) {
  return extract_facts(page, options, start_page);
}

model::PageFacts extract_facts(model::Page& page, const FactOptions& options, bool start_page) {
  // Each block's words are read by a dozen detectors: tokenise each once.
  const text::TokenCache token_cache(2 * page.blocks.size() + page.links.size());
  model::PageFacts f;
  auto key_of = [&](const std::string& url) { return options.key_of ? options.key_of(url) : url; };

  const PageLanguage lang = detect_language(page, options.forced_lang);
  classify_regions(page, lang.effective);
  f.lang_declared = lang.declared;
  f.lang_detected = lang.detected;
  f.lang = lang.effective;
  f.lang_mismatch = lang.mismatch;

  const model::StructuredFacts sd = structured_facts(page);
  f.title = page.title;
  f.site_name = util::collapse_whitespace(page.meta("og:site_name"));
  for (const auto& h : page.headings)
    if (h.level == 1 && f.h1.size() < 10) f.h1.push_back(h.text);
  f.meta_description = page.meta_description;
  f.meta_refresh = page.meta_refresh;
  for (const auto& b : page.blocks) {
    if (b.visible()) f.words += count_words(b.text);
    if (!f.euro_prices && b.text.find("\xE2\x82\xAC") != std::string::npos) f.euro_prices = true;
  }
  f.lang_tag = page.lang.empty() ? std::string(page.meta("og:locale")) : page.lang;
  for (const auto& img : page.images)
    if (img.region == model::Region::main && !img.in_link &&
        (img.width == 0 || img.width >= 300 || img.height >= 300))
      ++f.large_images;

  size_t script_bundles = 0;
  for (const auto& s : page.scripts) {
    if (!s.src.empty()) ++script_bundles;
    if (util::icontains(s.type, "json") || util::icontains(s.type, "template")) continue;
    ++f.script.scripts;
  }
  const ScriptScan scripts = scan_scripts(page);
  f.script.injects = scripts.injects;
  f.script.app_root = page.empty_app_root;
  f.script.noscript_js = mentions_javascript_needed(page.noscript_text);
  f.script.includes = page.script_includes;
  f.script.empty_chrome = page.empty_chrome;
  f.script.text_chars = page.text_chars;
  f.fragment = page.fragment;
  f.thin = (page.text_chars < 200 && script_bundles >= 1) || page.empty_app_root ||
           mentions_javascript_needed(page.noscript_text);

  f.own_classes = own_classes(page, f.lang, sd);

  f.links.reserve(page.links.size() + 1);
  for (const auto& l : page.links) {
    if (l.url.empty()) continue;
    model::RawLink r;
    r.target = key_of(l.url);
    r.text = l.text.empty() ? l.label : l.text;
    r.selector = l.selector;
    r.region = l.region;
    if (l.hidden) r.flags |= model::k_link_hidden;
    if (l.has_image) r.flags |= model::k_link_image;
    if (l.rel == "frame") r.flags |= model::k_link_frame;
    if (l.form >= 0) r.flags |= model::k_link_in_form;
    if (l.block_flags & model::k_block_cookie) r.flags |= model::k_link_cookie;
    f.links.push_back(std::move(r));
  }
  if (const std::string target = refresh_target(page.meta_refresh); !target.empty())
    if (auto u = url::resolve(page.base_url, target)) {
      model::RawLink r;
      r.target = key_of(*u);
      r.selector = "meta[http-equiv=refresh]";
      r.region = model::Region::header;
      r.flags = model::k_link_refresh | model::k_link_hidden;
      f.links.push_back(std::move(r));
    }

  f.emails = find_emails(page, f.lang, sd);
  contact_form(page, f);
  widgets(page, scripts, f);
  email_signals(page, f.lang, scripts, f);
  f.returns = analyze_returns(page, f.lang);
  commerce(page, f.lang, f);

  const bool contact_page = (f.own_classes & model::k_class_contact) != 0;
  PhoneOptions phone_options;
  phone_options.regions = phone_regions(options.tld_region, f.lang_tag, page.meta("og:locale"), f.lang);
  phone_options.contact_page = contact_page;
  f.phones = find_phones(page, f.lang, phone_options, sd);
  for (const auto& p : f.phones) f.whatsapp = f.whatsapp || p.kind == "whatsapp";
  {
    const auto& callback = text::lexicon("contact-phone").phrases("callback", f.lang);
    for (const auto& b : page.blocks)
      if (b.visible() && callback.matches(b.text, f.lang)) {
        f.callback = true;
        f.callback_where = model::Evidence{page.url, b.selector, snippet_of(b.text), b.region, b.zone};
        break;
      }
  }
  f.addresses = find_addresses(page, f.lang, sd);
  // The page's own signals of the shop's country; its national numbers are read there first
  // (the site reads them again in the site's country: site_builder.cpp).
  f.country_votes = country_votes(page, f, options.tld_region);
  resolve_in_country(f.phones, page_country(f.country_votes));
  f.map = has_map(page);
  f.trader_id = find_trader_id(page, f.lang);
  f.hours = find_office_hours(page, f.lang, contact_page, sd);
  const auto brand = brand_words(page, sd);
  f.people = find_people(page, f.lang, f.emails, sd, folded_brand(brand));
  f.subjects = heading_subjects(page, f.lang);
  if (contact_page)
    if (auto e = first_person_contact(page, f.lang)) f.first_person_contact = std::move(*e);
  f.promises = find_response_promises(page, f.lang);
  const bool policy_page = (f.own_classes & (model::k_class_privacy | model::k_class_legal)) != 0;
  f.follow_up = find_follow_up(page, f.lang, policy_page);
  f.contact = find_contact_access(page, f.lang, f.chat_widget);
  f.privacy = find_privacy(page, f.lang);
  f.security = find_security(page);
  f.clutter = find_clutter(page, f.lang, f.words, f.thin, scripts.autoplay);
  f.purpose = find_purpose(page, f.lang, sd, start_page);
  f.self_service = find_self_service(page, f.lang, sd, f.chat_widget, scripts.search_vendor);
  f.copy = count_perspective(page, f.lang);
  f.readability = measure_readability(page, f.lang);
  f.notes = page.notes;
  if (sd.has_any()) f.structured = sd;
  return f;
}

}  // namespace amable::site
