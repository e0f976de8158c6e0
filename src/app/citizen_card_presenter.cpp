#include "app/citizen_card_presenter.h"

namespace cd::app {

CitizenCardPresenter::CitizenCardPresenter(AppContext& context, CitizenCardView& view)
    : context_(context), view_(view) {
    events_ = Subscription(context_.events, lifetime_.guard([this](AppEvent event) {
        if (event == AppEvent::signed_in || event == AppEvent::signed_out ||
            event == AppEvent::city_changed) {
            start();
        }
    }));
}

void CitizenCardPresenter::start() {
    if (!context_.data.signed_in()) {
        view_.show_no_card(msg(N_("Sign in to see your citizen card.")));
        return;
    }
    if (const auto& profile = context_.data.profile()) {
        view_.show_card(describe(*profile, context_.data.city().get(), context_.chinese));
        return;
    }
    call_platform<api::Profile>(
        context_.platform, context_.ui, [](api::PlatformClient& c, auto done) { c.me(done); },
        lifetime_.guard([this](Result<api::Profile> result) {
            if (!context_.data.signed_in()) {
                return; // signed out meanwhile; start() has said so
            }
            if (!result.ok()) {
                view_.show_no_card(result.error().message_for_user());
                return;
            }
            view_.show_card(describe(*result, context_.data.city().get(), context_.chinese));
        }));
}

CitizenCard CitizenCardPresenter::describe(const api::Profile& profile, const api::City* city,
                                           bool chinese) {
    CitizenCard card;
    card.holder = localized(profile.name, chinese);
    card.resident_id_masked = profile.resident_id_masked;
    card.phone_masked = profile.phone_masked;
    card.district = profile.district;
    if (city) {
        for (const auto& d : city->districts) {
            if (d.id == profile.district) {
                card.district = localized(d.name, chinese);
            }
        }
    }
    card.status = profile.resident_id_masked.empty()
                      ? msg(N_("Not linked: the platform has no resident ID for you."))
                      : msg(N_("Linked to your resident ID"));
    card.balance =
        msg(N_("Card wallet balance: ¥{0}"), {to_decimal_string(profile.wallet_balance)});
    return card;
}

} // namespace cd::app
