// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The private inside of ProgrammeSource: the parsed document. Only load.cpp
// makes it and only the checker reads it.
#pragma once

#include "programme/source_tree.hpp"
#include "regularis/programme/load.hpp"

namespace regularis {

class ProgrammeSource::Impl {
 public:
  detail::SourceDocument doc;
};

}  // namespace regularis
