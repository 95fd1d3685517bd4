// A stand-in for Chromium that speaks the DevTools pipe protocol (fd 3 in, fd 4 out, messages
// ending in NUL) just far enough to misbehave on cue, so the renderer's failure handling is
// tested without a browser. The mode is the executable's name (tests link to it under it):
//   fake-ok            renders every page as a page with a footer e-mail
//   fake-exit          exits at once
//   fake-garbage-start answers the first command with text that is not JSON
//   fake-garbage       answers until a page loads, then sends garbage
//   fake-die           dies when a page loads (a crash mid-audit)
//   fake-hang          loads pages and never finishes them (an endless script)
//   fake-crash-tab     reports each page's tab as crashed (a memory bomb)
// Each start appends the mode to a file "starts" beside the link.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

using json = nlohmann::json;

namespace {

std::string mode;

void send(const json& j) {
  std::string s = j.dump();
  s.push_back('\0');
  size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = write(4, s.data() + done, s.size() - done);
    if (n <= 0) std::exit(0);
    done += static_cast<size_t>(n);
  }
}

void reply(const json& msg, json result) {
  json r = {{"id", msg["id"]}, {"result", std::move(result)}};
  if (msg.contains("sessionId")) r["sessionId"] = msg["sessionId"];
  send(r);
}

void handle(const json& msg) {
  static int targets = 0;
  const std::string method = msg.value("method", "");
  if (method == "Browser.getVersion") {
    if (mode == "fake-garbage-start") {
      const char junk[] = "HTTP/1.1 200 OK\r\n\r\nnot the protocol";
      [[maybe_unused]] auto n = write(4, junk, sizeof junk);  // sizeof: the NUL goes too
      return;
    }
    return reply(msg, {{"product", "FakeBrowser/1.0"}});
  }
  if (method == "Target.createTarget") return reply(msg, {{"targetId", "T" + std::to_string(++targets)}});
  if (method == "Target.attachToTarget")
    return reply(msg, {{"sessionId", "S" + msg["params"].value("targetId", "").substr(1)}});
  if (method == "Page.navigate") {
    if (mode == "fake-die") std::_Exit(9);
    if (mode == "fake-garbage") {
      const char junk[] = "{\"id\": \"not a number\"}";
      [[maybe_unused]] auto n = write(4, junk, sizeof junk);
      return;
    }
    reply(msg, {{"frameId", "F"}});
    if (mode == "fake-crash-tab") return send({{"method", "Inspector.targetCrashed"}, {"params", json::object()}, {"sessionId", msg["sessionId"]}});
    return;
  }
  if (method == "Emulation.setVirtualTimePolicy" && msg["params"].value("policy", "") != "pause") {
    reply(msg, json::object());
    if (mode == "fake-ok") send({{"method", "Emulation.virtualTimeBudgetExpired"}, {"params", json::object()}, {"sessionId", msg["sessionId"]}});
    return;  // fake-hang: the page never settles
  }
  if (method == "Runtime.evaluate")
    return reply(msg, {{"result", {{"type", "string"},
                                   {"value", "<html><head><title>Rendered</title></head><body><main><p>Wool blankets.</p></main>"
                                             "<footer><p>Write to shop@rendered.example</p></footer></body></html>"}}}});
  reply(msg, json::object());  // Fetch.enable, Page.enable, closeTarget...
}

}  // namespace

int main(int, char** argv) {
  mode = argv[0];
  std::string dir = ".";
  if (const auto slash = mode.rfind('/'); slash != std::string::npos) {
    dir = mode.substr(0, slash);
    mode = mode.substr(slash + 1);
  }
  // Each start leaves a line beside the link, so a test can tell whether a browser was started.
  if (FILE* f = std::fopen((dir + "/starts").c_str(), "a")) {
    std::fprintf(f, "%s\n", mode.c_str());
    std::fclose(f);
  }
  if (mode == "fake-exit") return 3;
  std::string buf;
  char chunk[65536];
  while (true) {
    const ssize_t n = read(3, chunk, sizeof chunk);
    if (n <= 0) return 0;
    buf.append(chunk, static_cast<size_t>(n));
    size_t start = 0;
    for (size_t nul; (nul = buf.find('\0', start)) != std::string::npos; start = nul + 1) {
      const auto msg = json::parse(buf.substr(start, nul - start), nullptr, false);
      if (msg.is_object()) handle(msg);
    }
    buf.erase(0, start);
  }
}
