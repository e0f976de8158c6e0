# server_seed: how long the reference server takes to generate its data (catalog + first-run
# database seed), and to start and stop. Prints medians; never run by ctest.
add_executable(server_seed_benchmark ${CMAKE_CURRENT_LIST_DIR}/server_seed_benchmark.cpp)
target_link_libraries(server_seed_benchmark PRIVATE citizendesk_server citizendesk_warnings)
