// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Turns an application's typed facts into the slot array a programme
// version's compiled expressions read: one Value per slot of the version's
// SlotTable, lists and records laid out in storage this object owns. A fact
// whose value does not fit the type the programme gives it (a custom fact
// declared a date that holds "soon") becomes a diagnostic naming its JSON
// path, and the record is invalid.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "regularis/core/date.hpp"
#include "regularis/core/diagnostic.hpp"
#include "regularis/facts/facts.hpp"
#include "regularis/rules/expression.hpp"
#include "regularis/rules/value.hpp"

namespace regularis::detail {

/// A declared fact's value in a `facts` object (the applicant's or a
/// dependant's): the key `name`, else, for a name with dots
/// ("custom.anything"), the nested objects it names; nullptr when absent.
const FactValue* declared_field(const FactValue& facts, std::string_view name);

class SlotFiller {
 public:
  /// Fills every slot of `table` from `facts`; `filing_date` and `as_of`
  /// fill the built-in names of those names (unknown when not given).
  std::vector<Value> fill(const SlotTable& table, const Facts& facts,
                          std::optional<Date> filing_date, std::optional<Date> as_of,
                          Diagnostics& diagnostics);

  /// One fact node as a value of `type`; `path` names it in diagnostics.
  Value convert(const FactValue& node, const Type& type, const std::string& path,
                Diagnostics& diagnostics);

 private:
  // Where a value sits below the path given to convert(): spelled out only
  // when a diagnostic names it, so that converting allocates no paths.
  struct Place {
    const Place* parent = nullptr;
    std::string_view name;  // the path given (at the top), else a field's name
    std::size_t index = 0;  // an element's index, when `name` is empty
    std::string str() const;
  };
  Value convert_at(const FactValue& node, const Type& type, const Place& place,
                   Diagnostics& diagnostics);
  ValueSpan store(std::vector<Value> values);
  std::deque<std::vector<Value>> storage_;  // stable addresses for list and record spans
};

}  // namespace regularis::detail
