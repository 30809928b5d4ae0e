package dev.promesa.followup.signin;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** {@link SignInText} in English; same keys. */
@Localized("en")
public interface SignInTextEn extends SignInText {

    @Override
    @Message("Sign in to the board")
    String title();

    @Override
    @Message("Type the email address you use at {desk} and we will send you a link to sign in.")
    String intro(String desk);

    @Override
    @Message("Your email address")
    String emailLabel();

    @Override
    @Message("Send me the link")
    String send();

    @Override
    @Message("Does your company use single sign-on?")
    String oidcQuestion();

    @Override
    @Message("Sign in with your company account")
    String oidc();

    @Override
    @Message("Type your full email address, for example name@company.com.")
    String badEmail();

    @Override
    @Message("You have signed out. See you soon.")
    String signedOut();

    @Override
    @Message("Check your email")
    String sentTitle();

    @Override
    @Message("If {email} is known to {desk}, we have just sent it a sign-in link. It works once, for {minutes} "
            + "minutes.")
    String sent(String email, String desk, long minutes);

    @Override
    @Message("If it has not arrived in a couple of minutes, look in your spam folder or ask for another link.")
    String sentHelp();

    @Override
    @Message("Ask for another link")
    String another();

    @Override
    @Message("Too many links have been asked for from this connection. Please try again in {minutes} "
            + "{#if minutes == 1}minute{#else}minutes{/if}.")
    String tooMany(long minutes);

    @Override
    @Message("You are signing in to the {desk} board as {email}.")
    String confirm(String email, String desk);

    @Override
    @Message("Sign in")
    String confirmButton();

    @Override
    @Message("We ask for this step so that the link is not used up if your email program opens it by itself to "
            + "check it.")
    String confirmWhy();

    @Override
    @Message("This link no longer works")
    String expiredTitle();

    @Override
    @Message("Sign-in links work once, for {minutes} minutes. Ask for a new one and open it as soon as it arrives.")
    String expired(long minutes);

    @Override
    @Message("Your link to sign in to the {desk} board")
    String mailSubject(String desk);

    @Override
    @Message("{#if name}Hello {name},{#else}Hello,{/if}")
    String mailGreeting(String name);

    @Override
    @Message("To sign in to the Promesa board of {desk}, open this link:")
    String mailIntro(String desk);

    @Override
    @Message("Sign in to the board")
    String mailButton();

    @Override
    @Message("It works once, within the next {minutes} minutes.")
    String mailValidity(long minutes);

    @Override
    @Message("If you did not ask for this link, you need not do anything: without it nobody can sign in with your "
            + "address.")
    String mailNotYou();
}
