#include "store/page_authentication.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <vector>

namespace cd::store {
namespace {

constexpr std::size_t salt_size = 16;
constexpr std::size_t key_size = 32;
constexpr std::size_t iv_size = 16;
constexpr std::size_t hmac_size = 20;    // SHA1
constexpr std::size_t reserve_size = 48; // IV + HMAC rounded up to the AES block
constexpr unsigned char hmac_salt_mask = 0x3a;
constexpr int hmac_kdf_iterations = 2;

// Key bytes that wipe themselves.
struct Key {
    std::array<unsigned char, key_size> bytes{};
    ~Key() { secure_wipe(bytes.data(), bytes.size()); }
};

} // namespace

PageKeyCheck check_passphrase_on_page_two(const std::filesystem::path& path,
                                          const SecretBytes& passphrase,
                                          const CipherSettings& settings) {
    const auto page_size = static_cast<std::size_t>(settings.page_size);
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, salt_size> salt{};
    std::vector<unsigned char> page(page_size);
    if (!in.read(reinterpret_cast<char*>(salt.data()), salt.size())) {
        return PageKeyCheck::cannot_tell;
    }
    in.seekg(static_cast<std::streamoff>(page_size));
    if (!in.read(reinterpret_cast<char*>(page.data()), static_cast<std::streamsize>(page_size))) {
        return PageKeyCheck::cannot_tell;
    }
    if (std::all_of(page.begin(), page.end(), [](unsigned char b) { return b == 0; })) {
        return PageKeyCheck::cannot_tell;
    }

    Key key;
    Key hmac_key;
    if (PKCS5_PBKDF2_HMAC(passphrase.data(), static_cast<int>(passphrase.size()), salt.data(),
                          static_cast<int>(salt.size()), settings.kdf_iterations, EVP_sha1(),
                          static_cast<int>(key_size), key.bytes.data()) != 1) {
        return PageKeyCheck::cannot_tell;
    }
    std::array<unsigned char, salt_size> hmac_salt = salt;
    for (auto& b : hmac_salt) {
        b ^= hmac_salt_mask;
    }
    if (PKCS5_PBKDF2_HMAC(reinterpret_cast<const char*>(key.bytes.data()),
                          static_cast<int>(key_size), hmac_salt.data(),
                          static_cast<int>(hmac_salt.size()), hmac_kdf_iterations, EVP_sha1(),
                          static_cast<int>(key_size), hmac_key.bytes.data()) != 1) {
        return PageKeyCheck::cannot_tell;
    }

    // MAC input: the page's ciphertext and IV, then the page number (2) little-endian.
    const std::size_t authenticated = page_size - reserve_size + iv_size;
    std::vector<unsigned char> input(page.begin(),
                                     page.begin() + static_cast<std::ptrdiff_t>(authenticated));
    input.insert(input.end(), {2, 0, 0, 0});
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int mac_size = 0;
    if (HMAC(EVP_sha1(), hmac_key.bytes.data(), static_cast<int>(key_size), input.data(),
             input.size(), mac.data(), &mac_size) == nullptr ||
        mac_size != hmac_size) {
        return PageKeyCheck::cannot_tell;
    }
    const bool fits = std::equal(mac.begin(), mac.begin() + hmac_size,
                                 page.begin() + static_cast<std::ptrdiff_t>(authenticated));
    return fits ? PageKeyCheck::key_fits : PageKeyCheck::key_does_not_fit;
}

} // namespace cd::store
