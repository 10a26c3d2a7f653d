# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# libFuzzer support (REGULARIS_FUZZ=ON, clang only). Instruments the module
# object libraries a fuzz target links with coverage, AddressSanitizer and
# UndefinedBehaviorSanitizer, and makes each target with
# regularis_add_fuzzer(<name> SOURCES ... MODULES ...), linking the listed
# modules and every module they depend on (as regularis_add_test does).
# The system libraries (yaml-cpp, simdjson, ...) are not instrumented.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "REGULARIS_FUZZ needs clang (configure with -DCMAKE_CXX_COMPILER=clang++)")
endif()

set(REGULARIS_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                         -fno-omit-frame-pointer -g)

# Modules already instrumented, so that a module shared by two targets gets
# its flags once.
set_property(GLOBAL PROPERTY REGULARIS_FUZZ_INSTRUMENTED "")

function(regularis_add_fuzzer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;MODULES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  regularis_module_closure(modules ${ARG_MODULES})
  get_property(done GLOBAL PROPERTY REGULARIS_FUZZ_INSTRUMENTED)
  foreach(module IN LISTS modules)
    if(NOT module IN_LIST done)
      target_compile_options(regularis_${module} PRIVATE ${REGULARIS_FUZZ_FLAGS})
      set_property(GLOBAL APPEND PROPERTY REGULARIS_FUZZ_INSTRUMENTED ${module})
    endif()
    target_link_libraries(${name} PRIVATE regularis_${module})
  endforeach()
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined
                                         -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  regularis_apply_quality(${name})
endfunction()
