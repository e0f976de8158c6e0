// Calls that the hardening flags change: printf becomes __printf_chk under _FORTIFY_SOURCE,
// and a function with a local array gets a stack canary under -fstack-protector-strong.
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
    char name[64];
    std::strncpy(name, argc > 0 ? argv[0] : "", sizeof name - 1);
    name[sizeof name - 1] = '\0';
    std::printf("%s %d\n", name, argc);
    return 0;
}
