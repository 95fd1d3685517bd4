#!/usr/bin/env python3
"""Compares amable's facts with the hand labels of shared/corpus/labels-dev.json.

Usage: scripts/corpus_table.py [--amable build/amable] [--corpus ../shared/corpus] [--details] [--check]

For each labelled fact it prints agreement, precision and recall of the matching `facts` field,
then the median audit time per item. It runs `amable audit ITEM -f json` once per item.
--details lists every miss with the label's evidence and what amable saw (value, page, region).
--check exits 1 when an item cannot be audited, a fact's precision is under 0.95 or its recall
under 0.90, or copy perspective agrees on under 85 % of items; the test suite runs it.
"""
import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def predicted(report, item_kind):
    """Each label's prediction from one JSON report."""
    facts = report["facts"]
    rules = {r["id"]: r for r in report["rules"]}
    out = {}
    out["has_email"] = len(facts["emails"]) > 0 and any(not e["placeholder"] for e in facts["emails"])
    out["has_phone"] = any(p["kind"] in ("phone", "fax") and not p["placeholder"] for p in facts.get("phones", []))
    out["has_postal_address"] = len(facts.get("addresses", [])) > 0
    out["has_office_hours"] = len(facts.get("office_hours", [])) > 0
    out["has_named_person_contact"] = len(facts.get("named_contacts", [])) > 0
    if item_kind == "site":
        out["has_return_policy"] = facts["key_pages"].get("returns") is not None and (
            facts["return_policy"]["stated"] or facts["return_policy"]["url"] is not None)
    else:
        out["has_return_policy"] = facts["return_policy"]["stated"]
    # An intro is what stands between the visitor and the start page (facts.intro).
    out["has_intro_animation_or_splash"] = bool(facts.get("intro", {}).get("present"))
    ratio = facts.get("copy", {}).get("visitor_ratio")
    if ratio is None:
        out["copy_perspective"] = None
    elif ratio >= 0.6:
        out["copy_perspective"] = "visitor"
    elif ratio <= 0.4:
        out["copy_perspective"] = "company"
    else:
        out["copy_perspective"] = "mixed"
    return out


# The facts field each label is compared with, to show what amable saw on a miss.
EVIDENCE = {"has_email": "emails", "has_phone": "phones", "has_postal_address": "addresses",
            "has_office_hours": "office_hours", "has_named_person_contact": "named_contacts"}


def seen(report, fact):
    """What amable saw for a fact, in a line: values with their page and region."""
    facts = report["facts"]
    if fact in EVIDENCE:
        items = facts.get(EVIDENCE[fact], [])
        if fact == "has_phone":
            items = [p for p in items if p["kind"] in ("phone", "fax") and not p["placeholder"]]
        if fact == "has_email":
            items = [e for e in items if not e["placeholder"]]
        return "; ".join(f'{i.get("value", i.get("name", ""))} ({i.get("page", "?")}, {i.get("region", "?")})'
                         for i in items[:3]) or "nothing"
    if fact == "has_return_policy":
        r = facts["return_policy"]
        return f'returns page {r.get("url")}, stated {r["stated"]}, region {r.get("region", "?")}'
    if fact == "has_intro_animation_or_splash":
        i = facts.get("intro", {})
        return f'{i.get("kind")} on {i.get("url")}: {i.get("evidence", "")[:100]}' if i.get("present") else "no intro"
    c = facts.get("copy", {})
    return f'you {c.get("visitor_terms")} / we {c.get("company_terms")} over {c.get("pages", "?")} page(s)'


