#pragma once
// Facts: what the site model derives from pages, once, for every rule to use. Page-level facts
// are computed while the page is in memory; site-level facts join them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/boxed.hpp"
#include "model/shared_text.hpp"
#include "model/page.hpp"

namespace amable::model {

// Page classes (RULES.md §0.1). A page can have several.
enum PageClass : uint16_t {
  k_class_home = 1 << 0,
  k_class_contact = 1 << 1,
  k_class_returns = 1 << 2,
  k_class_shipping = 1 << 3,
  k_class_privacy = 1 << 4,
  k_class_legal = 1 << 5,
  k_class_faq = 1 << 6,
  k_class_about = 1 << 7,
  k_class_product = 1 << 8,
  k_class_category = 1 << 9,
  k_class_cart = 1 << 10,
};
// The key pages of SPEC.md's facts.key_pages, in report order.
inline constexpr PageClass k_key_classes[] = {k_class_contact, k_class_returns, k_class_privacy,
                                              k_class_faq,     k_class_shipping, k_class_about,
                                              k_class_legal};
std::string_view class_name(PageClass c);  // "contact", "returns", ...
std::vector<std::string> class_names(uint16_t classes);

// Where a fact was seen: enough for a person to find it again.
// Its texts are shared between equal values (SharedText): pages repeat the same evidence.
struct Evidence {
  SharedText url;
  SharedText selector;
  SharedText snippet;  // at most 200 characters, quoted from the page
  Region region = Region::main;
  Zone zone = Zone::main;  // whose words these are (README "Regions")
};

struct EmailHit {
  SharedText value;    // lower-cased address
  SharedText source;  // text, mailto, cloudflare, obfuscated, json-ld, microdata
  bool visible = true;  // readable on the page (mailto-only and structured data are not)
  bool in_chrome = false;
  Evidence where;
};

// A term of a return policy found in running text.
struct TermHit {
  SharedText item;  // window, conditions, costs, refund, process, exceptions, red-flag, withdrawal
  SharedText phrase;  // the lexicon phrase or pattern that matched
  Evidence where;
  // Said in a block that names returns itself and does not send the reader elsewhere ("free
  // returns from €59", not "see our return policy for how to return by mail"): one such term
  // states a policy.
  bool own_statement = false;
};

struct ReturnsText {
  // Terms inside a returns context: a block that names returns, a section under a returns
  // heading, or (whole_page_terms) anywhere in the main text when the page is about returns.
  std::vector<TermHit> terms;
  std::vector<TermHit> whole_page_terms;
  bool has_returns_heading = false;  // a heading with a returns term (a section in T&C pages)
  Boxed<Evidence> heading;
  std::optional<int> window_days;
  std::optional<int> whole_page_window_days;
  SharedText refund_method;                // phrase, "" when not stated
  SharedText return_shipping_paid_by;      // "shop", "customer", ""
  size_t words = 0;                        // words in the page's main text
};

// Structured data (JSON-LD and microdata) reduced to what rules use.
struct StructuredFacts {
  std::vector<std::string> types;    // every @type seen, without the schema.org prefix
  std::vector<std::string> emails;
  std::vector<std::string> telephones;
  std::vector<std::string> addresses;  // PostalAddress: street, postal code, locality
  std::vector<std::string> countries;  // PostalAddress addressCountry: "ES", "Spain"
  std::vector<std::string> opening_hours;  // openingHours, openingHoursSpecification, hoursAvailable
  std::vector<std::string> people;     // Person names with a telephone or e-mail
  bool search_action = false;          // WebSite -> SearchAction
  bool faq_page = false;               // FAQPage
  bool shipping_details = false;       // OfferShippingDetails / deliveryTime
  std::vector<std::string> product_names;
  std::string organization_name;
  bool merchant_return_policy = false;
  std::optional<int> merchant_return_days;
  std::string return_fees;   // FreeReturn, ReturnFeesCustomerResponsibility, ...
  std::string refund_type;
  bool has_any() const {
    return !types.empty() || !countries.empty() || !emails.empty() || !telephones.empty() || !addresses.empty() || !opening_hours.empty() ||
           !people.empty() || search_action || faq_page || shipping_details || !product_names.empty() ||
           !organization_name.empty() || merchant_return_policy || merchant_return_days || !return_fees.empty() ||
           !refund_type.empty();
  }
};

struct PhoneHit {
  SharedText value;       // as written on the page (or the tel: target)
  SharedText e164;       // +34912345678
  SharedText kind = "phone";  // phone | fax | whatsapp
  SharedText line_type = "unknown";  // fixed | mobile | fixed-or-mobile | toll-free | premium | shared-cost | voip | unknown
  bool placeholder = false;
  bool tel_link = false;  // offered as a click-to-call link
  bool labelled = false;  // a phone word ("Tel.", "Teléfono") right before it
  bool whatsapp_link = false;  // also offered through wa.me / api.whatsapp.com
  bool visible = true;    // the number is readable (a tel: link with other text is not)
  bool in_chrome = false;
  Evidence where;
};

struct AddressHit {
  SharedText value;
  SharedText source;  // text, address-element, structured-data
  bool po_box = false;
  bool in_chrome = false;
  bool placeholder = false;  // a theme's sample: "123 Main Street", "Calle Falsa 123"
  Evidence where;
};

struct HoursHit {
  SharedText value;
  bool always = false;       // "24/7" with no clock times
  bool structured = false;   // only in structured data
  bool near_channel = false; // next to a phone, e-mail or chat, or under an hours heading
  bool in_chrome = false;
  Evidence where;
};

struct PersonHit {
  std::string name;
  std::string role;
  std::string how;          // phrase, team, signature, mailbox, structured-data
  bool with_channel = false;  // a phone or e-mail next to the name
  Evidence where;
};

struct ResponsePromise {
  double hours = -1;  // promised reply time in hours; -1 for a vague promise
  std::string phrase;
  Evidence where;
};

struct FollowUpFacts {
  Boxed<Evidence> confirmation;
  Boxed<Evidence> tracking;
  Boxed<Evidence> delivery_time;
  bool fast_only = false;       // "fast shipping" with no numbers
  bool shipping_words = false;  // the page talks about shipping at all
  bool tracking_link = false;   // a "track my order" link or a carrier tracking link
};

// What a page's HTML says about scripts assembling it in the browser; src/render/ decides from
// it whether the page needs a browser, and rules treat chrome left to scripts as unknown.
struct ScriptSignals {
  bool app_root = false;      // an empty <div id="root|app|__next|__nuxt">
  bool noscript_js = false;   // <noscript> asks for JavaScript
  bool includes = false;      // include attributes (w3-include-html, data-include, hx-get on load)
  bool empty_chrome = false;  // an empty header, footer or nav
  size_t scripts = 0;         // <script> elements, inline or not (JSON-LD and templates aside)
  bool injects = false;       // an inline script writes markup (innerHTML, insertAdjacentHTML, fetch...)
  size_t text_chars = 0;      // visible text, in bytes
  // The page's header or footer is left to scripts: what it would hold is unknown from the HTML.
  bool chrome_by_script() const { return scripts > 0 && (app_root || includes || empty_chrome || noscript_js); }
};

struct ContactAccess {
  bool contact_link = false;      // a link to contact or customer service
  SharedText contact_target;      // its target
  bool channel_in_chrome = false; // mailto:, tel: or a chat widget in header/nav/footer
  int ordinal = -1;               // position of the first contact mechanism among chrome links
  Boxed<Evidence> where;
};

struct PrivacyFacts {
  std::vector<std::string> items;  // EU content items found: controller, purposes, ...
  bool placeholder = false;        // "[Company Name]" left from a generator
  Boxed<Evidence> placeholder_where;
  size_t email_forms = 0;          // forms that collect an e-mail address
  size_t email_forms_with_consent = 0;
};

struct SecurityFacts {
  std::vector<Evidence> mixed_active;   // scripts, styles, iframes, forms over http:
  std::vector<Evidence> mixed_passive;  // images, audio, video over http:
  bool form_posts_http = false;
  bool password_field = false;
  bool card_field = false;
  bool upgrade_insecure = false;        // CSP upgrade-insecure-requests
};

struct ClutterHit {
  std::string kind;  // meta-refresh, skip-intro, flash, autoplay, marquee, splash, overlay, preloader, popup, js-redirect, carousel, age-gate
  double penalty = 0;
  Evidence where;
  // It stands between the visitor and the page (a splash or entry page, an intro movie, a
  // full-screen splash overlay, an age gate, a timed redirect): an intro, not just clutter.
  bool intro = false;
};

struct PurposeFacts {
  size_t h1_count = 0;
  SharedText intro;                     // first ~80 words of the main text
  std::vector<std::string> nav_labels;  // texts of header/nav links (start page only)
  std::vector<std::string> product_names;  // Product structured data
  SharedText og_description;
  bool maker_opener = false;            // "Welcome to our website"
  bool benefit = false;                 // "free delivery", "hecho a mano"
};

struct SelfServiceFacts {
  bool search = false;
  SharedText search_how;
  bool sort_or_filter = false;
  bool compare = false;
  bool faq_link = false;
  bool faq_structured = false;
  int question_headings = 0;
  bool accordions = false;  // details/summary
  bool complain = false;
  Boxed<Evidence> complain_where;
  bool odr_link = false;    // the closed EU ODR platform
  bool complaint_subject = false;  // a contact form subject select with a complaint option
};

struct CopyFacts {
  double visitor = 0, company = 0;  // counted terms (su/sus count half)
  size_t words = 0;                 // words considered
  std::string company_example;      // a sentence that speaks about the company
  std::string visitor_example;
};

struct ReadabilityFacts {
  size_t words = 0, sentences = 0, syllables = 0;
  std::string longest_sentence;
  size_t longest_words = 0;
};

// A link as the site model keeps it: target and text interned in the Site's string pool.
struct LinkRef {
  uint32_t target = 0;    // Site::str id of the page key or absolute URL
  uint32_t text = 0;      // Site::str id of the visible text (or aria-label)
  uint32_t selector = 0;  // Site::str id
  Region region = Region::main;
  uint8_t flags = 0;
};
enum LinkFlag : uint8_t {
  k_link_hidden = 1 << 0,
  k_link_image = 1 << 1,
  k_link_frame = 1 << 2,     // <frame>/<iframe> src
  k_link_refresh = 1 << 3,   // meta refresh target
  k_link_in_form = 1 << 4,
  k_link_cookie = 1 << 5,    // inside a cookie banner
};

// What a link looked like before interning (produced per page, possibly on a worker thread).
struct RawLink {
  std::string target;  // page key or absolute URL
  std::string text;
  std::string selector;
  Region region = Region::main;
  uint8_t flags = 0;
};

// One signal of the shop's country seen on a page ("AR" from "+54 11 4932-5973").
struct CountryVote {
  std::string country;  // ISO 3166-1 alpha-2, upper case
  float weight = 0;
  std::string why;      // "phone +54", "addressCountry", "domain .es", "currency £"...
};

struct PageFacts {
  std::string title;
  SharedText site_name;       // og:site_name
  std::vector<std::string> h1;
  std::string meta_description;
  SharedText lang_tag;        // the declaration as written ("es-ES"): its region hints at the market
  SharedText lang_declared;   // from <html lang>, Content-Language or og:locale
  SharedText lang_detected;   // stop-word vote; "" when unsure
  SharedText lang;            // the one rules use
  bool lang_mismatch = false;
  size_t words = 0;           // visible words
  bool euro_prices = false;
  size_t large_images = 0;
  // Signs that the page sells goods: prices, add-to-cart controls, a cart link, Product data.
  bool prices = false;
  bool add_to_cart = false;
  bool cart_link = false;    // images of the main text at least 300 px wide or tall (or unsized)   // the text shows € amounts: a hint that the shop sells in the EU
  bool thin = false;          // the raw HTML holds little: likely built by JavaScript
  bool fragment = false;      // a partial (no <html>, <body> or <title>), not a page
  ScriptSignals script;
  uint16_t own_classes = 0;   // classes from the page's own URL, title and h1
  SharedText meta_refresh;

