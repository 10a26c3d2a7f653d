# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# Builds and runs the consumer project against regularis in one of three ways
# (MODE = find_package | pkg_config | add_subdirectory). Run by CTest with
# cmake -P; fails loudly at the first step that fails.
function(step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "step failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

set(prefix ${WORK}/prefix)
set(consumer ${REGULARIS_SOURCE}/tests/package/consumer)

if(MODE STREQUAL "find_package" OR MODE STREQUAL "pkg_config")
  file(REMOVE_RECURSE ${prefix})
  step(${CMAKE_COMMAND} --install ${REGULARIS_BUILD} --prefix ${prefix})
endif()

if(MODE STREQUAL "find_package")
  set(bin ${WORK}/find_package)
  file(REMOVE_RECURSE ${bin})
  step(${CMAKE_COMMAND} -S ${consumer} -B ${bin} -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${prefix}
       "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}")
  step(${CMAKE_COMMAND} --build ${bin})
  set(exe ${bin}/consumer)
elseif(MODE STREQUAL "pkg_config")
  set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig:${prefix}/lib/x86_64-linux-gnu/pkgconfig)
  step(pkg-config --cflags --libs --static regularis)
  string(STRIP "${step_output}" flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  set(exe ${WORK}/pkg_config_consumer)
  step(${CXX} -std=c++17 ${consumer}/main.cpp -o ${exe} ${flags} ${LINK_FLAGS})
elseif(MODE STREQUAL "add_subdirectory")
  set(bin ${WORK}/add_subdirectory)
  file(REMOVE_RECURSE ${bin})
  step(${CMAKE_COMMAND} -S ${consumer} -B ${bin} -G ${GENERATOR}
       -DREGULARIS_CONSUMER_ADD_SUBDIRECTORY=${REGULARIS_SOURCE})
  step(${CMAKE_COMMAND} --build ${bin} --parallel 2)
  set(exe ${bin}/consumer)
else()
  message(FATAL_ERROR "unknown MODE ${MODE}")
endif()

step(${exe})
message("${step_output}")
