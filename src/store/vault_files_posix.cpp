// The POSIX side of vault_files.h: fsync, O_EXCL with mode 0600, rename(2).
#include "store/vault_files.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace cd::store {

Status sync_file(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) {
        return make_error(ErrorKind::storage,
                          std::string("open for fsync: ") + std::strerror(errno));
    }
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) {
        return make_error(ErrorKind::storage, std::string("fsync: ") + std::strerror(err));
    }
    return Done{};
}

Status sync_folder(const std::filesystem::path& folder) {
    const auto name = folder.empty() ? std::filesystem::path(".") : folder;
    const int fd = ::open(name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return make_error(ErrorKind::storage,
                          std::string("open the folder for fsync: ") + std::strerror(errno));
    }
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) {
        return make_error(ErrorKind::storage,
                          std::string("fsync the folder: ") + std::strerror(err));
    }
    return Done{};
}

Status create_private_file(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return make_error(ErrorKind::storage,
                          std::string("create the new vault file: ") + std::strerror(errno));
    }
    ::close(fd);
    return Done{};
}

std::error_code replace_file(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::error_code ec;
    std::filesystem::rename(from, to, ec); // rename(2) replaces atomically
    return ec;
}

} // namespace cd::store
