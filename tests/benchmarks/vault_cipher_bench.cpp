// vault_cipher_bench [runs]: times what a citizen waits for at unlock, on this machine's
// SQLCipher, and prints the median of each over the runs (default 5). Never asserts time.
//  - open + key + first query of a small vault file made with the given KDF rounds (the key
//    is derived when the first page is read), at 64,000 (SQLCipher 3's default) and 256,000
//    rounds (the vault's production setting, PBKDF2-HMAC-SHA1 on SQLCipher 3.4);
//  - the same through store::Vault, which adds the schema check and quick_check;
//  - PBKDF2 alone through OpenSSL at 256,000 rounds with SHA1 and with SHA512, which is what
//    SQLCipher 4's default key derivation would cost (3.4 cannot select SHA512).
#include "store/cipher_settings.h"
#include "store/vault.h"

#include <openssl/evp.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <future>
#include <string>
#include <unistd.h>
#include <vector>

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

constexpr const char* passphrase = "benchmark passphrase 2026";

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

double time_ms(const std::function<void()>& f) {
    const auto start = Clock::now();
    f();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) {
        std::fprintf(stderr, "%s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
        std::exit(1);
    }
}

void exec(sqlite3* db, const std::string& sql) {
    check(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), db, sql.c_str());
}

void key(sqlite3* db, int iterations) {
    check(sqlite3_key(db, passphrase, static_cast<int>(std::string(passphrase).size())), db, "key");
    exec(db, "PRAGMA kdf_iter = " + std::to_string(iterations));
    exec(db, "PRAGMA cipher_page_size = 4096");
}

void make_file(const fs::path& file, int iterations) {
    sqlite3* db = nullptr;
    check(sqlite3_open(file.string().c_str(), &db), db, "open");
    key(db, iterations);
    exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (zeroblob(100000));");
    sqlite3_close(db);
}

void unlock(const fs::path& file, int iterations) {
    sqlite3* db = nullptr;
    check(sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), db, "open");
    key(db, iterations);
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &st, nullptr), db,
          "first query");
    check(sqlite3_step(st), db, "first query");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

double pbkdf2_ms(const EVP_MD* md, int iterations) {
    unsigned char out[64];
    const unsigned char salt[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    return time_ms([&] {
        PKCS5_PBKDF2_HMAC(passphrase, static_cast<int>(std::string(passphrase).size()), salt,
                          sizeof salt, iterations, md, 32, out);
    });
}

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const fs::path dir =
        fs::temp_directory_path() / ("cd-cipher-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);

    sqlite3* probe = nullptr;
    sqlite3_open(":memory:", &probe);
    std::printf("SQLCipher %s, SQLite %s, %d runs (median)\n",
                cd::store::cipher_version(probe).c_str(), sqlite3_libversion(), runs);
    sqlite3_close(probe);

    for (int iterations : {64000, cd::store::production_kdf_iterations}) {
        const fs::path file = dir / ("kdf-" + std::to_string(iterations) + ".db");
        make_file(file, iterations);
        std::vector<double> t;
        for (int i = 0; i < runs; ++i) {
            t.push_back(time_ms([&] { unlock(file, iterations); }));
        }
        std::printf("open + key + first query, PBKDF2-HMAC-SHA1 %6d rounds: %8.1f ms\n", iterations,
                    median(t));
    }

    {
        cd::store::Vault vault; // production options
        const fs::path file = dir / "vault.db";
        if (auto s = vault.create(file, cd::store::SecretBytes(passphrase)); !s) {
            std::fprintf(stderr, "create: %s\n", s.error().detail.c_str());
            return 1;
        }
        vault.lock();
        std::vector<double> t;
        for (int i = 0; i < runs; ++i) {
            t.push_back(time_ms([&] {
                if (auto s = vault.unlock(file, cd::store::SecretBytes(passphrase)); !s) {
                    std::fprintf(stderr, "open: %s\n", s.error().detail.c_str());
                    std::exit(1);
                }
            }));
            vault.lock();
        }
        std::printf("store::Vault unlock (production settings, schema + quick_check): %8.1f ms\n",
                    median(t));
    }

    for (auto [name, md] : {std::pair{"SHA1", EVP_sha1()}, std::pair{"SHA512", EVP_sha512()}}) {
        std::vector<double> t;
        for (int i = 0; i < runs; ++i) {
            t.push_back(pbkdf2_ms(md, cd::store::production_kdf_iterations));
        }
        std::printf("PBKDF2-HMAC-%-6s 256000 rounds alone (OpenSSL %s): %8.1f ms\n", name,
                    OpenSSL_version(OPENSSL_VERSION_STRING), median(t));
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}
