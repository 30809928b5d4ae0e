package dev.promesa.followup.signin;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** {@link OidcText} in English; same keys. */
@Localized("en")
public interface OidcTextEn extends OidcText {

    @Override
    @Message("We cannot open the board for you")
    String title();

    @Override
    @Message("The account {email} is not known to {desk}. Ask your team lead to give you access (assign you a ticket "
            + "or add you to the team directory), then try again.")
    String unknown(String email, String desk);

    @Override
    @Message("Your identity provider has not verified the address {email}. Verify it there, or ask your team lead "
            + "for help.")
    String unverified(String email);

    @Override
    @Message("Your identity provider did not send us an e-mail address, so we cannot tell who you are in {desk}. "
            + "Let whoever runs Promesa know: the connection to the provider must ask for the \"email\" "
            + "scope.")
    String noEmail(String desk);

    @Override
    @Message("If you have another company account, sign out of your identity provider and sign in again with it.")
    String otherAccount();

    @Override
    @Message("Sign in with an e-mail link")
    String emailLink();
}
