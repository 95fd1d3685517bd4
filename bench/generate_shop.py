#!/usr/bin/env python3
"""Generates a realistic N-page shop for benchmarks: header, nav and footer on every page,
category grids, product pages, inline scripts and styles (40-80 KB pages), contact, returns,
about, shipping, privacy and FAQ pages, sitemap.xml and robots.txt.

Usage: bench/generate_shop.py N OUT_DIR [--seed S]
"""
import argparse
import json
import os
import random

WORDS = ("wool merino blanket cushion linen cotton throw soft warm handmade natural organic grey blue "
         "green oat sand charcoal knit woven chunky light heavy large small double single cosy").split()
LOREM = ("Our blankets are woven from natural fibres and finished by hand, so every piece is a little "
         "different. Wash it cold on a wool cycle and dry it flat; it keeps its shape for years. "
         "You can return it within 30 days if it is not right for you.").split()


def sentence(rng, n):
    return " ".join(rng.choice(LOREM) for _ in range(n)).capitalize() + "."


def style_block(rng):
    rules = []
    for i in range(rng.randint(250, 550)):
        rules.append(f".c{i}-{rng.randint(0, 999)}{{margin:{rng.randint(0, 40)}px;padding:{rng.randint(0, 30)}px;"
                     f"color:#{rng.randint(0, 0xFFFFFF):06x};font-size:{rng.randint(10, 30)}px}}")
    return "<style>" + "\n".join(rules) + "</style>"


def script_block(rng):
    data = {"products": [{"id": rng.randint(1, 10**6), "name": " ".join(rng.choice(WORDS) for _ in range(3)),
                          "price": round(rng.uniform(10, 300), 2), "tags": [rng.choice(WORDS) for _ in range(4)]}
                         for _ in range(rng.randint(100, 260))]}
    return ("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
            "gtag('js',new Date());var CATALOG=" + json.dumps(data) + ";</script>")


HEAVY = False  # --profile heavy: pages like today's storefronts (issue 19)

ICON_SVG = ('<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">'
            '<path d="M7 18c-1.1 0-1.99.9-1.99 2S5.9 22 7 22s2-.9 2-2-.9-2-2-2zM1 2v2h2l3.6 7.59-1.35 2.45c-.16.28-.25.61-.25.96 '
            '0 1.1.9 2 2 2h12v-2H7.42c-.14 0-.25-.11-.25-.25l.03-.12.9-1.63h7.45c.75 0 1.41-.41 1.75-1.03l3.58-6.49A1.003 1.003 '
            '0 0 0 20 4H5.21l-.94-2H1zm16 16c-1.1 0-1.99.9-1.99 2s.89 2 1.99 2 2-.9 2-2-.9-2-2-2z"/></svg>'
            '<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M12 21.35l-1.45-1.32C5.4 15.36 2 '
            '12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09C13.09 3.81 14.76 3 16.5 3 19.58 3 22 5.42 22 8.5c0 3.78-3.4 '
            '6.86-8.55 11.54L12 21.35z"/></svg>')


def critical_css(rng):
    # ~14 KB of inline "critical" CSS with custom properties and media queries.
    rules = [":root{--brand:#3a5a40;--accent:#a3b18a;--radius:6px}"]
    while sum(len(r) for r in rules) < 14000:
        sel = f".{rng.choice(WORDS)}-{rng.randint(0, 999)} > .{rng.choice(WORDS)}"
        rules.append(f"{sel}{{display:flex;gap:{rng.randint(2, 24)}px;color:var(--brand);border-radius:var(--radius)}}"
                     f"@media (min-width:{rng.choice([480, 768, 1024])}px){{{sel}{{padding:{rng.randint(4, 40)}px}}}}")
    return "<style>" + "".join(rules) + "</style>"


def initial_state(rng):
    # A framework's serialised store, as Next/Nuxt/Shopify themes inline it (~20 KB).
    state = {"cart": {"items": [], "currency": "GBP"}, "user": None,
             "catalog": [{"id": rng.randint(1, 10**7), "handle": "-".join(rng.choice(WORDS) for _ in range(3)),
                          "title": " ".join(rng.choice(WORDS) for _ in range(4)), "price": round(rng.uniform(10, 300), 2),
                          "variants": [{"sku": f"SKU-{rng.randint(1000, 99999)}", "available": rng.random() > 0.2} for _ in range(3)]}
                         for _ in range(rng.randint(60, 90))]}
    return "<script>window.__INITIAL_STATE__=" + json.dumps(state) + ";</script>"


