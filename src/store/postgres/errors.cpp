// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The translation of libpqxx exceptions into StoreErrors, and the packing of
// a SQLSTATE into an Error's native code (PostgreSQL's MAKE_SQLSTATE).
#include "store/postgres/errors.hpp"

#include <pqxx/except>

#include "regularis/store/postgres_store.hpp"

namespace regularis {

int postgres_native_code(const std::string& sqlstate) {
  if (sqlstate.size() != 5) return 0;
  int code = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    const char c = sqlstate[i];
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return 0;
    code |= ((c - '0') & 0x3F) << (6 * i);
  }
  return code;
}

std::string postgres_sqlstate(int native_code) {
  if (native_code <= 0 || native_code >= (1 << 30)) return {};
  std::string out(5, '0');
  for (std::size_t i = 0; i < 5; ++i)
    out[i] = static_cast<char>('0' + ((native_code >> (6 * i)) & 0x3F));
  // Only codes that postgres_native_code() could have made.
  return postgres_native_code(out) == native_code ? out : std::string();
}

namespace detail::postgres {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

[[noreturn]] void raise(const char* code, std::string_view what, const std::string& message,
                        const std::string& sqlstate) {
  std::string text = std::string(what) + ": " + message;
  if (!sqlstate.empty()) text += " (SQLSTATE " + sqlstate + ")";
  throw StoreError(code, text, {}, postgres_native_code(sqlstate));
}

}  // namespace

std::string primary_message(std::string_view message) {
  message = message.substr(0, message.find('\n'));
  for (std::string_view prefix : {"ERROR:  ", "FATAL:  ", "PANIC:  ", "WARNING:  "})
    if (starts_with(message, prefix)) message.remove_prefix(prefix.size());
  while (!message.empty() && (message.back() == ' ' || message.back() == '\r' ||
                              message.back() == '\t' || message.back() == '.'))
    message.remove_suffix(1);
  if (message.empty()) return "no message";
  return std::string(message);
}

void rethrow_as_store_error(std::string_view what) {
  try {
    throw;
  } catch (const Error&) {
    throw;
  } catch (const pqxx::in_doubt_error& e) {
    raise("store.in_doubt", what,
          "the connection was lost while committing; whether the transaction was recorded is "
          "unknown (" +
              primary_message(e.what()) + ")",
          kConnectionFailure);
  } catch (const pqxx::broken_connection& e) {
    raise("store.connection", what,
          "the connection to the server was lost (" + primary_message(e.what()) + ")",
          kConnectionFailure);
  } catch (const pqxx::sql_error& e) {
    const std::string& state = e.sqlstate();
    const std::string message = primary_message(e.what());
    if (starts_with(state, "08") || state == "57P01" || state == "57P02" || state == "57P03")
      raise("store.connection", what, message, state);
    if (state == "40001" || state == "40P01" || state == "55P03")
      raise("store.busy", what, message, state);
    raise("store.postgres", what, message, state);
  } catch (const pqxx::statement_completion_unknown& e) {
    raise("store.in_doubt", what, primary_message(e.what()), kConnectionFailure);
  } catch (const pqxx::failure& e) {
    raise("store.postgres", what, primary_message(e.what()), "");
  } catch (const std::exception& e) {
    raise("store.postgres", what, primary_message(e.what()), "");
  }
}

bool connection_lost() noexcept {
  try {
    throw;
  } catch (const pqxx::broken_connection&) {
    return true;
  } catch (const pqxx::in_doubt_error&) {
    return true;
  } catch (const pqxx::statement_completion_unknown&) {
    return true;
  } catch (const pqxx::sql_error& e) {
    const std::string& state = e.sqlstate();
    return starts_with(state, "08") || state == "57P01" || state == "57P02" || state == "57P03";
  } catch (const StoreError& e) {
    return e.code() == "store.connection" || e.code() == "store.in_doubt";
  } catch (...) {
    return false;
  }
}

}  // namespace detail::postgres
}  // namespace regularis
