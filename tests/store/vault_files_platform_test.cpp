// The operating-system side of the vault's files, on whichever system runs the suite: private
// creation, durable flushes and the one-step replace (vault_files_posix.cpp / _win.cpp).
#include "store/vault.h"
#include "store/vault_files.h"
#include "store_test_support.h"

#include "catch.hpp"
#include "core/path_text.h"
#include "owner_only_check.h"
#include "temp_dir.h"

#include <fstream>
#include <iterator>
#include <string>

using namespace cd;
using namespace cd::store;
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("create_private_file makes a file for its owner alone and refuses an existing one",
          "[platform]") {
    test::TempDir dir("citizendesk-private");
    const fs::path file = dir.path() / "new.db";
    REQUIRE(create_private_file(file).ok());
    CHECK(fs::exists(file));
    CHECK(fs::file_size(file) == 0);
    CHECK_OWNER_ONLY(file);
    CHECK_FALSE(create_private_file(file).ok());
}

TEST_CASE("a new vault is for its owner alone, in a folder with a Chinese name", "[platform]") {
    test::TempDir dir("citizendesk-vault-acl");
    const fs::path folder = dir.path() / path_from_utf8("\xE5\xB8\x82\xE6\xB0\x91"); // 市民
    fs::create_directories(folder);
    const fs::path path = folder / "vault.db";
    Vault vault(VaultOptions::insecure_fast_kdf_for_tests());
    REQUIRE(vault.create(path, SecretBytes("river-stone 42 lantern")).ok());
    vault.lock();
    CHECK(vault_file_present(path));
    CHECK_OWNER_ONLY(path);
}

TEST_CASE("replace_file puts the new file in the old one's place in one step", "[platform]") {
    test::TempDir dir("citizendesk-replace");
    const fs::path target = dir.path() / "export.csv";
    const fs::path partial = hidden_sibling(target, ".partial");
    std::ofstream(target, std::ios::binary) << "old";
    std::ofstream(partial, std::ios::binary) << "new contents";
    REQUIRE(sync_file(partial).ok());
    CHECK_FALSE(replace_file(partial, target));
    CHECK(read_all(target) == "new contents");
    CHECK_FALSE(fs::exists(partial));
    // Nothing to move: an error, and the file in place is untouched.
    CHECK(replace_file(partial, target));
    CHECK(read_all(target) == "new contents");
}

TEST_CASE("sync_file flushes a file that exists and reports one that does not", "[platform]") {
    test::TempDir dir("citizendesk-sync");
    const fs::path file = dir.path() / "data.bin";
    std::ofstream(file, std::ios::binary) << "bytes";
    CHECK(sync_file(file).ok());
    auto missing = sync_file(dir.path() / "missing.bin");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::storage);
    CHECK(sync_folder(dir.path()).ok());
}
