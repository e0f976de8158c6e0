# payments_history: My Payments' History presenters on 100,000 ledger entries in a vault with
# the production KDF: unlock, unlock to the first history page, a jump to row 99,000, filter
# change latency (median, p99) and the CSV export. Prints figures; never run by ctest.
add_executable(payments_history_bench ${CMAKE_CURRENT_LIST_DIR}/payments_history_bench.cpp)
target_include_directories(payments_history_bench PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
target_link_libraries(payments_history_bench PRIVATE citizendesk_app citizendesk_warnings)
