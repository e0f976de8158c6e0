# search: the catalog search index (core/catalog_index) over the full seeded catalog of the
# reference server: index build time, and per-query latency (median, p99) by kind of query.
# Prints figures and a few sanity checks of the ranking; never run by ctest.
add_executable(search_bench ${CMAKE_CURRENT_LIST_DIR}/search_bench.cpp)
target_link_libraries(search_bench PRIVATE citizendesk_core citizendesk_server citizendesk_warnings)