FACTS = ["has_email", "has_phone", "has_postal_address", "has_office_hours", "has_named_person_contact",
         "has_return_policy", "has_intro_animation_or_splash"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--amable", default=str(ROOT / "build" / "amable"))
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--facts", default=",".join(FACTS + ["copy_perspective"]),
                    help="comma-separated labels to report")
    ap.add_argument("--render", choices=["auto", "never", "always"], default="auto",
                    help="amable's --render (auto: pages that scripts assemble go through Chromium when one is installed)")
    ap.add_argument("--details", action="store_true", help="list every disagreement")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when an item cannot be audited, a fact's precision is under 0.95 or its "
                         "recall under 0.90, or copy perspective agrees on under 85 %% of items; the test "
                         "suite runs this")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    labels_path = corpus / "labels-dev.json"
    if not labels_path.exists():
        print(f"skipped: {labels_path} not found", file=sys.stderr)
        return 0
    labels = json.loads(labels_path.read_text())
    wanted = args.facts.split(",")
    rows = {f: {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "misses": []} for f in wanted}
    times = []
    failed_items = []
    for group, kind in (("sites", "site"), ("pages", "page")):
        for name, lab in sorted(labels[group].items()):
            target = corpus / name
            t0 = time.monotonic()
            proc = subprocess.run([args.amable, "audit", str(target), "-f", "json", "-q", "--render", args.render],
                                  capture_output=True, text=True)
            times.append((time.monotonic() - t0) * 1000)
            if proc.returncode not in (0, 1):
                print(f"{name}: exit {proc.returncode}: {proc.stderr.strip()}", file=sys.stderr)
                failed_items.append(name)
                continue
            report = json.loads(proc.stdout)
            pred = predicted(report, kind)
            label_evidence = lab.get("evidence", {})
            for f in wanted:
                truth = lab.get(f)
                if f == "copy_perspective":
                    if truth is None:
                        continue
                    ok = pred[f] == truth
                    rows[f]["tp" if ok else "fn"] += 1
                    if not ok:
                        rows[f]["misses"].append(f"{name}: label {truth}, amable {pred[f]} [{seen(report, f)}]")
                    continue
                if truth is None:
                    continue
                p = bool(pred[f])
                key = ("tp" if truth else "fp") if p else ("fn" if truth else "tn")
                rows[f][key] += 1
                if key in ("fp", "fn"):
                    why = label_evidence.get(f, "")
                    rows[f]["misses"].append(f"{name}: label {truth}, amable {p}"
                                             + (f"\n        label: {why[:160]}" if why else "")
                                             + f"\n        amable: {seen(report, f)[:200]}")

    failed = []
    print(f"{'fact':<32} {'n':>3} {'agree':>7} {'precision':>9} {'recall':>7}   tp fp fn tn")
    for f in wanted:
        r = rows[f]
        n = r["tp"] + r["fp"] + r["fn"] + r["tn"]
        if n == 0:
            continue
        agree = (r["tp"] + r["tn"]) / n
        if f == "copy_perspective":
            if agree < 0.85:
                failed.append(f"{f} (agreement {agree:.2f} < 0.85)")
            print(f"{f:<32} {n:>3} {agree:>7.2f} {'':>9} {'':>7}")
        else:
            prec = r["tp"] / (r["tp"] + r["fp"]) if r["tp"] + r["fp"] else 1.0
            rec = r["tp"] / (r["tp"] + r["fn"]) if r["tp"] + r["fn"] else 1.0
            if prec < 0.95:
                failed.append(f"{f} (precision {prec:.2f} < 0.95)")
            if rec < 0.90:
                failed.append(f"{f} (recall {rec:.2f} < 0.90)")
            print(f"{f:<32} {n:>3} {agree:>7.2f} {prec:>9.2f} {rec:>7.2f}   {r['tp']:>2} {r['fp']:>2} {r['fn']:>2} {r['tn']:>2}")
        if args.details:
            for m in r["misses"]:
                print(f"    {m}")
    if times:
        print(f"\nmedian audit time per item: {statistics.median(times):.0f} ms over {len(times)} items "
              f"(whole process, incl. start-up)")
    if failed_items:
        failed.append(f"{len(failed_items)} item(s) could not be audited: {', '.join(failed_items)}")
    if args.check and failed:
        print(f"below the floor: {'; '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
