// The Windows side of vault_files.h: FlushFileBuffers, an owner-only access list from the
// first byte, MoveFileExW with write-through.
#include "store/owner_only_access.h"
#include "store/vault_files.h"

#include <windows.h>

namespace cd::store {

namespace {

std::error_code last_error() {
    return std::error_code(static_cast<int>(GetLastError()), std::system_category());
}

} // namespace

Status sync_file(const std::filesystem::path& path) {
    // FlushFileBuffers needs a handle with write access; sharing lets SQLite keep its own open.
    HANDLE h = CreateFileW(path.c_str(), GENERIC_WRITE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        return make_error(ErrorKind::storage,
                          "open for FlushFileBuffers: " + last_error().message());
    }
    const bool flushed = FlushFileBuffers(h) != 0;
    const std::error_code why = last_error();
    CloseHandle(h);
    if (!flushed) {
        return make_error(ErrorKind::storage, "FlushFileBuffers: " + why.message());
    }
    return Done{};
}

Status sync_folder(const std::filesystem::path& folder) {
    (void)folder; // replace_file's MOVEFILE_WRITE_THROUGH already waited for the rename
    return Done{};
}

Status create_private_file(const std::filesystem::path& path) {
    return create_owner_only_file(path);
}

std::error_code replace_file(const std::filesystem::path& from, const std::filesystem::path& to) {
    // Unlike std::filesystem::rename (MOVEFILE_COPY_ALLOWED, no write-through), never a copy
    // that a crash could leave half done, and returns once the new name is on the disk.
    if (!MoveFileExW(from.c_str(), to.c_str(),
                     MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        return last_error();
    }
    return {};
}

} // namespace cd::store
