# Run by ctest: extract a fresh template, then check the catalog against it.
file(STRINGS ${SOURCES_LIST} sources)
execute_process(
    COMMAND ${XGETTEXT} ${XGETTEXT_ARGS} --output=${WORK_DIR}/fresh.pot ${sources}
    WORKING_DIRECTORY ${SOURCE_DIR}
    RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "xgettext failed: ${err}")
endif()
# msgcmp: every msgid of the template must have a translation in the catalog.
execute_process(COMMAND ${MSGCMP} ${PO} ${WORK_DIR}/fresh.pot
    RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PO} lacks translations (run the `pot` target, then translate):\n${err}")
endif()
execute_process(COMMAND ${MSGFMT} --check --statistics --output-file=/dev/null ${PO}
    RESULT_VARIABLE rc ERROR_VARIABLE stats)
if(NOT rc EQUAL 0 OR stats MATCHES "fuzzy|untranslated")
    message(FATAL_ERROR "${PO} does not compile cleanly or has fuzzy/untranslated entries: ${stats}")
endif()
message(STATUS "${PO}: ${stats}")
