// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The smallest host program: uses the public headers only, prints
// "consumer: ok" when the library answers as documented.
#include <iostream>

#include <regularis/regularis.hpp>

int main() {
  using namespace regularis;
  auto cutoff = Date::parse("2009-02-01");
  auto entry = Date::parse("2009-02-02");
  auto fee = Money::parse("64.58 BRL");
  if (!cutoff || !entry || !fee || !(*entry > *cutoff) || fee->to_string() != "64.58 BRL") {
    std::cerr << "consumer: unexpected answer\n";
    return 1;
  }
  std::cout << "regularis " << version_string() << "\nconsumer: ok\n";
  return 0;
}
