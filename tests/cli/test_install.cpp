// Installing amable: the man page and the shell completions agree with every command's --help,
// `cmake --install` puts each file where it belongs, and the Debian package works unpacked.
#include <doctest/doctest.h>
#include <unistd.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "helpers.hpp"

using namespace amable;

namespace {

const std::vector<std::string> k_commands = {"audit", "batch", "merge", "summarize", "rules", "explain", "render", "diff"};

// The long options of a command, as its --help lists them.
std::set<std::string> help_options(const std::string& cmd) {
  std::set<std::string> out;
  std::istringstream in(test::run_amable({cmd, "--help"}).out);
  std::string line;
  const std::regex opt(R"(^\s+(?:-[A-Za-z],)?(--[a-z][a-z-]*))");
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, opt) && m[1] != "--help") out.insert(m[1]);
  }
  return out;
}

// The long options the man page documents for a command (its ".SS" section).
std::set<std::string> man_options(const std::string& cmd) {
  const std::string man = test::read_file(test::source_dir() / "man/amable.1");
  const size_t at = man.find(".SS \"amable " + cmd + " ");
  const size_t at2 = at == std::string::npos ? man.find(".SS \"amable " + cmd + "\"") : at;
  std::set<std::string> out;
  if (at2 == std::string::npos) return out;
  const size_t end = std::min(man.find("\n.SS ", at2 + 1), man.find("\n.SH ", at2 + 1));
  const std::string section = man.substr(at2, end - at2);
  const std::regex opt(R"(\\fB\\-\\-([a-z][a-z\\-]*)\\fR)");
  for (std::sregex_iterator it(section.begin(), section.end(), opt), e; it != e; ++it) {
    std::string name = (*it)[1];
    for (size_t p; (p = name.find("\\-")) != std::string::npos;) name.replace(p, 2, "-");
    out.insert("--" + name);
  }
  return out;
}

// What bash completion offers for a command line ending in `cur`.
std::vector<std::string> complete(const std::vector<std::string>& words) {
  std::string array;
  for (const auto& w : words) array += " '" + w + "'";
  const std::string script = "source '" + (test::source_dir() / "completions/amable.bash").string() + "'; COMP_WORDS=(" + array +
                             "); COMP_CWORD=" + std::to_string(words.size() - 1) + "; _amable; printf '%s\\n' \"${COMPREPLY[@]}\"";
  const auto r = test::run_program("/bin/bash", {"-c", script}, "PATH=" + test::amable_binary().parent_path().string() + ":/usr/bin:/bin");
  std::vector<std::string> out;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(line);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

TEST_CASE("install: the man page documents exactly the options each command's --help lists") {
  for (const auto& cmd : k_commands) {
    CAPTURE(cmd);
    const auto help = help_options(cmd), man = man_options(cmd);
    REQUIRE_FALSE(help.empty());
    for (const auto& o : help) CHECK_MESSAGE(man.contains(o), o << " is in --help but not in man/amable.1");
    for (const auto& o : man) CHECK_MESSAGE(help.contains(o), o << " is in man/amable.1 but not in --help");
  }
  if (access("/usr/bin/man", X_OK) == 0) {
    const auto r = test::run_program("/usr/bin/man", {"--warnings", "-l", (test::source_dir() / "man/amable.1").string()}, "MANWIDTH=80 MANPAGER=cat PAGER=cat");
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out.find("amable audit TARGET") != std::string::npos);
  } else {
    MESSAGE("man is not installed: the page was not rendered");
  }
}

TEST_CASE("install: bash completion offers commands, each command's options, formats, rule ids and files") {
  CHECK(complete({"amable", "au"}) == std::vector<std::string>{"audit"});
  CHECK(has(complete({"amable", "s"}), "summarize"));
  const auto render = complete({"amable", "audit", "--render"});
  CHECK(has(render, "--render"));
  CHECK(has(render, "--render-timeout"));
  CHECK(complete({"amable", "audit", "--render", "a"}) == std::vector<std::string>{"auto", "always"});
  CHECK(has(complete({"amable", "audit", "-f", ""}), "sarif"));
  CHECK(has(complete({"amable", "summarize", "-f", ""}), "csv"));
  CHECK(complete({"amable", "explain", "return"}) == std::vector<std::string>{"return-policy"});
  CHECK(has(complete({"amable", "audit", "-o", "CMakeLis"}), "CMakeLists.txt"));
  // Every option of every command is offered after "--".
  for (const auto& cmd : k_commands) {
    CAPTURE(cmd);
    const auto offered = complete({"amable", cmd, "--"});
    for (const auto& o : help_options(cmd)) CHECK_MESSAGE(has(offered, o), o << " is not completed");
  }
}