  std::vector<RawLink> links;  // moved into the Site as LinkRefs
  std::vector<EmailHit> emails;
  bool contact_form = false;
  Boxed<Evidence> contact_form_where;
  bool chat_widget = false;
  SharedText chat_vendor;
  Boxed<Evidence> email_image;   // an e-mail address shown only as a picture
  bool js_email = false;                 // a script assembles a mailto: link
  ReturnsText returns;
  // Structured data (JSON-LD, microdata): most pages have little or none, so it is boxed;
  // read it through sd().
  Boxed<StructuredFacts> structured;
  const StructuredFacts& sd() const;
  std::vector<PhoneHit> phones;
  bool callback = false;                 // "call me back" offered
  Boxed<Evidence> callback_where;
  bool whatsapp = false;
  std::vector<AddressHit> addresses;
  bool map = false;                      // a map embed or maps link
  Boxed<Evidence> trader_id;     // NIF/CIF/VAT/company number
  std::vector<HoursHit> hours;
  std::vector<PersonHit> people;
  // One-person shops: the person a heading is about ("Bruce's History", "About Megan"), and
  // contact text in the first person singular ("leave me a message and I will get back to you").
  // The site joins them (site_facts.cpp): the owner who speaks is the contact.
  std::vector<PersonHit> subjects;
  Boxed<Evidence> first_person_contact;
  std::vector<ResponsePromise> promises;
  FollowUpFacts follow_up;
  ContactAccess contact;
  PrivacyFacts privacy;
  SecurityFacts security;
  std::vector<ClutterHit> clutter;
  PurposeFacts purpose;
  SelfServiceFacts self_service;
  CopyFacts copy;
  ReadabilityFacts readability;
  std::vector<Message> notes;            // parse limits hit
  std::vector<CountryVote> country_votes;  // site/shop_profile.hpp
};

// The shop as a whole: where it sells from, so that phone numbers, laws and examples fit it.
struct ShopProfile {
  std::string country;       // ISO 3166-1 alpha-2 ("ES"), "" when unknown
  std::string jurisdiction;  // es | eu | uk-ie | us | latam | neutral
  std::vector<std::string> evidence;  // the strongest signals, in words
};

// ---- site-level facts, joined over pages -------------------------------------------------------

struct SiteEmail {
  std::string value;
  bool visible = false;  // shown as text on at least one page
  bool generic = false;  // a role mailbox: info@, ventas@
  bool placeholder = false;
  bool noreply = false;
  bool in_chrome = false;
  std::vector<std::string> sources;
  std::vector<size_t> pages;          // indexes into Site::pages, every sighting
  std::vector<size_t> visible_pages;  // where a visitor can read it
  Evidence first;                     // the first visible sighting, else the first one
};

// The return policy as the site states it (SPEC.md facts.return_policy).
struct ReturnPolicySummary {
  std::optional<size_t> page;  // index of the page that holds it
  bool dedicated_page = false; // a page of its own (not a section of T&C or FAQ)
  bool stated = false;         // terms are written out, not only named
  std::vector<TermHit> terms;  // on that page
  std::optional<int> window_days;
  std::string refund_method;
  std::string return_shipping_paid_by;
};

// A fact seen on one or more pages: the best sighting, with flags merged over all of them.
template <typename Hit>
struct Sighted {
  Hit hit;
  std::vector<size_t> pages;  // indexes into Site::pages
};

struct SiteFacts {
  std::vector<SiteEmail> emails;
  ReturnPolicySummary returns;
  std::vector<Sighted<PhoneHit>> phones;
  std::vector<Sighted<AddressHit>> addresses;
  std::vector<Sighted<HoursHit>> hours;
  std::vector<Sighted<PersonHit>> people;
  double visitor_terms = 0, company_terms = 0;  // pooled over the pages whose copy counts
  size_t copy_pages = 0;                         // how many pages that is
};

}  // namespace amable::model
