# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# Build options. Everything a consumer does not need defaults to off when
# regularis is pulled in with add_subdirectory() or FetchContent.
include(GNUInstallDirs)

option(BUILD_SHARED_LIBS "Build regularis as a shared library" OFF)
option(REGULARIS_BUILD_TESTS "Build the tests" ${PROJECT_IS_TOP_LEVEL})
option(REGULARIS_BUILD_EXAMPLES "Build the examples and the regularis checker" ${PROJECT_IS_TOP_LEVEL})
option(REGULARIS_BUILD_BENCHMARKS "Build the Google Benchmark programs" OFF)
option(REGULARIS_INSTALL "Generate the install target" ${PROJECT_IS_TOP_LEVEL})
option(REGULARIS_DEVELOPER "Strict warnings as errors on regularis' own code" OFF)
option(REGULARIS_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(REGULARIS_FUZZ "Build the libFuzzer targets in fuzz/ (clang only)" OFF)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES AND PROJECT_IS_TOP_LEVEL)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

set(CMAKE_CXX_VISIBILITY_PRESET hidden)
set(CMAKE_VISIBILITY_INLINES_HIDDEN ON)
set(CMAKE_CXX_EXTENSIONS OFF)
if(BUILD_SHARED_LIBS)
  set(CMAKE_POSITION_INDEPENDENT_CODE ON)
endif()
