#include "fetch/address_class.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

namespace amable::fetch {
namespace {

AddressClass classify_v4(uint32_t a) {  // host byte order
  auto in = [a](uint32_t net, int bits) { return bits == 0 || (a >> (32 - bits)) == (net >> (32 - bits)); };
  // Cloud metadata services: 169.254.169.254 (AWS, GCP, Azure, OpenStack), 169.254.170.2 (AWS
  // ECS), 100.100.100.200 (Alibaba).
  if (a == 0xA9FEA9FE || a == 0xA9FEAA02 || a == 0x646464C8) return AddressClass::metadata;
  if (in(0x00000000, 8)) return AddressClass::unspecified;            // 0.0.0.0/8
  if (in(0x7F000000, 8)) return AddressClass::loopback;               // 127.0.0.0/8
  if (in(0x0A000000, 8) || in(0xAC100000, 12) || in(0xC0A80000, 16)) return AddressClass::private_;  // RFC 1918
  if (in(0x64400000, 10)) return AddressClass::private_;              // 100.64.0.0/10 carrier-grade NAT
  if (in(0xA9FE0000, 16)) return AddressClass::link_local;            // 169.254.0.0/16
  if (in(0xE0000000, 4)) return AddressClass::multicast;              // 224.0.0.0/4
  if (in(0xF0000000, 4) || in(0xC0000000, 24) || in(0xC0000200, 24) || in(0xC6336400, 24) || in(0xCB007100, 24) ||
      in(0xC6120000, 15))
    return AddressClass::reserved;  // 240/4, IETF, documentation and benchmarking ranges
  return AddressClass::public_;
}

AddressClass classify_v6(const std::array<uint8_t, 16>& b) {
  static const std::array<uint8_t, 16> zero{};
  std::array<uint8_t, 16> one{};
  one[15] = 1;
  if (b == zero) return AddressClass::unspecified;
  if (b == one) return AddressClass::loopback;
  // IPv4-mapped (::ffff:a.b.c.d): the IPv4 address decides.
  if (std::all_of(b.begin(), b.begin() + 10, [](uint8_t x) { return x == 0; }) && b[10] == 0xFF && b[11] == 0xFF)
    return classify_v4((uint32_t(b[12]) << 24) | (uint32_t(b[13]) << 16) | (uint32_t(b[14]) << 8) | b[15]);
  if (b[0] == 0xFD && b[1] == 0x00 && b[2] == 0x0E && b[3] == 0xC2 && std::all_of(b.begin() + 4, b.end() - 2, [](uint8_t x) { return x == 0; }) &&
      b[14] == 0x02 && b[15] == 0x54)
    return AddressClass::metadata;  // fd00:ec2::254 (AWS)
  if ((b[0] & 0xFE) == 0xFC) return AddressClass::private_;            // fc00::/7 unique local
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return AddressClass::link_local;  // fe80::/10
  if (b[0] == 0xFF) return AddressClass::multicast;
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return AddressClass::reserved;  // 2001:db8::/32
  return AddressClass::public_;
}

}  // namespace

std::string_view to_string(AddressClass c) {
  switch (c) {
    case AddressClass::public_: return "public";
    case AddressClass::loopback: return "loopback";
    case AddressClass::private_: return "private";
    case AddressClass::link_local: return "link-local";
    case AddressClass::metadata: return "metadata";
    case AddressClass::unspecified: return "unspecified";
    case AddressClass::multicast: return "multicast";
    case AddressClass::reserved: return "reserved";
  }
  return "reserved";
}

std::optional<AddressClass> classify_address(const sockaddr* sa) {
  if (!sa) return std::nullopt;
  if (sa->sa_family == AF_INET) return classify_v4(ntohl(reinterpret_cast<const sockaddr_in*>(sa)->sin_addr.s_addr));
  if (sa->sa_family == AF_INET6) {
    std::array<uint8_t, 16> b{};
    std::memcpy(b.data(), &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, 16);
    return classify_v6(b);
  }
  return std::nullopt;
}

std::optional<AddressClass> classify_address(std::string_view text) {
  std::string s(text);
  if (s.size() > 2 && s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);
  in_addr v4{};
  if (inet_pton(AF_INET, s.c_str(), &v4) == 1) return classify_v4(ntohl(v4.s_addr));
  in6_addr v6{};
  if (inet_pton(AF_INET6, s.c_str(), &v6) == 1) {
    std::array<uint8_t, 16> b{};
    std::memcpy(b.data(), &v6, 16);
    return classify_v6(b);
  }
  return std::nullopt;
}

bool address_allowed(AddressClass c, AddressClass start) {
  if (c == AddressClass::public_) return true;
  if (c == AddressClass::metadata || c == AddressClass::unspecified || c == AddressClass::multicast) return false;
  return c == start;
}

}  // namespace amable::fetch
