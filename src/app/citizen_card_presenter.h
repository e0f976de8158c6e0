// The citizen card screen of My Life: whose card it is and what the platform's profile says
// about it (holder, masked resident ID and phone, district, the card wallet's balance). Signed
// out, it asks the citizen to sign in. The profile comes from PlatformData, or from the
// platform (/v1/me) when the session has none recorded.
#pragma once

#include "app/app_context.h"

#include <string>

namespace cd::app {

struct CitizenCard {
    std::string holder;
    std::string resident_id_masked;
    std::string phone_masked;
    std::string district; // district name
    Message status;       // "Active: linked to your resident ID"
    Message balance;      // "Wallet balance: ¥{0}"
};

class CitizenCardView {
public:
    virtual ~CitizenCardView() = default;
    virtual void show_card(const CitizenCard& card) = 0;
    // No card to show: signed out, or the profile could not be read (the reason).
    virtual void show_no_card(const Message& reason) = 0;
};

class CitizenCardPresenter {
public:
    CitizenCardPresenter(AppContext& context, CitizenCardView& view);
    void start();

    // Pure: the card as the profile describes it.
    static CitizenCard describe(const api::Profile& profile, const api::City* city, bool chinese);

private:
    AppContext& context_;
    CitizenCardView& view_;
    Subscription events_;
    Lifetime lifetime_; // last
};

} // namespace cd::app
