#include "store/owner_only_access.h"

#include <windows.h>

#include <aclapi.h>
#include <sddl.h>

#include <memory>

namespace cd::store {

namespace {

std::string win_error(const char* what, DWORD code) {
    return std::string(what) + " failed, Windows error " + std::to_string(code);
}

// The current user's SID, copied out of the process token.
class UserSid {
public:
    UserSid() {
        HANDLE token = nullptr;
        if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) {
            error_ = GetLastError();
            return;
        }
        DWORD size = 0;
        GetTokenInformation(token, TokenUser, nullptr, 0, &size);
        buffer_ = std::make_unique<unsigned char[]>(size);
        if (!GetTokenInformation(token, TokenUser, buffer_.get(), size, &size)) {
            error_ = GetLastError();
        }
        CloseHandle(token);
    }
    bool ok() const { return error_ == ERROR_SUCCESS; }
    DWORD error() const { return error_; }
    PSID sid() const { return reinterpret_cast<TOKEN_USER*>(buffer_.get())->User.Sid; }

private:
    std::unique_ptr<unsigned char[]> buffer_;
    DWORD error_ = ERROR_SUCCESS;
};

std::string sid_text(PSID sid) {
    LPSTR text = nullptr;
    if (!ConvertSidToStringSidA(sid, &text)) {
        return "(unreadable SID)";
    }
    std::string out = text;
    LocalFree(text);
    return out;
}

// A self-contained security descriptor whose DACL allows the user everything and is
// protected from inheritance; a folder's entry is inherited by files and subfolders.
class OwnerOnlyDescriptor {
public:
    OwnerOnlyDescriptor(PSID user, bool folder) {
        const DWORD acl_size =
            static_cast<DWORD>(sizeof(ACL) + sizeof(ACCESS_ALLOWED_ACE) + GetLengthSid(user));
        acl_ = std::make_unique<unsigned char[]>(acl_size);
        const DWORD inherit = folder ? (OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE) : 0;
        ok_ = InitializeAcl(acl(), acl_size, ACL_REVISION) &&
              AddAccessAllowedAceEx(acl(), ACL_REVISION, inherit, FILE_ALL_ACCESS, user) &&
              InitializeSecurityDescriptor(&descriptor_, SECURITY_DESCRIPTOR_REVISION) &&
              SetSecurityDescriptorDacl(&descriptor_, TRUE, acl(), FALSE) &&
              SetSecurityDescriptorControl(&descriptor_, SE_DACL_PROTECTED, SE_DACL_PROTECTED);
        error_ = ok_ ? ERROR_SUCCESS : GetLastError();
        attributes_.nLength = sizeof attributes_;
        attributes_.lpSecurityDescriptor = &descriptor_;
        attributes_.bInheritHandle = FALSE;
    }
    bool ok() const { return ok_; }
    DWORD error() const { return error_; }
    PACL acl() { return reinterpret_cast<PACL>(acl_.get()); }
    SECURITY_ATTRIBUTES* attributes() { return &attributes_; }

private:
    std::unique_ptr<unsigned char[]> acl_;
    SECURITY_DESCRIPTOR descriptor_{};
    SECURITY_ATTRIBUTES attributes_{};
    bool ok_ = false;
    DWORD error_ = ERROR_SUCCESS;
};

} // namespace

std::string AccessList::describe() const {
    if (null_dacl) {
        return "no access list (everyone)";
    }
    if (owner_only()) {
        return "owner only";
    }
    std::string out = "also";
    for (std::size_t i = 0; i < others.size(); ++i) {
        out += (i == 0 ? " " : ", ") + others[i];
    }
    if (unknown_entries) {
        out += others.empty() ? " entries of other types" : " and entries of other types";
    }
    return out;
}

Result<std::string> current_user_sid() {
    UserSid user;
    if (!user.ok()) {
        return make_error(ErrorKind::storage, win_error("reading the user's SID", user.error()));
    }
    return sid_text(user.sid());
}

