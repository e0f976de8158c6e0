# Vault figures on 100,000 ledger payments at the production KDF (256,000 rounds): unlock,
# first page, a deep keyset page, monthly and category totals, CSV export. Prints medians.
add_executable(store_bench ${CMAKE_CURRENT_SOURCE_DIR}/benchmarks/store_bench.cpp)
target_link_libraries(store_bench PRIVATE citizendesk_store citizendesk_warnings)
