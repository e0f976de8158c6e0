# Registered in place of a check whose tool is not installed, so that the check fails loudly
# instead of silently not running.
message(FATAL_ERROR "${TOOL} is not installed, so this check cannot run; install it with "
                    "installer/debian/install-deps.sh")
