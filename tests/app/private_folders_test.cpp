#include "catch.hpp"

#include "app/startup_folders.h"
#include "diag/log.h"
#include "diag/rotating_file_sink.h"
#include "owner_only_check.h"
#include "server/database.h"
#include "store/preferences.h"
#include "store/vault.h"
#include "temp_dir.h"

#if !defined(_WIN32)
#include <sys/stat.h>
#endif

#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

using namespace cd;
using cd::path_from_utf8;
using cd::path_to_utf8;
namespace fs = std::filesystem;

namespace {

#if !defined(_WIN32)
unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::lstat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

// Puts the process's umask back at scope exit (start-up changes it for the whole process).
struct UmaskScope {
    mode_t before;
    explicit UmaskScope(mode_t m) : before(::umask(m)) {}
    ~UmaskScope() { ::umask(before); }
};
#endif

class LinesSink final : public diag::Sink {
public:
    void write(const diag::Record&, std::string_view line) override {
        std::lock_guard lock(mutex_);
        lines_.emplace_back(line);
    }
    void flush() override {}
    bool has(const std::string& part) {
        std::lock_guard lock(mutex_);
        for (const auto& l : lines_) {
            if (l.find(part) != std::string::npos) {
                return true;
            }
        }
        return false;
    }

private:
    std::mutex mutex_;
    std::vector<std::string> lines_;
};

} // namespace

#if !defined(_WIN32)
TEST_CASE("start-up makes the folders 0700 and what is created in them 0600 under umask 022",
          "[app][privacy]") {
    UmaskScope umask(022);
    test::TempDir tmp;
    const app::AppPaths paths = app::paths_under(tmp.path() / "profile");
    auto opened = app::open_app_folders(paths);
    REQUIRE(opened.ok());
    CHECK(opened->privacy.repaired.empty());

    store::Vault vault(store::VaultOptions::insecure_fast_kdf_for_tests());
    REQUIRE(vault.create(paths.data_dir / "vault.db", store::SecretBytes("river-stone 42 lantern"))
                .ok());
    // The vault is made aside and renamed in; its -wal and -shm appear with the first write.
    REQUIRE(store::Preferences(vault).set("probe", "x").ok());
    server::Database demo((paths.data_dir / "demo-platform.db").string());
    demo.set_meta("probe", "x");
    auto log = std::make_shared<diag::RotatingFileSink>(paths.log_dir, "citizendesk",
                                                        diag::RotatingFileSink::Limits{});
    diag::add_sink(log);
    diag::info(diag::Category::app, "a line");
    diag::flush();
    diag::remove_sink(log);
    std::ofstream(paths.config_dir / "settings.ini") << "[window]\n";
    std::ofstream(paths.cache_dir / "catalog.json") << "{}";

    for (const fs::path& folder :
         {paths.root, paths.data_dir, paths.config_dir, paths.log_dir, paths.cache_dir}) {
        INFO(folder);
        CHECK(mode_of(folder) == 0700);
    }
    const fs::path files[] = {paths.data_dir / "vault.db",
                              paths.data_dir / "vault.db-wal",
                              paths.data_dir / "vault.db-shm",
                              paths.data_dir / "demo-platform.db",
                              paths.data_dir / "demo-platform.db-wal",
                              paths.data_dir / "demo-platform.db-shm",
                              paths.data_dir / app::InstanceLock::file_name,
                              paths.log_dir / "citizendesk.log",
                              paths.config_dir / "settings.ini",
                              paths.cache_dir / "catalog.json"};
    for (const fs::path& file : files) {
        INFO(file);
        REQUIRE(fs::exists(file));
        CHECK(mode_of(file) == 0600);
    }
}

