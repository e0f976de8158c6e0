// Shared by the store tests: a fresh unlocked vault in a TempDir (fast KDF unless asked for
// the production one) and a file scan for plain-text canaries.
#pragma once

#include "store/vault.h"
#include "temp_dir.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

namespace cd::test {

inline constexpr const char* test_passphrase = "river-stone 42 lantern";

struct OpenVault {
    TempDir dir{"citizendesk-store"};
    std::filesystem::path path = dir.path() / "vault.db";
    store::Vault vault{store::VaultOptions::insecure_fast_kdf_for_tests()};

    OpenVault() {
        auto s = vault.create(path, store::SecretBytes(test_passphrase));
        if (!s) {
            throw std::runtime_error("create vault: " + s.error().detail);
        }
    }
    store::Connection& db() { return **vault.connection(); }
};

inline std::string read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// True when `needle` appears anywhere in the file (missing file: false).
inline bool file_contains(const std::filesystem::path& p, std::string_view needle) {
    return read_bytes(p).find(needle) != std::string::npos;
}

} // namespace cd::test
