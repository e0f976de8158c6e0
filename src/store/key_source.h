// Where the vault's passphrase comes from at unlock. Today: what the citizen typed. Later,
// "remember on this computer" adds a source backed by the OS keychain without changing Vault.
#pragma once

#include "core/error.h"
#include "store/secret_bytes.h"

#include <utility>

namespace cd::store {

class KeySource {
public:
    virtual ~KeySource() = default;
    // Hands over the passphrase once; the vault wipes it right after keying the connection.
    virtual Result<SecretBytes> take_passphrase() = 0;
};

class TypedPassphrase final : public KeySource {
public:
    explicit TypedPassphrase(SecretBytes passphrase) : passphrase_(std::move(passphrase)) {}
    Result<SecretBytes> take_passphrase() override { return std::move(passphrase_); }

private:
    SecretBytes passphrase_;
};

} // namespace cd::store