SCRIPT_CHROME = False  # --script-chrome: header, menu and footer fetched by a script, as many shops do


def header_html(nav):
    return f"""<header class="site-header">
  <a class="logo" href="/">Cosy Wool Shop</a>
  <form role="search" action="/search" method="get"><input type="search" name="q" placeholder="Search products"><button>Search</button></form>
  <a href="/cart.html">Cart</a>
  <p>Call us on <a href="tel:+442071234567">020 7123 4567</a>, Mon-Fri 9am-5pm</p>
</header>
<nav class="main-nav"><ul>{nav}</ul></nav>"""


FOOTER = """<footer>
  <p>Questions? Email <a href="mailto:help@cosywool.co.uk">help@cosywool.co.uk</a> or call 020 7123 4567.</p>
  <address>Cosy Wool Ltd, 12 High Street, London SW1A 1AA</address>
  <ul>
    <li><a href="/contact.html">Contact us</a></li>
    <li><a href="/returns.html">Returns &amp; refunds</a></li>
    <li><a href="/shipping.html">Delivery information</a></li>
    <li><a href="/faq.html">FAQ</a></li>
    <li><a href="/about.html">About us</a></li>
    <li><a href="/privacy.html">Privacy policy</a></li>
  </ul>
</footer>"""

CHROME_JS = """// Fills the page's header and footer from partials, after the page has loaded.
async function fill(id, url) {
  const el = document.getElementById(id);
  if (el) el.outerHTML = await (await fetch(url)).text();
}
window.addEventListener('DOMContentLoaded', () => {
  fill('site-header', '/partials/header.html');
  setTimeout(() => fill('site-footer', '/partials/footer.html'), 500);
});
"""


