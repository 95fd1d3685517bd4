#!/usr/bin/env python3
"""Checks README.md, CHANGELOG.md and docs/*.md: every relative link (and image) resolves to a
file of the repository, and every option on an `amable COMMAND ...` line of a code block, or
in a table row of options, is one that command's --help lists. Exit 1 with each problem."""
import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ["audit", "batch", "merge", "summarize", "rules", "explain", "render", "diff", "help"]


def help_options(amable, cmd):
    out = subprocess.run([amable, cmd, "--help"], capture_output=True, text=True).stdout
    opts = set(re.findall(r"^\s+(?:-[A-Za-z],)?(--[a-z][a-z-]*)", out, re.M))
    opts |= set(re.findall(r"^\s+(-[A-Za-z]),", out, re.M))
    return opts | {"--help", "-h"}


def check_workflows():
    """The action and CI examples parse as YAML and have the shape GitHub and GitLab need (a
    structural check; actionlint is not packaged for Debian 12)."""
    try:
        import yaml
    except ImportError:
        print("PyYAML is missing: the action and CI files were not checked", file=sys.stderr)
        return []
    out = []
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    for key in ("name", "description", "inputs", "runs"):
        if key not in action:
            out.append(f"action.yml: no {key}")
    runs = action.get("runs", {})
    if runs.get("using") != "composite":
        out.append("action.yml: runs.using is not composite")
    for i, step in enumerate(runs.get("steps", [])):
        if "run" in step and "shell" not in step:
            out.append(f"action.yml: step {i} runs a command without a shell (composite steps need one)")
        if "run" not in step and "uses" not in step:
            out.append(f"action.yml: step {i} neither runs nor uses")
        for ref in re.findall(r"inputs\.([a-z-]+)", yaml.safe_dump(step)):
            if ref not in action.get("inputs", {}):
                out.append(f"action.yml: step {i} uses an input {ref} that is not declared")
    wf = yaml.safe_load((ROOT / "examples/ci/github-actions.yml").read_text())
    if True not in wf and "on" not in wf:  # YAML 1.1 reads the key on as true
        out.append("examples/ci/github-actions.yml: no on")
    for name, job in wf.get("jobs", {}).items():
        if "runs-on" not in job or not job.get("steps"):
            out.append(f"examples/ci/github-actions.yml: job {name} needs runs-on and steps")
    gl = yaml.safe_load((ROOT / "examples/ci/gitlab-ci.yml").read_text())
    for name, job in gl.items():
        if isinstance(job, dict) and "script" not in job:
            out.append(f"examples/ci/gitlab-ci.yml: job {name} has no script")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--amable", default=str(ROOT / "build" / "amable"))
    args = ap.parse_args()
    known = {c: help_options(args.amable, c) for c in COMMANDS}
    problems = []
    files = [ROOT / "README.md", ROOT / "CHANGELOG.md"] + sorted((ROOT / "docs").glob("*.md"))
    for f in files:
        text = f.read_text()
        rel = f.relative_to(ROOT)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            path = (f.parent / target.split("#")[0]).resolve()
            if not path.exists():
                problems.append(f"{rel}: link to {target}: no such file")
        in_code = False
        for n, line in enumerate(text.split("\n"), 1):
            if line.startswith("```"):
                in_code = not in_code
                continue
            m = re.search(r"\bamable (audit|batch|merge|summarize|rules|explain|render|diff)\b(.*)", line)
            if in_code and m:
                cmd, rest = m.group(1), m.group(2).split("#")[0]
                for opt in re.findall(r"(?<![\w/-])(--?[a-zA-Z][a-z-]*)", rest):
                    if opt not in known[cmd]:
                        problems.append(f"{rel}:{n}: amable {cmd} has no option {opt}")
            if f.name == "crawling.md" and line.startswith("| `-"):
                for opt in re.findall(r"`(--?[a-zA-Z][a-z-]*)", line.split("|")[1]):
                    if opt not in known["audit"]:
                        problems.append(f"{rel}:{n}: the options table lists {opt}, which amable audit --help does not know")
    problems += check_workflows()
    for p in problems:
        print(p)
    print(f"{len(files)} files checked: {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
