// The address classifier that keeps pages in the browser from reaching an intranet, the machine
// itself or a cloud metadata service (src/fetch/address_class.cpp). No traffic: addresses only.
#include <doctest/doctest.h>

#include "fetch/address_class.hpp"

using amable::fetch::AddressClass;
using amable::fetch::address_allowed;
using amable::fetch::classify_address;

TEST_CASE("address class: IPv4 loopback, private, link-local, metadata and public") {
  CHECK(classify_address("127.0.0.1") == AddressClass::loopback);
  CHECK(classify_address("127.0.0.2") == AddressClass::loopback);
  CHECK(classify_address("10.1.2.3") == AddressClass::private_);
  CHECK(classify_address("172.16.0.1") == AddressClass::private_);
  CHECK(classify_address("172.31.255.255") == AddressClass::private_);
  CHECK(classify_address("172.32.0.1") == AddressClass::public_);
  CHECK(classify_address("192.168.1.1") == AddressClass::private_);
  CHECK(classify_address("100.64.0.1") == AddressClass::private_);  // carrier-grade NAT
  CHECK(classify_address("169.254.10.10") == AddressClass::link_local);
  CHECK(classify_address("169.254.169.254") == AddressClass::metadata);  // AWS, GCP, Azure, OpenStack
  CHECK(classify_address("169.254.170.2") == AddressClass::metadata);    // ECS task metadata
  CHECK(classify_address("100.100.100.200") == AddressClass::metadata);  // Alibaba Cloud
  CHECK(classify_address("0.0.0.0") == AddressClass::unspecified);
  CHECK(classify_address("224.0.0.1") == AddressClass::multicast);
  CHECK(classify_address("240.0.0.1") == AddressClass::reserved);
  CHECK(classify_address("8.8.8.8") == AddressClass::public_);
  CHECK(classify_address("93.184.216.34") == AddressClass::public_);
  CHECK_FALSE(classify_address("shop.example").has_value());
  CHECK_FALSE(classify_address("300.1.1.1").has_value());
}

TEST_CASE("address class: IPv6, and IPv4 hidden in IPv6") {
  CHECK(classify_address("::1") == AddressClass::loopback);
  CHECK(classify_address("::") == AddressClass::unspecified);
  CHECK(classify_address("fe80::1") == AddressClass::link_local);
  CHECK(classify_address("fc00::1") == AddressClass::private_);
  CHECK(classify_address("fd12:3456::1") == AddressClass::private_);
  CHECK(classify_address("fd00:ec2::254") == AddressClass::metadata);  // AWS over IPv6
  CHECK(classify_address("ff02::1") == AddressClass::multicast);
  CHECK(classify_address("2001:4860:4860::8888") == AddressClass::public_);
  CHECK(classify_address("::ffff:127.0.0.1") == AddressClass::loopback);
  CHECK(classify_address("::ffff:169.254.169.254") == AddressClass::metadata);
  CHECK(classify_address("::ffff:10.0.0.1") == AddressClass::private_);
}

TEST_CASE("address class: what a page may reach depends on where the audited shop is") {
  // A public shop: public addresses only.
  CHECK(address_allowed(AddressClass::public_, AddressClass::public_));
  for (auto c : {AddressClass::loopback, AddressClass::private_, AddressClass::link_local, AddressClass::metadata,
                 AddressClass::unspecified, AddressClass::multicast, AddressClass::reserved})
    CHECK_FALSE(address_allowed(c, AddressClass::public_));
  // A staging server on the intranet (or the tests' 127.0.0.1): its own kind, never metadata.
  CHECK(address_allowed(AddressClass::private_, AddressClass::private_));
  CHECK(address_allowed(AddressClass::loopback, AddressClass::loopback));
  CHECK_FALSE(address_allowed(AddressClass::private_, AddressClass::loopback));
  CHECK_FALSE(address_allowed(AddressClass::metadata, AddressClass::metadata));
  CHECK_FALSE(address_allowed(AddressClass::metadata, AddressClass::link_local));
}