def layout(title, body, nav, rng, extra_head=""):
    if HEAVY:
        extra_head += critical_css(rng) + f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@type": "Organization", "name": "Cosy Wool Shop", "url": "https://cosywool.example/", "logo": "https://cosywool.example/logo.png", "sameAs": ["https://instagram.example/cosywool"]})}</script>'
        body += initial_state(rng)
    if SCRIPT_CHROME:
        top, bottom = '<div id="site-header"></div>', '<div id="site-footer"></div>'
        extra_head += '\n<script src="/static/chrome.js" defer></script>'
    else:
        top, bottom = header_html(nav), FOOTER
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | Cosy Wool Shop</title>
<meta name="description" content="{title}: handmade wool blankets and cushions, free delivery over 50 pounds.">
<meta property="og:site_name" content="Cosy Wool Shop">
{"" if HEAVY else style_block(rng)}
{extra_head}
</head>
<body>
{top}
<main>
{body}
</main>
{bottom}
{"" if HEAVY else script_block(rng)}
<script src="/static/app.js" defer></script>
</body>
</html>
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--profile", choices=["light", "heavy"], default="light",
                    help="heavy: ~60 KB storefront pages (critical CSS, JSON-LD, an __INITIAL_STATE__ blob, SVG icons in every card, "
                         "20-product grids)")
    ap.add_argument("--script-chrome", action="store_true",
                    help="header, menu and footer come from partials a script fetches (a shop only a browser shows whole)")
    args = ap.parse_args()
    global SCRIPT_CHROME, HEAVY
    SCRIPT_CHROME = args.script_chrome
    HEAVY = args.profile == "heavy"
    rng = random.Random(args.seed)
    out = args.out
    os.makedirs(os.path.join(out, "p"), exist_ok=True)
    os.makedirs(os.path.join(out, "c"), exist_ok=True)

    static = ["index.html", "contact.html", "returns.html", "shipping.html", "faq.html", "about.html",
              "privacy.html", "cart.html"]
    n_categories = max(4, args.pages // 100)
    n_products = max(1, args.pages - len(static) - n_categories)
    categories = [f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {i}" for i in range(n_categories)]
    products = [(i, " ".join(rng.choice(WORDS) for _ in range(3)).capitalize(), round(rng.uniform(12, 280), 2),
                 i % n_categories) for i in range(n_products)]
    by_cat = {c: [p for p in products if p[3] == c] for c in range(n_categories)}
    nav = "".join(f'<li><a href="/c/{c}.html">{categories[c]}</a></li>' for c in range(n_categories))
    if SCRIPT_CHROME:
        for d in ("partials", "static"):
            os.makedirs(os.path.join(out, d), exist_ok=True)
        for path, text in (("partials/header.html", header_html(nav)), ("partials/footer.html", FOOTER), ("static/chrome.js", CHROME_JS)):
            with open(os.path.join(out, path), "w") as f:
                f.write(text)

    def card(p):
        pid, name, price, _ = p
        return (f'<li class="product"><a href="/p/{pid}.html"><img src="/img/{pid}.jpg" alt="{name}" width="300" height="300">'
                f'<span>{name}</span></a>{ICON_SVG if HEAVY else ""}<span class="price">&pound;{price}</span>'
                f'<form action="/cart/add" method="post"><input type="hidden" name="id" value="{pid}">'
                f'<button type="submit">Add to cart</button></form></li>')

    urls = []

    def write(path, html):
        with open(os.path.join(out, path), "w") as f:
            f.write(html)
        urls.append("/" + path if path != "index.html" else "/")

    featured = "".join(card(p) for p in products[:20 if HEAVY else 24])
    write("index.html", layout("Handmade wool blankets and cushions",
                               f"<h1>Handmade wool blankets, delivered free over &pound;50</h1><p>{sentence(rng, 30)}</p>"
                               f"<ul class='grid'>{featured}</ul>", nav, rng))
    for c in range(n_categories):
        items = by_cat[c][:20] if HEAVY else by_cat[c]  # heavy: a 20-product page of the listing
        grid = "".join(card(p) for p in items)
        write(f"c/{c}.html", layout(categories[c], f"<h1>{categories[c]}</h1><p>{sentence(rng, 20)}</p>"
                                    f"<select name='sort'><option>Price</option><option>Newest</option></select>"
                                    f"<ul class='grid'>{grid}</ul>", nav, rng))
    for p in products:
        pid, name, price, cat = p
        related = "".join(card(rng.choice(products)) for _ in range(20 if HEAVY else 8))
        ld = json.dumps({"@context": "https://schema.org", "@type": "Product", "name": name,
                         "offers": {"@type": "Offer", "price": price, "priceCurrency": "GBP"}})
        body = (f"<h1>{name}</h1><p class='price'>&pound;{price}</p><p>{sentence(rng, 60)}</p><p>{sentence(rng, 40)}</p>"
                f"<form action='/cart/add' method='post'><button>Add to cart</button></form>"
                f"<h2>You may also like</h2><ul class='grid'>{related}</ul>")
        write(f"p/{pid}.html", layout(name, body, nav, rng, f'<script type="application/ld+json">{ld}</script>'))
    policy = {
        "contact.html": ("Contact us", "<p>Ask for Sarah, our customer care lead: sarah@cosywool.co.uk, 020 7123 4567. "
                         "We answer every email the same working day.</p><form action='/send'><input type='email' name='email'>"
                         "<textarea name='msg'></textarea><button>Send</button></form>"),
        "returns.html": ("Returns and refunds", "<p>You can return any item within 30 days if it is unused and in its original "
                         "packaging. Returns are free: use the prepaid label. We refund to your original payment method "
                         "within 5 days. Personalised items cannot be returned.</p>"),
        "shipping.html": ("Delivery information", "<p>We dispatch within 24 hours; delivery takes 2-4 working days. You will "
                          "get a confirmation email and a tracking number.</p>"),
        "faq.html": ("Frequently asked questions", "<details><summary>How do I wash wool?</summary><p>Cold, by hand.</p></details>"),
        "about.html": ("About us", f"<p>{sentence(rng, 50)}</p>"),
        "privacy.html": ("Privacy policy", f"<p>{sentence(rng, 80)}</p>"),
        "cart.html": ("Your cart", "<p>Your cart is empty.</p>"),
    }
    for path, (title, body) in policy.items():
        write(path, layout(title, f"<h1>{title}</h1>{body}", nav, rng))

    with open(os.path.join(out, "robots.txt"), "w") as f:
        f.write("User-agent: *\nDisallow: /cart/\nSitemap: /sitemap.xml\n")
    with open(os.path.join(out, "sitemap.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')
        for u in urls:
            f.write(f"<url><loc>http://127.0.0.1:PORT{u}</loc></url>\n")
        f.write("</urlset>\n")
    sizes = [os.path.getsize(os.path.join(out, u.lstrip("/") or "index.html")) for u in urls]
    print(f"{len(urls)} pages, {sum(sizes) / len(sizes) / 1024:.0f} KB average, "
          f"{min(sizes) / 1024:.0f}-{max(sizes) / 1024:.0f} KB")


if __name__ == "__main__":
    main()
