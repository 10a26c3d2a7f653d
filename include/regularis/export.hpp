// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// REGULARIS_API marks the declarations that form the public ABI. The library is
// compiled with hidden visibility, so in a shared build only what carries this
// mark is exported; in a static build the mark is harmless.
#pragma once

#if defined(_WIN32)
#if defined(REGULARIS_BUILDING_SHARED)
#define REGULARIS_API __declspec(dllexport)
#elif defined(REGULARIS_USING_SHARED)
#define REGULARIS_API __declspec(dllimport)
#else
#define REGULARIS_API
#endif
#else
#define REGULARIS_API __attribute__((visibility("default")))
#endif
