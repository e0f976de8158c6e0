# catalog_fetch: PlatformClient fetching the full catalog from the in-process reference server,
# cold and as a 304 (from the EtagCache, and to the caller's ETag), with bytes. Prints medians.
add_executable(catalog_fetch_bench ${CMAKE_CURRENT_LIST_DIR}/catalog_fetch_bench.cpp)
target_link_libraries(catalog_fetch_bench
    PRIVATE citizendesk_api citizendesk_server citizendesk_httplib citizendesk_warnings)
