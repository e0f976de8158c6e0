#!/usr/bin/python3
# What a screen reader hears: starts the real app on a fresh data folder with the demo
# platform, and reads through AT-SPI (the bus Orca uses) the names of the fields of the
# create-vault dialog, the sign-in dialog and the main window (the search box, the district
# choice), as the fields' labels say them. It fills the vault dialog through AT-SPI too, so the
# sign-in dialog comes up as it does for a citizen.
#
# Run by ctest under its own D-Bus session (dbus-run-session) on the display of the suite
# (xvfb-run); needs python3-pyatspi and at-spi2-core (installer/debian/install-deps.sh).
# Usage: accessible_names_test.py PATH_TO_CITIZENDESK
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

LIMIT_SECONDS = 60  # bounds each wait for the app; asserts nothing about speed
failures = []


def spoken_name(acc):
    """The field's name as a screen reader says it: the labels it is labelled by, else its own
    accessible name (a choice's own name is its current item, said after the label)."""
    for relation in acc.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            return " ".join(relation.getTarget(i).name for i in range(relation.getNTargets()))
    return acc.name


def walk(acc):
    yield acc
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            yield from walk(child)


def app_of(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def wait_for(what, find):
    """Polls the accessibility tree until find() returns something (there is no AT-SPI event
    this test could wait on for "the app has built this dialog"), within LIMIT_SECONDS."""
    deadline = time.monotonic() + LIMIT_SECONDS
    while time.monotonic() < deadline:
        try:
            found = find()
        except Exception:  # the tree changes under us while the app builds windows
            found = None
        if found:
            return found
        time.sleep(0.2)
    raise SystemExit(f"FAILED: {what} did not appear within {LIMIT_SECONDS} s")


def frame(app, title):
    for i in range(app.childCount):
        child = app.getChildAtIndex(i)
        if child is not None and child.name == title and child.getState().contains(
                pyatspi.STATE_SHOWING):
            return child
    return None


def fields(window, roles):
    return [a for a in walk(window) if a.getRoleName() in roles]


def expect_names(where, found, expected):
    names = [spoken_name(a) for a in found]
    print(f"{where}: {names}")
    if names != expected:
        failures.append(f"{where}: the fields are named {names}, expected {expected}")


def main():
    app_path = sys.argv[1]
    data = tempfile.mkdtemp(prefix="citizendesk-a11y-")
    # A new citizen is first asked about elder mode (a GTK message box, outside this test's
    # scope): the settings file says it was answered, as after any first start.
    os.makedirs(os.path.join(data, "config"))
    with open(os.path.join(data, "config", "settings.ini"), "w", encoding="utf-8") as ini:
        ini.write("[Settings]\nelder_mode_asked=true\n")
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.pop("CITIZENDESK_NO_START_DIALOGS", None)
    env["GTK_A11Y"] = "atk"
    process = subprocess.Popen(
        [app_path, "--demo", "--lang", "en", "--data-dir", data],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        app = wait_for("the app on the accessibility bus", lambda: app_of(process.pid))

        vault = wait_for("the create-vault dialog", lambda: frame(app, "Protect Your Data"))
        secret_fields = wait_for("the passphrase fields",
                                 lambda: fields(vault, {"password text"}))
        expect_names("create-vault dialog", secret_fields, ["Passphrase:", "Type it again:"])

        # A throw-away passphrase, typed through AT-SPI as an assistive tool would.
        passphrase = "Access-" + secrets.token_hex(8)
        for field in secret_fields:
            field.queryEditableText().setTextContents(passphrase)
        create = [a for a in walk(vault) if a.getRoleName() == "push button"
                  and a.name == "Create"]
        if len(create) != 1:
            raise SystemExit("FAILED: no Create button in the create-vault dialog")
        create[0].queryAction().doAction(0)

        sign_in = wait_for("the sign-in dialog", lambda: frame(app, "Sign In"))
        expect_names("sign-in dialog", fields(sign_in, {"text", "password text"}),
                     ["Mobile number:", "Password:", "Code:"])

        main_window = frame(app, "CitizenDesk")
        if main_window is None:
            raise SystemExit("FAILED: no main window")
        named = {}
        for acc in walk(main_window):
            if acc.getRoleName() in {"text", "combo box"}:
                named.setdefault(spoken_name(acc), acc)
        for expected in ["Find a service:", "District:"]:
            if expected not in named:
                failures.append(f"main window: no field named {expected!r} "
                                f"(names: {sorted(n for n in named if n)})")
        print(f"main window: {sorted(n for n in named if n)}")
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(data, ignore_errors=True)

    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
