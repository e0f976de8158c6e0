// libFuzzer target: the My Voice outbox payload codec. A queued report is decoded when it is
// sent, possibly by a later version of the app; decoding must never crash, and what it reads
// must survive being queued again unchanged (encode then decode gives the same fields).
#include "app/voice_reports.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string payload(reinterpret_cast<const char*>(data), size);
    const auto fields = cd::app::decode_payload(payload);
    const auto again = cd::app::decode_payload(cd::app::encode_payload(fields));
    if (again != fields) {
        std::abort(); // a report would change on its way through the outbox
    }
    for (const auto& [name, value] : fields) {
        // The first field of a name is the one payload_field reads.
        const auto found = cd::app::payload_field(fields, name);
        if (found.size() > payload.size()) {
            std::abort();
        }
        (void)value;
    }
    return 0;
}
