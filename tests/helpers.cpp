#include "helpers.hpp"

#include "parse/html_parser.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <thread>

namespace amable::test {
namespace {

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

}  // namespace

RunResult run_amable(const std::vector<std::string>& args, const std::string& env) {
  return run_program(amable_binary().string(), args, env);
}

RunResult run_program(const std::string& program, const std::vector<std::string>& args, const std::string& env,
                      const Interrupt& interrupt) {
  TempDir tmp;
  const fs::path out = tmp / "out", err = tmp / "err";
  // exec: the shell becomes the program, so the child's rusage is its own.
  std::string cmd = "exec " + (env.empty() ? std::string() : "env " + env + " ") + quote(program);
  for (const auto& a : args) cmd += " " + quote(a);
  cmd += " >" + quote(out.string()) + " 2>" + quote(err.string());
  RunResult r;
  const pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  if (pid > 0 && interrupt.signal != 0) {
    std::this_thread::sleep_for(interrupt.after);
    kill(pid, interrupt.signal);
  }
  int status = 0;
  struct rusage usage {};
  if (pid > 0 && wait4(pid, &status, 0, &usage) == pid) {
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.killed_by = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    r.max_rss_kb = usage.ru_maxrss;
  }
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

RunResult run_amable_interrupted(const std::vector<std::string>& args, const Interrupt& interrupt) {
  return run_program(amable_binary().string(), args, {}, interrupt);
}

std::vector<std::string> corpus_block_texts() {
  std::vector<std::string> out;
  for (const auto& path : corpus_html_pages())
    for (auto& b : parse::parse_page(read_file(path), parse::ParseInput{"p.html", "https://shop.example/p.html", ""}).blocks)
      out.push_back(std::move(b.text));
  return out;
}

std::string html_page(const std::string& lang, const std::string& title, const std::string& body) {
  return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body>" + body + "</body></html>";
}

std::string unexplained_scores(const model::Report& r) {
  std::string out;
  for (const auto& rule : r.rules) {
    if (!rule.score) continue;
    int points = 0, problems = 0;
    for (const auto& f : rule.findings)
      if (f.kind == "problem" && f.points > 0) {
        points += f.points;
        ++problems;
      }
    const int gap = 100 - *rule.score - points;
    if (std::abs(gap) > std::max(1, problems))
      out += rule.id + " " + std::to_string(*rule.score) + ", problems " + std::to_string(points) + "; ";
  }
  return out;
}

}  // namespace amable::test
