# What Debian policy asks of every binary package besides the program: a machine-readable
# copyright file, the changelog (gzip -9n, so the same sources give the same bytes) and a
# manual page for each program in /usr/bin, made at build time from the program's --help.
find_program(CITIZENDESK_GZIP gzip REQUIRED)
find_program(CITIZENDESK_HELP2MAN help2man)

set(linux_dir ${CMAKE_CURRENT_LIST_DIR})
set(doc_out ${PROJECT_BINARY_DIR}/installer/linux)

add_custom_command(OUTPUT ${doc_out}/changelog.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${doc_out}
    COMMAND sh -c "\"$0\" -9 -n -c \"$1\" > \"$2\"" ${CITIZENDESK_GZIP}
        ${linux_dir}/changelog ${doc_out}/changelog.gz
    DEPENDS ${linux_dir}/changelog
    COMMENT "Compressing the Debian changelog"
    VERBATIM)
set(linux_docs ${doc_out}/changelog.gz)

# A cross build cannot run its programs, so it has no manual pages (and no .deb either).
set(manpages)
if(CITIZENDESK_HELP2MAN AND NOT CMAKE_CROSSCOMPILING)
    foreach(page "citizendesk|citizendesk|desktop client for a city's citizen-service platform"
                 "citizendesk-platform|platform|reference platform server for CitizenDesk")
        string(REPLACE "|" ";" page "${page}")
        list(GET page 0 program)
        list(GET page 1 component)
        list(GET page 2 whatis)
        add_custom_command(OUTPUT ${doc_out}/${program}.1.gz
            COMMAND ${CMAKE_COMMAND} -E make_directory ${doc_out}
            COMMAND ${linux_dir}/manpage.sh ${CITIZENDESK_HELP2MAN} $<TARGET_FILE:${program}>
                ${PROJECT_VERSION} ${whatis} ${linux_dir}/${program}.h2m
                ${linux_dir}/changelog ${doc_out}/${program}.1.gz
            DEPENDS ${program} ${linux_dir}/manpage.sh ${linux_dir}/${program}.h2m
                ${linux_dir}/changelog
            COMMENT "Writing the manual page of ${program} from its --help"
            VERBATIM)
        list(APPEND linux_docs ${doc_out}/${program}.1.gz)
        install(FILES ${doc_out}/${program}.1.gz DESTINATION share/man/man1
            COMPONENT ${component})
    endforeach()
elseif(NOT CMAKE_CROSSCOMPILING)
    message(WARNING "help2man not found: no manual pages, and the .deb will lack them "
                    "(installer/debian/install-deps.sh installs it)")
endif()
add_custom_target(linux_docs ALL DEPENDS ${linux_docs})

foreach(package "citizendesk|citizendesk" "citizendesk-platform|platform")
    string(REPLACE "|" ";" package "${package}")
    list(GET package 0 name)
    list(GET package 1 component)
    install(FILES ${linux_dir}/copyright ${doc_out}/changelog.gz
        DESTINATION share/doc/${name} COMPONENT ${component})
endforeach()
