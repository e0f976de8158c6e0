# What unlocking the vault costs with this machine's SQLCipher: open + key + first query at
# SQLCipher 3's default KDF (64,000 rounds) and at the vault's 256,000, and the bare PBKDF2
# cost of SHA1 (what 3.4 can do) against SHA512 (SQLCipher 4's default). See docs/vault-cipher.md.
add_executable(vault_cipher_bench ${CMAKE_CURRENT_SOURCE_DIR}/benchmarks/vault_cipher_bench.cpp)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
target_link_libraries(vault_cipher_bench
    PRIVATE citizendesk_store citizendesk_sqlcipher OpenSSL::Crypto citizendesk_warnings)
