# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# Installs the library, its public headers, a CMake package
# (regularisConfig.cmake + version file + exported targets, namespace
# regularis::), a pkg-config file, and exports the build tree so a consumer can
# use it without installing.
include(CMakePackageConfigHelpers)

set(REGULARIS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/regularis)

export(TARGETS regularis NAMESPACE regularis::
       FILE ${PROJECT_BINARY_DIR}/regularisTargets.cmake)

configure_package_config_file(cmake/regularisConfig.cmake.in
  ${PROJECT_BINARY_DIR}/regularisConfig.cmake
  INSTALL_DESTINATION ${REGULARIS_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/regularisConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)

if(BUILD_SHARED_LIBS)
  set(REGULARIS_PC_CFLAGS "-DREGULARIS_USING_SHARED")
  set(REGULARIS_PC_LIBS_PRIVATE "")
else()
  set(REGULARIS_PC_CFLAGS "")
  set(REGULARIS_PC_LIBS_PRIVATE "-ldate-tz -lboost_date_time -lspdlog -lfmt -lyaml-cpp -lsimdjson -lsqlite3 -lpqxx -lpq -lcrypto -pthread")
endif()
# The .pc file finds its prefix from where it lies (${pcfiledir}), so an
# installed tree can be moved.
file(RELATIVE_PATH REGULARIS_PC_TO_PREFIX
  ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
configure_file(cmake/regularis.pc.in ${PROJECT_BINARY_DIR}/regularis.pc @ONLY)

if(REGULARIS_INSTALL)
  install(TARGETS regularis EXPORT regularisTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(DIRECTORY include/regularis DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(EXPORT regularisTargets NAMESPACE regularis::
    DESTINATION ${REGULARIS_CMAKE_DIR})
  install(FILES ${PROJECT_BINARY_DIR}/regularisConfig.cmake
                ${PROJECT_BINARY_DIR}/regularisConfigVersion.cmake
    DESTINATION ${REGULARIS_CMAKE_DIR})
  install(FILES ${PROJECT_BINARY_DIR}/regularis.pc
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endif()
