// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Everything a host needs, in one include. Opt-in headers that bring a
// third-party library into the host's build (regularis/log.hpp for spdlog,
// regularis/json.hpp for nlohmann-json) are not included here.
#pragma once

#include "regularis/cases/case.hpp"
#include "regularis/cases/case_id.hpp"
#include "regularis/cases/case_service.hpp"
#include "regularis/cases/event.hpp"
#include "regularis/cases/event_log.hpp"
#include "regularis/cases/lifecycle.hpp"
#include "regularis/core/country.hpp"
#include "regularis/core/date.hpp"
#include "regularis/core/decimal.hpp"
#include "regularis/core/diagnostic.hpp"
#include "regularis/core/error.hpp"
#include "regularis/core/instant.hpp"
#include "regularis/core/logging.hpp"
#include "regularis/core/money.hpp"
#include "regularis/core/period.hpp"
#include "regularis/core/utf8.hpp"
#include "regularis/engine/engine.hpp"
#include "regularis/engine/evaluation.hpp"
#include "regularis/facts/csv.hpp"
#include "regularis/facts/fact_path.hpp"
#include "regularis/facts/facts.hpp"
#include "regularis/facts/read.hpp"
#include "regularis/facts/schema.hpp"
#include "regularis/programme/check.hpp"
#include "regularis/programme/load.hpp"
#include "regularis/programme/programme.hpp"
#include "regularis/store/case_store.hpp"
#include "regularis/store/sqlite_store.hpp"
#include "regularis/version.hpp"
