# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# cmake -DROOT=<repo> -DSPEC="mod/dep1,dep2/ext1,ext2|..." -P check_layering.cmake
# Prints every include that breaks the layering rule, or "layering: ok".

cmake_minimum_required(VERSION 3.25)  # policies: keep empty list elements, IN_LIST

# Header prefix -> the imported target that owns it.
set(_owners
  "yaml-cpp/=yaml-cpp" "simdjson=simdjson::simdjson" "sqlite3.h=SQLite::SQLite3"
  "pqxx/=PkgConfig::PQXX" "nlohmann/=nlohmann_json::nlohmann_json" "spdlog/=spdlog::spdlog"
  "date/=date::date" "boost/=Boost::date_time" "openssl/=OpenSSL::Crypto" "CLI/=CLI11::CLI11")

string(REPLACE "|" ";" _entries "${SPEC}")
foreach(e IN LISTS _entries)
  string(REPLACE "/" ";" parts "${e}")
  list(GET parts 0 m)
  list(GET parts 1 d)
  list(GET parts 2 x)
  string(REPLACE "," ";" d "${d}")
  string(REPLACE "," ";" x "${x}")
  set(DEPS_${m} ${d})
  set(EXT_${m} ${x})
  list(APPEND _all ${m})
endforeach()

# Transitive closure of module dependencies.
function(closure m out)
  set(seen ${m})
  set(todo ${DEPS_${m}})
  while(todo)
    list(POP_FRONT todo n)
    if(NOT n IN_LIST seen)
      list(APPEND seen ${n})
      list(APPEND todo ${DEPS_${n}})
    endif()
  endwhile()
  set(${out} ${seen} PARENT_SCOPE)
endfunction()

set(bad "")
foreach(m IN LISTS _all)
  closure(${m} allowed)
  set(ext "")
  foreach(a IN LISTS allowed)
    list(APPEND ext ${EXT_${a}})
  endforeach()
  # A module named a_b may live in src/a/b/ (store_postgres in src/store/postgres/);
  # that folder then belongs to it and not to module a.
  set(dir ${m})
  string(REPLACE "_" "/" nested ${m})
  if(NOT IS_DIRECTORY ${ROOT}/src/${m} AND IS_DIRECTORY ${ROOT}/src/${nested})
    set(dir ${nested})
  endif()
  file(GLOB_RECURSE files ${ROOT}/src/${dir}/*.hpp ${ROOT}/src/${dir}/*.cpp
                          ${ROOT}/include/regularis/${m}/*.hpp)
  foreach(other IN LISTS _all)
    string(REPLACE "_" "/" other_dir ${other})
    if(NOT other STREQUAL m AND other_dir MATCHES "^${dir}/" AND IS_DIRECTORY ${ROOT}/src/${other_dir})
      list(FILTER files EXCLUDE REGEX "^${ROOT}/src/${other_dir}/")
    endif()
  endforeach()
  foreach(f IN LISTS files)
    file(STRINGS ${f} lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
      if(line MATCHES "[<\"]regularis/([a-z_]+)/")
        if(NOT CMAKE_MATCH_1 IN_LIST allowed)
          string(APPEND bad "${f}: ${line} (module ${m} does not depend on ${CMAKE_MATCH_1})\n")
        endif()
      endif()
      foreach(o IN LISTS _owners)
        string(REPLACE "=" ";" o "${o}")
        list(GET o 0 prefix)
        list(GET o 1 target)
        string(FIND "${line}" "<${prefix}" at)
        if(at GREATER -1)
          if(f MATCHES "/include/regularis/")
            string(APPEND bad "${f}: ${line} (public headers speak only regularis and std)\n")
          elseif(NOT target IN_LIST ext)
            string(APPEND bad "${f}: ${line} (module ${m} does not list ${target})\n")
          endif()
        endif()
      endforeach()
    endforeach()
  endforeach()
endforeach()

if(bad)
  message(FATAL_ERROR "layering violations:\n${bad}")
endif()
message("layering: ok")
