// CitizenDesk's entry point: everything happens in the ui layer, which owns the toolkit.
#include "ui/run.h"

int main(int argc, char** argv) {
    return cd::ui::run(argc, argv);
}