TEST_CASE("install: cmake --install puts the binary, man page, completions, schemas and docs in place") {
  test::TempDir prefix;
  const auto r = test::run_program("cmake", {"--install", AMABLE_BUILD_DIR, "--prefix", prefix.path().string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* f : {"bin/amable", "share/man/man1/amable.1.gz", "share/bash-completion/completions/amable", "share/zsh/vendor-completions/_amable",
                        "share/fish/vendor_completions.d/amable.fish", "share/amable/schema/report.schema.json",
                        "share/amable/schema/batch-row.schema.json", "share/doc/amable/README.md", "share/doc/amable/copyright",
                        "share/doc/amable/amable.json", "share/doc/amable/docs/rendering.md"}) {
    CAPTURE(f);
    CHECK(test::fs::exists(prefix / f));
  }
  CHECK(test::run_program((prefix / "bin/amable").string(), {"--version"}).out.starts_with("amable "));
}

TEST_CASE("install: the Debian package unpacks to a working amable and names its dependencies") {
  if (access("/usr/bin/dpkg-deb", X_OK) != 0 || access("/usr/bin/dpkg-shlibdeps", X_OK) != 0) {
    MESSAGE("skipped: dpkg-deb or dpkg-shlibdeps (dpkg-dev) is not installed");
    return;
  }
  test::TempDir out, root;
  const auto built = test::run_program("cpack", {"-G", "DEB", "--config", std::string(AMABLE_BUILD_DIR) + "/CPackConfig.cmake", "-B", out.path().string()});
  INFO(built.out << built.err);
  REQUIRE(built.exit_code == 0);
  std::string deb;
  for (const auto& e : test::fs::directory_iterator(out.path()))
    if (e.path().extension() == ".deb") deb = e.path().string();
  REQUIRE_FALSE(deb.empty());
  const auto info = test::run_program("dpkg-deb", {"-I", deb});
  CHECK(info.out.find("Package: amable") != std::string::npos);
  CHECK(info.out.find("Depends:") != std::string::npos);
  CHECK(info.out.find("libcurl") != std::string::npos);
  CHECK(info.out.find("libgumbo") != std::string::npos);
  CHECK(info.out.find("Recommends: chromium-headless-shell") != std::string::npos);
  REQUIRE(test::run_program("dpkg-deb", {"-x", deb, root.path().string()}).exit_code == 0);
  const std::string bin = (root / "usr/bin/amable").string();
  CHECK(test::run_program(bin, {"--version"}).out.starts_with("amable "));
  CHECK(test::run_program(bin, {"rules", "--ids"}).out.find("return-policy") != std::string::npos);
  const auto audit = test::run_program(bin, {"audit", (test::source_dir() / "examples/tienda-amable").string(), "-f", "json", "-q"});
  CHECK(audit.exit_code == 0);
  CHECK(audit.out.find("\"schema_version\": 2") != std::string::npos);
  const bool man = test::fs::exists(root / "usr/share/man/man1/amable.1.gz") || test::fs::exists(root / "usr/share/man/man1/amable.1");
  CHECK(man);
  // The Debian changelog's top entry is this version.
  CHECK(test::read_file(test::source_dir() / "packaging/changelog").starts_with("amable (" + test::run_program(bin, {"--version"}).out.substr(7, 5) + ")"));
  if (access("/usr/bin/lintian", X_OK) == 0) {
    const auto l = test::run_program("lintian", {deb});
    CHECK_MESSAGE(l.out.find("E: ") == std::string::npos, l.out);
  }
}
