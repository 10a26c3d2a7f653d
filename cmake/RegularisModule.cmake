# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# regularis_add_module(<name> SOURCES ... [MODULES ...] [EXTERNAL ...])
#
# Makes the object library regularis_<name> (alias regularis::<name>) and adds
# its objects to the `regularis` library. MODULES lists the regularis modules it
# may use and EXTERNAL the imported targets it may use: that list is the
# layering rule, and tests/layering checks the #includes against it.
function(regularis_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;MODULES;EXTERNAL" ${ARGN})
  set(target regularis_${name})
  add_library(${target} OBJECT ${ARG_SOURCES})
  add_library(regularis::${name} ALIAS ${target})
  target_compile_features(${target} PUBLIC cxx_std_17)
  target_include_directories(${target}
    PUBLIC ${PROJECT_SOURCE_DIR}/include
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  foreach(dep IN LISTS ARG_MODULES)
    target_link_libraries(${target} PUBLIC regularis_${dep})
  endforeach()
  target_link_libraries(${target} PUBLIC ${ARG_EXTERNAL})
  if(BUILD_SHARED_LIBS)
    target_compile_definitions(${target} PRIVATE REGULARIS_BUILDING_SHARED)
  endif()
  regularis_apply_quality(${target})

  target_sources(regularis PRIVATE $<TARGET_OBJECTS:${target}>)
  target_link_libraries(regularis PRIVATE ${ARG_EXTERNAL})
  set_property(GLOBAL APPEND PROPERTY REGULARIS_MODULES ${name})
  set_property(GLOBAL PROPERTY REGULARIS_MODULE_DEPS_${name} ${ARG_MODULES})
  set_property(GLOBAL PROPERTY REGULARIS_MODULE_EXTERNAL_${name} ${ARG_EXTERNAL})
endfunction()

# regularis_module_closure(<out-var> <module>...): the modules named and every
# module they depend on, each once. Object libraries do not bring the objects
# of their dependencies, so whatever links modules directly (tests, fuzzers)
# links this closure.
function(regularis_module_closure out)
  set(closure "")
  set(todo ${ARGN})
  while(todo)
    list(POP_FRONT todo module)
    if(NOT module IN_LIST closure)
      list(APPEND closure ${module})
      get_property(deps GLOBAL PROPERTY REGULARIS_MODULE_DEPS_${module})
      list(APPEND todo ${deps})
    endif()
  endwhile()
  set(${out} ${closure} PARENT_SCOPE)
endfunction()
