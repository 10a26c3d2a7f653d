// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Shared test fixtures of the rules tests: a TypeEnvironment with the
// application format's usual facts, and Slots, which owns the slot values
// (and the lists, records and strings they point to) for an evaluation.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "regularis/rules/expression.hpp"

namespace regularis::test {

inline Date day(const char* text) { return *Date::parse(text); }
inline Money money(const char* text) { return *Money::parse(text); }
inline Decimal dec(const char* text) { return *Decimal::parse(text); }
inline Country country(const char* code) { return *Country::parse(code); }

struct RulesFixture {
  std::shared_ptr<const RecordType> conviction = RecordType::make(
      "conviction",
      {{"date", Type::date()}, {"category", Type::string()}, {"country", Type::country()}});
  std::shared_ptr<const RecordType> document =
      RecordType::make("document", {{"type", Type::string()},
                                    {"shows_date", Type::date()},
                                    {"verified", Type::boolean()},
                                    {"issued_by", Type::country()}});
  std::shared_ptr<const RecordType> absence =
      RecordType::make("absence", {{"from", Type::date()}, {"to", Type::date()}});
  std::shared_ptr<const RecordType> permit = RecordType::make(
      "permit", {{"type", Type::string()}, {"from", Type::date()}, {"to", Type::date()}});
  std::shared_ptr<const RecordType> payment =
      RecordType::make("payment", {{"fee", Type::string()}, {"amount", Type::money()}});
  MapEnvironment env;

  RulesFixture() {
    env.add("applicant.entry_date", Type::date())
        .add("applicant.date_of_birth", Type::date())
        .add("applicant.residence_since", Type::date())
        .add("applicant.criminal.pending_proceedings", Type::boolean())
        .add("applicant.criminal.convictions", Type::list_of(Type::record(conviction)))
        .add("applicant.nationalities", Type::list_of(Type::country()))
        .add("applicant.absences", Type::list_of(Type::record(absence)))
        .add("applicant.last_permit", Type::record(permit))
        .add("applicant.job_offer.sector", Type::string())
        .add("applicant.job_offer.hours_per_week", Type::decimal())
        .add("applicant.job_offer.duration_months", Type::integer())
        .add("applicant.income", Type::money())
        .add("documents", Type::list_of(Type::record(document)))
        .add("payments", Type::list_of(Type::record(payment)))
        .add("facts.resident_on_2015_01_13", Type::boolean());
  }
};

/// Slot values for one evaluation; owns everything the Values point to.
class Slots {
 public:
  explicit Slots(const SlotTable& table) : table_(table), values_(table.size()) {}

  Slots& set(const std::string& path, Value v) {
    auto id = table_.find(path);
    if (!id) throw std::runtime_error("no slot " + path);
    values_[*id] = v;
    return *this;
  }
  Value list(std::vector<Value> items) {
    store_.push_back(std::move(items));
    return Value::list(store_.back());
  }
  Value record(std::vector<Value> fields) {
    store_.push_back(std::move(fields));
    return Value::record(store_.back());
  }
  Value str(const std::string& s) {
    strings_.push_back(s);
    return Value::string(strings_.back());
  }
  const std::vector<Value>& values() {
    values_.resize(table_.size());
    return values_;
  }

 private:
  const SlotTable& table_;
  std::vector<Value> values_;
  std::deque<std::vector<Value>> store_;
  std::deque<std::string> strings_;
};

}  // namespace regularis::test
