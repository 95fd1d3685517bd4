#pragma once
// What kind of address a host resolved to, so that a page in the browser cannot make amable
// reach an intranet, the machine itself or a cloud metadata service (SSRF): only public
// addresses are fetched, unless the audited host is itself private (a staging server) and the
// address is of the same kind.
#include <sys/socket.h>

#include <optional>
#include <string_view>

namespace amable::fetch {

enum class AddressClass { public_, loopback, private_, link_local, metadata, unspecified, multicast, reserved };

std::string_view to_string(AddressClass c);

// IPv4 and IPv6 (IPv4-mapped IPv6 read as IPv4); nothing for another family.
std::optional<AddressClass> classify_address(const sockaddr* sa);
// The same for an address written as text ("10.0.0.1", "fe80::1"); nothing when it is not one.
std::optional<AddressClass> classify_address(std::string_view text);

// May a resource be fetched from an address of class `c` when the audited start host has class
// `start`? Public: yes; metadata: never; loopback, private and link-local only when the start
// host is of that same class.
bool address_allowed(AddressClass c, AddressClass start);

}  // namespace amable::fetch
