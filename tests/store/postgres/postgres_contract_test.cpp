// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// PostgresStore passes the CaseStore contract suite (store_contract.inc),
// each test in a fresh schema of the fixture's server.
#include <catch2/catch.hpp>

#include "store/postgres/postgres_factory.hpp"

#define REGULARIS_STORE_FACTORIES regularis::test::PostgresFactory
#include "store/store_contract.inc"