TEST_CASE("start-up repairs files and folders that others could read, and logs it",
          "[app][privacy]") {
    UmaskScope umask(022);
    test::TempDir tmp;
    const app::AppPaths paths = app::paths_under(tmp.path() / "profile");
    {
        auto first = app::open_app_folders(paths);
        REQUIRE(first.ok());
        std::ofstream(paths.data_dir / "vault.db") << "x";
        std::ofstream(paths.config_dir / "settings.ini") << "[window]\n";
        fs::create_directories(paths.cache_dir / "tiles");
    }
    // As an older version (or a copy with cp) left them.
    ::chmod((paths.data_dir / "vault.db").c_str(), 0644);
    ::chmod((paths.config_dir / "settings.ini").c_str(), 0644);
    ::chmod(paths.data_dir.c_str(), 0755);
    ::chmod((paths.cache_dir / "tiles").c_str(), 0755);
    ::chmod(paths.root.c_str(), 0755);

    auto sink = std::make_shared<LinesSink>();
    diag::add_sink(sink);
    auto again = app::open_app_folders(paths);
    REQUIRE(again.ok());
    app::log_privacy_repair(again->privacy);
    diag::remove_sink(sink);

    CHECK(mode_of(paths.data_dir / "vault.db") == 0600);
    CHECK(mode_of(paths.config_dir / "settings.ini") == 0600);
    CHECK(mode_of(paths.data_dir) == 0700);
    CHECK(mode_of(paths.cache_dir / "tiles") == 0700);
    CHECK(mode_of(paths.root) == 0700);
    CHECK(again->privacy.repaired.size() == 5);
    CHECK(sink->has("made private"));
    CHECK(sink->has("vault.db was 0644, now 0600"));
}
#endif

// The same rules, read back from whichever OS runs the suite (on Windows: the access lists).
TEST_CASE("start-up makes the folders and what is created in them private to the owner, in a "
          "folder with a Chinese name",
          "[app][privacy][platform]") {
    test::TempDir tmp;
    const fs::path root =
        tmp.path() / path_from_utf8("\xE6\x9D\x8E\xE5\xB0\x8F\xE6\xA2\x85"); // 李小梅
    const app::AppPaths paths = app::paths_under(root);
    auto opened = app::open_app_folders(paths);
    REQUIRE(opened.ok());
    CHECK(opened->privacy.repaired.empty());
    CHECK(opened->privacy.failed.empty());
    CHECK(path_to_utf8(paths.root.filename()) == "\xE6\x9D\x8E\xE5\xB0\x8F\xE6\xA2\x85");

    store::Vault vault(store::VaultOptions::insecure_fast_kdf_for_tests());
    REQUIRE(vault.create(paths.data_dir / "vault.db", store::SecretBytes("river-stone 42 lantern"))
                .ok());
    REQUIRE(store::Preferences(vault).set("probe", "x").ok());
    auto log = std::make_shared<diag::RotatingFileSink>(paths.log_dir, "citizendesk",
                                                        diag::RotatingFileSink::Limits{});
    diag::add_sink(log);
    diag::info(diag::Category::app, "a line");
    diag::flush();
    diag::remove_sink(log);
    std::ofstream(paths.config_dir / "settings.ini") << "[window]\n";

    for (const fs::path& p :
         {paths.root, paths.data_dir, paths.config_dir, paths.log_dir, paths.cache_dir,
          paths.data_dir / "vault.db", paths.data_dir / "vault.db-wal",
          paths.data_dir / app::InstanceLock::file_name, paths.log_dir / "citizendesk.log",
          paths.config_dir / "settings.ini"}) {
        REQUIRE(fs::exists(p));
        CHECK_OWNER_ONLY(p);
    }
}

TEST_CASE("start-up makes private a data folder made by someone else, and logs it",
          "[app][privacy][platform]") {
    test::TempDir tmp;
    const app::AppPaths paths = app::paths_under(tmp.path() / "profile");
    // Made the ordinary way: on POSIX readable by others under umask 022, on Windows with
    // the access list the temp folder passes on (the user, administrators, SYSTEM).
    fs::create_directories(paths.data_dir);
    std::ofstream(paths.data_dir / "vault.db") << "x";
    fs::permissions(paths.data_dir / "vault.db", fs::perms::group_read | fs::perms::others_read,
                    fs::perm_options::add);
    fs::permissions(paths.data_dir,
                    fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                        fs::perms::others_exec,
                    fs::perm_options::add);
    const bool before = test::access_of(paths.data_dir).owner_only;
    if (before) {
        WARN("the folder was owner-only before start-up (" << test::access_of(paths.data_dir).what
                                                           << "): nothing for the repair to do");
    }

    auto opened = app::open_app_folders(paths);
    REQUIRE(opened.ok());
    CHECK(opened->privacy.failed.empty());
    if (!before) {
        CHECK_FALSE(opened->privacy.repaired.empty());
    }
    CHECK_OWNER_ONLY(paths.data_dir);
    CHECK_OWNER_ONLY(paths.data_dir / "vault.db");
}