Result<AccessList> read_access_list(const std::filesystem::path& path) {
    UserSid user;
    if (!user.ok()) {
        return make_error(ErrorKind::storage, win_error("reading the user's SID", user.error()));
    }
    PACL dacl = nullptr;
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    const DWORD rc = GetNamedSecurityInfoW(path.c_str(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION,
                                           nullptr, nullptr, &dacl, nullptr, &descriptor);
    if (rc != ERROR_SUCCESS) {
        return make_error(ErrorKind::storage, win_error("GetNamedSecurityInfoW", rc));
    }
    AccessList out;
    SECURITY_DESCRIPTOR_CONTROL control = 0;
    DWORD revision = 0;
    if (GetSecurityDescriptorControl(descriptor, &control, &revision)) {
        out.is_protected = (control & SE_DACL_PROTECTED) != 0;
    }
    out.null_dacl = dacl == nullptr;
    for (DWORD i = 0; dacl != nullptr && i < dacl->AceCount; ++i) {
        void* entry = nullptr;
        if (!GetAce(dacl, i, &entry)) {
            out.unknown_entries = true;
            continue;
        }
        const auto* header = static_cast<const ACE_HEADER*>(entry);
        if (header->AceType == ACCESS_DENIED_ACE_TYPE) {
            continue; // a denial lets no one in
        }
        if (header->AceType != ACCESS_ALLOWED_ACE_TYPE) {
            out.unknown_entries = true;
            continue;
        }
        auto* allowed = static_cast<ACCESS_ALLOWED_ACE*>(entry);
        PSID sid = &allowed->SidStart;
        if (EqualSid(sid, user.sid())) {
            ++out.owner_entries;
        } else {
            out.others.push_back(sid_text(sid));
        }
    }
    LocalFree(descriptor);
    return out;
}

Status restrict_to_owner(const std::filesystem::path& path, bool folder) {
    UserSid user;
    if (!user.ok()) {
        return make_error(ErrorKind::storage, win_error("reading the user's SID", user.error()));
    }
    OwnerOnlyDescriptor owner_only(user.sid(), folder);
    if (!owner_only.ok()) {
        return make_error(ErrorKind::storage,
                          win_error("building the owner-only access list", owner_only.error()));
    }
    std::wstring name = path.wstring(); // the call takes a non-const string
    const DWORD rc =
        SetNamedSecurityInfoW(name.data(), SE_FILE_OBJECT,
                              DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                              nullptr, nullptr, owner_only.acl(), nullptr);
    if (rc != ERROR_SUCCESS) {
        return make_error(ErrorKind::storage, win_error("SetNamedSecurityInfoW", rc));
    }
    return Done{};
}

Status create_owner_only_folder(const std::filesystem::path& path) {
    UserSid user;
    if (!user.ok()) {
        return make_error(ErrorKind::storage, win_error("reading the user's SID", user.error()));
    }
    OwnerOnlyDescriptor owner_only(user.sid(), true);
    if (!owner_only.ok()) {
        return make_error(ErrorKind::storage,
                          win_error("building the owner-only access list", owner_only.error()));
    }
    if (!CreateDirectoryW(path.c_str(), owner_only.attributes())) {
        const DWORD why = GetLastError();
        if (why == ERROR_ALREADY_EXISTS) {
            return Done{};
        }
        return make_error(ErrorKind::storage, win_error("CreateDirectoryW", why));
    }
    return Done{};
}

Status create_owner_only_file(const std::filesystem::path& path) {
    UserSid user;
    if (!user.ok()) {
        return make_error(ErrorKind::storage, win_error("reading the user's SID", user.error()));
    }
    OwnerOnlyDescriptor owner_only(user.sid(), false);
    if (!owner_only.ok()) {
        return make_error(ErrorKind::storage,
                          win_error("building the owner-only access list", owner_only.error()));
    }
    HANDLE h = CreateFileW(path.c_str(), GENERIC_WRITE, 0, owner_only.attributes(), CREATE_NEW,
                           FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        return make_error(ErrorKind::storage, win_error("CreateFileW", GetLastError()));
    }
    CloseHandle(h);
    return Done{};
}

} // namespace cd::store
