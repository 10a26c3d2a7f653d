# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# Finds the Debian packages regularis is built on. Each has one job (see
# style.md); scripts/setup installs them. libpqxx ships only a pkg-config file
# on Debian, so it becomes the imported target PkgConfig::PQXX.
find_package(Threads REQUIRED)
find_package(date CONFIG REQUIRED)               # civil dates, time zones (date::date, date::date-tz)
find_package(Boost 1.74 REQUIRED COMPONENTS date_time)  # holiday rules, period sets
find_package(spdlog CONFIG REQUIRED)             # logging
find_package(yaml-cpp CONFIG REQUIRED)           # programme files
find_package(simdjson CONFIG REQUIRED)           # reading applications
find_package(nlohmann_json 3 CONFIG REQUIRED)    # writing JSON
find_package(SQLite3 REQUIRED)                   # embedded case store
find_package(OpenSSL REQUIRED COMPONENTS Crypto) # SHA-256 of the audit chain
find_package(PkgConfig REQUIRED)
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET GLOBAL libpqxx)  # PostgreSQL case store
