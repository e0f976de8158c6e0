#include "app/text_size.h"

#include <cstdlib>

namespace cd::app {

TextSize TextSize::from_percent(long percent) {
    TextSize size;
    long best = -1;
    for (std::size_t i = 0; i < steps_percent.size(); ++i) {
        const long distance = std::labs(percent - steps_percent[i]);
        if (best < 0 || distance < best) {
            best = distance;
            size.index_ = i;
        }
    }
    return size;
}

TextSize TextSize::larger() const {
    TextSize next = *this;
    if (can_grow()) {
        ++next.index_;
    }
    return next;
}

TextSize TextSize::smaller() const {
    TextSize next = *this;
    if (can_shrink()) {
        --next.index_;
    }
    return next;
}

} // namespace cd::app
