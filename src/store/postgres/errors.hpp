// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// From libpqxx exceptions to the store's errors: which StoreError code a
// SQLSTATE or a lost connection becomes, and the message it carries (what
// the store was doing, the server's primary message — its first line, so no
// DETAIL with row values — and the SQLSTATE). Never the connection string.
#pragma once

#include <string>
#include <string_view>

#include "regularis/cases/event_log.hpp"

namespace regularis::detail::postgres {

/// The SQLSTATE for a connection lost without a word from the server.
inline constexpr const char* kConnectionFailure = "08006";
/// The SQLSTATE for a connection that could not be made.
inline constexpr const char* kUnableToConnect = "08001";

/// The first line of a libpq / server message, without its "ERROR:  " or
/// "FATAL:  " prefix and trailing whitespace.
std::string primary_message(std::string_view message);

/// The StoreError for the exception being handled (call inside a catch
/// block): store.connection for a broken connection or a class 08 / 57P0x
/// SQLSTATE, store.in_doubt for a commit whose outcome is unknown, store.busy
/// for 40001, 40P01 and 55P03, store.postgres otherwise. Exceptions that are
/// already StoreErrors (or regularis errors) pass through unchanged.
[[noreturn]] void rethrow_as_store_error(std::string_view what);

/// True when the exception being handled means the connection is gone (the
/// pool must drop it).
bool connection_lost() noexcept;

}  // namespace regularis::detail::postgres
